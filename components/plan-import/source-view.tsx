"use client";

import { useState } from "react";
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

/** The normalised source text with every extracted target highlighted; for a PDF, also its pages as read. */
export function PlanSourceView({ draft, pages }: { draft: PlanDraft; pages?: string[] }) {
  const [view, setView] = useState<"text" | "pages">("text");
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
  const hasPages = pages !== undefined && pages.length > 0;
  return (
    <section className="card lg:sticky lg:top-4 lg:max-h-[85vh] lg:overflow-y-auto" aria-labelledby="source-title">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="source-title" className="font-semibold">{view === "pages" ? "PDF 原文" : "原文（黄色为识别出的量化指标）"}</h2>
        {hasPages ? (
          <div role="group" aria-label="原文视图" className="flex gap-1 text-sm">
            <button type="button" className={view === "text" ? "btn-primary" : "btn"} aria-pressed={view === "text"} onClick={() => setView("text")}>识别文本</button>
            <button type="button" className={view === "pages" ? "btn-primary" : "btn"} aria-pressed={view === "pages"} onClick={() => setView("pages")}>PDF 原文</button>
          </div>
        ) : null}
      </div>
      {view === "pages" && hasPages ? (
        <ol className="space-y-4" data-testid="pdf-pages">
          {pages.map((page, index) => (
            <li key={index} aria-label={`PDF 第 ${index + 1} 页`} className="rounded border border-slate-200 p-2">
              <h3 className="mb-1 text-xs font-semibold text-slate-500">PDF 第 {index + 1} 页</h3>
              <pre className="whitespace-pre-wrap font-serif text-sm leading-6">{page}</pre>
            </li>
          ))}
        </ol>
      ) : (
        <div className="whitespace-pre-wrap font-serif text-sm leading-7" data-testid="source-text">{parts}</div>
      )}
    </section>
  );
}
