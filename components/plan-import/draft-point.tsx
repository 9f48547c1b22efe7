"use client";

import { emptyTarget, type DraftPoint, type DraftTarget, type OfficeRef } from "@/lib/plan/import-draft";
import { DraftOfficeFields } from "@/components/plan-import/draft-offices";
import { DraftTargetRow } from "@/components/plan-import/draft-target";

/** One work point in the import editor: title, text, offices, deadline, responsible, targets. */
export function DraftPointCard({ point, offices, onChange, problems = [] }: {
  point: DraftPoint;
  offices: readonly OfficeRef[];
  onChange: (patch: Partial<DraftPoint>) => void;
  /** This point's problems from the last save attempt, shown beside its fields. */
  problems?: string[];
}) {
  const n = point.number;
  const setTarget = (key: string, patch: Partial<DraftTarget>) =>
    onChange({ targets: point.targets.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
  const unresolved = Boolean(point.unknownLead) || point.unknownSupport.length > 0;
  return (
    <div className={`space-y-2 rounded border p-3 ${problems.length ? "border-red-400" : unresolved ? "border-amber-300" : "border-slate-200"}`} data-testid="draft-point">
      {problems.length ? (
        <ul role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-800" data-testid="point-problems">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      ) : null}
      <div className="flex items-center gap-2">
        <span className="shrink-0 font-semibold">要点 {n}</span>
        <input className="input font-medium" value={point.title} onChange={(e) => onChange({ title: e.target.value })} aria-label={`要点${n} 标题`} maxLength={200} />
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-slate-600">正文（{point.text.length} 字）</summary>
        <textarea className="input mt-1 min-h-28 font-serif" value={point.text} onChange={(e) => onChange({ text: e.target.value })} aria-label={`要点${n} 正文`} maxLength={5000} />
      </details>
      <DraftOfficeFields point={point} offices={offices} onChange={onChange} />
      <div className="grid gap-2 sm:grid-cols-3">
        <label>
          <span className="label">完成时限（原文）</span>
          <input className="input" value={point.deadlineText} onChange={(e) => onChange({ deadlineText: e.target.value })} placeholder="如：6月底前" aria-label={`要点${n} 完成时限`} maxLength={50} />
        </label>
        <label>
          <span className="label">截止日期</span>
          <input className="input" type="date" value={point.deadline} onChange={(e) => onChange({ deadline: e.target.value })} aria-label={`要点${n} 截止日期`} />
        </label>
        <label>
          <span className="label">责任人</span>
          <input className="input" value={point.responsible} onChange={(e) => onChange({ responsible: e.target.value })} aria-label={`要点${n} 责任人`} maxLength={50} />
        </label>
      </div>
      <div className="space-y-2">
        {point.targets.map((target, index) => (
          <DraftTargetRow
            key={target.key}
            target={target}
            name={`要点${n} 指标${index + 1}`}
            onChange={(patch) => setTarget(target.key, patch)}
            onDelete={() => onChange({ targets: point.targets.filter((t) => t.key !== target.key) })}
          />
        ))}
        <button type="button" className="btn" onClick={() => onChange({ targets: [...point.targets, emptyTarget()] })}>
          为要点{n}添加指标
        </button>
      </div>
    </div>
  );
}
