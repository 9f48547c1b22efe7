"use client";

import { targetText } from "@/components/plan-labels";
import type { DraftTarget, PlanDraft } from "@/lib/plan/import-draft";

/** Targets found outside any point: assign each to a point or leave it out. */
export function DraftUnassignedTargets({ draft, onAssign, onDiscard }: {
  draft: PlanDraft;
  onAssign: (target: DraftTarget, pointKey: string) => void;
  onDiscard: (target: DraftTarget) => void;
}) {
  if (draft.unassigned.length === 0) return null;
  const points = draft.sections.flatMap((s) => s.points);
  return (
    <section className="rounded border border-amber-300 bg-amber-50 p-3" aria-labelledby="unassigned-title">
      <h3 id="unassigned-title" className="mb-2 text-sm font-semibold text-amber-900">
        以下 {draft.unassigned.length} 项指标不在任何要点内，归入要点后才会保存
      </h3>
      <ul className="space-y-2 text-sm">
        {draft.unassigned.map((target, index) => (
          <li key={target.key} className="flex flex-wrap items-center gap-2">
            <span>{targetText({ ...target, value: Number(target.value) })}：{target.sourceText}</span>
            <select className="input w-auto" value="" onChange={(e) => e.target.value && onAssign(target, e.target.value)} aria-label={`未归属指标${index + 1} 归入要点`}>
              <option value="">归入要点…</option>
              {points.map((p) => <option key={p.key} value={p.key}>要点 {p.number}：{p.title.slice(0, 20)}</option>)}
            </select>
            <button type="button" className="btn" onClick={() => onDiscard(target)}>不保存</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
