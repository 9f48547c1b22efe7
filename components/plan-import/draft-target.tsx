"use client";

import type { DraftTarget } from "@/lib/plan/import-draft";
import { COMPARATOR_LABEL, KIND_LABEL } from "@/components/plan-labels";
import type { Comparator, TargetKind } from "@/lib/plan/copy";

/** One editable target of the import editor; `name` prefixes the labels ("要点1 指标1"). */
export function DraftTargetRow({ target, name, onChange, onDelete }: {
  target: DraftTarget;
  name: string;
  onChange: (patch: Partial<DraftTarget>) => void;
  onDelete: () => void;
}) {
  return (
    <div className="grid gap-2 rounded border border-red-100 bg-red-50/40 p-2 sm:grid-cols-6" data-testid="draft-target">
      <label className="sm:col-span-2">
        <span className="label">指标内容</span>
        <input className="input" value={target.subject} onChange={(e) => onChange({ subject: e.target.value })} aria-label={`${name} 内容`} maxLength={100} />
      </label>
      <label>
        <span className="label">比较</span>
        <select className="input" value={target.comparator} onChange={(e) => onChange({ comparator: e.target.value as Comparator })} aria-label={`${name} 比较方式`}>
          {Object.entries(COMPARATOR_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label>
        <span className="label">目标值</span>
        <input className="input" inputMode="decimal" value={target.value} onChange={(e) => onChange({ value: e.target.value })} aria-label={`${name} 目标值`} />
      </label>
      <label>
        <span className="label">单位</span>
        <input className="input" value={target.unit} onChange={(e) => onChange({ unit: e.target.value })} aria-label={`${name} 单位`} maxLength={20} />
      </label>
      <label>
        <span className="label">类型</span>
        <select className="input" value={target.kind} onChange={(e) => onChange({ kind: e.target.value as TargetKind })} aria-label={`${name} 类型`}>
          {Object.entries(KIND_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label className="sm:col-span-4">
        <span className="label">原文</span>
        <input className="input" value={target.sourceText} onChange={(e) => onChange({ sourceText: e.target.value })} aria-label={`${name} 原文`} maxLength={1000} />
      </label>
      <label>
        <span className="label">截止日期</span>
        <input className="input" type="date" value={target.deadline} onChange={(e) => onChange({ deadline: e.target.value })} aria-label={`${name} 截止日期`} />
      </label>
      <div className="flex items-end gap-2">
        {target.start >= 0 ? <a href={`#src-${target.key}`} className="text-xs text-brand hover:underline">原文位置</a> : null}
        <button type="button" className="btn-danger" onClick={onDelete} aria-label={`删除${name}`}>删除</button>
      </div>
    </div>
  );
}
