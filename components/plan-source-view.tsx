"use client";

import type { DraftTarget, PlanDraft } from "@/lib/plan/import-draft";

interface Range {
  start: number;
  end: number;
  key: string;
  label: string;
}

/** Target ranges that fit the text, in order, without overlaps (a later overlapping one is dropped). */
export function highlightRanges(text: string, targets: readonly DraftTarget[]): Range[] {
  const ranges = targets
    .filter((t) => t.start >= 0 && t.end > t.start && t.end <= text.length)
    .map((t) => ({ start: t.start, end: t.end, key: t.key, label: t.subject }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const range of ranges) {
    const last = out[out.length - 1];
    if (!last || range.start >= last.end) out.push(range);
  }
  return out;
}

export function draftTargets(draft: PlanDraft): DraftTarget[] {
  return [...draft.sections.flatMap((s) => s.points.flatMap((p) => p.targets)), ...draft.unassigned];
}

/** The normalised source text with every extracted target highlighted. */
export function PlanSourceView({ draft }: { draft: PlanDraft }) {
  const text = draft.normalizedText;
  const ranges = highlightRanges(text, draftTargets(draft));
  const parts: React.ReactNode[] = [];
  let cursor = 0;
  for (const range of ranges) {
    if (range.start > cursor) parts.push(text.slice(cursor, range.start));
    parts.push(
      <mark key={range.key} id={`src-${range.key}`} title={`量化指标：${range.label}`} className="rounded bg-yellow-200 px-0.5" data-testid="source-target">
        {text.slice(range.start, range.end)}
      </mark>,
    );
    cursor = range.end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return (
    <section className="card lg:sticky lg:top-4 lg:max-h-[85vh] lg:overflow-y-auto" aria-labelledby="source-title">
      <h2 id="source-title" className="mb-2 font-semibold">原文（黄色为识别出的量化指标）</h2>
      <div className="whitespace-pre-wrap font-serif text-sm leading-7" data-testid="source-text">{parts}</div>
    </section>
  );
}
