import { ActionForm } from "@/components/action-form";
import { updatePointAction } from "@/lib/plan/actions";
import type { OfficeOption, PlanPoint } from "@/lib/plan/queries";
import { isoDay } from "@/components/plan-labels";

/** Inline editor of one work point (coordinator): title, text, offices, deadline, responsible, completion. */
export function PlanPointForm({ point, offices }: { point: PlanPoint; offices: OfficeOption[] }) {
  const n = point.number;
  const supportIds = new Set(point.supportOffices.map((s) => s.officeId));
  // Inactive offices stay selectable only where they are already assigned.
  const choices = offices.filter((o) => o.active || o.id === point.leadOfficeId || supportIds.has(o.id));
  return (
    <ActionForm action={updatePointAction} submitLabel="保存要点" className="mt-2 grid gap-3 rounded border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2">
      <input type="hidden" name="id" value={point.id} />
      <input type="hidden" name="version" value={point.version} />
      <label className="sm:col-span-2">
        <span className="label">标题</span>
        <input className="input" name="title" defaultValue={point.title} required maxLength={200} aria-label={`要点${n} 标题`} />
      </label>
      <label className="sm:col-span-2">
        <span className="label">正文</span>
        <textarea className="input min-h-24" name="text" defaultValue={point.text} maxLength={5000} aria-label={`要点${n} 正文`} />
      </label>
      <label>
        <span className="label">牵头科室</span>
        <select className="input" name="leadOfficeId" defaultValue={point.leadOfficeId ?? ""} aria-label={`要点${n} 牵头科室`}>
          <option value="">（未指定）</option>
          {choices.map((o) => (
            <option key={o.id} value={o.id}>{o.name}{o.active ? "" : "（已停用）"}</option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend className="label">配合科室</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {choices.map((o) => (
            <label key={o.id} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="supportOfficeIds" value={o.id} defaultChecked={supportIds.has(o.id)} aria-label={`要点${n} 配合科室 ${o.name}`} />
              {o.name}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        <span className="label">完成时限（原文）</span>
        <input className="input" name="deadlineText" defaultValue={point.deadlineText} maxLength={50} placeholder="如：6月底前" aria-label={`要点${n} 完成时限`} />
      </label>
      <label>
        <span className="label">截止日期</span>
        <input className="input" type="date" name="deadline" defaultValue={isoDay(point.deadline)} aria-label={`要点${n} 截止日期`} />
      </label>
      <label>
        <span className="label">责任人</span>
        <input className="input" name="responsible" defaultValue={point.responsible} maxLength={50} aria-label={`要点${n} 责任人`} />
      </label>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="completed" defaultChecked={Boolean(point.completedAt)} aria-label={`要点${n} 已完成`} /> 已完成
        </label>
        <label>
          <span className="label">完成日期</span>
          <input className="input" type="date" name="completedAt" defaultValue={isoDay(point.completedAt)} aria-label={`要点${n} 完成日期`} />
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="carriedOver" defaultChecked={point.carriedOver} aria-label={`要点${n} 上年结转`} /> 上年结转
        </label>
      </div>
    </ActionForm>
  );
}
