import { ActionForm } from "@/components/action-form";
import { createTargetAction, deleteTargetAction, updateTargetAction } from "@/lib/plan/actions";
import type { PlanTarget } from "@/lib/plan/queries";
import { COMPARATOR_LABEL, isoDay, KIND_LABEL } from "@/components/plan-labels";

type TargetValues = Pick<PlanTarget, "subject" | "comparator" | "value" | "unit" | "kind" | "sourceText" | "deadline">;

const BLANK: TargetValues = { subject: "", comparator: ">=", value: 1, unit: "次", kind: "COUNT", sourceText: "", deadline: null };

/** The target fields; `name` prefixes the accessible labels ("要点1 指标2 目标值"). */
function TargetFields({ values, name }: { values: TargetValues; name: string }) {
  return (
    <>
      <label className="sm:col-span-2">
        <span className="label">指标内容</span>
        <input className="input" name="subject" defaultValue={values.subject} required maxLength={100} aria-label={`${name} 内容`} />
      </label>
      <label>
        <span className="label">比较方式</span>
        <select className="input" name="comparator" defaultValue={values.comparator} aria-label={`${name} 比较方式`}>
          {Object.entries(COMPARATOR_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label>
        <span className="label">目标值</span>
        <input className="input" type="number" name="value" min={0} step="any" defaultValue={values.value} required aria-label={`${name} 目标值`} />
      </label>
      <label>
        <span className="label">单位</span>
        <input className="input" name="unit" defaultValue={values.unit} maxLength={20} aria-label={`${name} 单位`} />
      </label>
      <label>
        <span className="label">类型</span>
        <select className="input" name="kind" defaultValue={values.kind} aria-label={`${name} 类型`}>
          {Object.entries(KIND_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label>
        <span className="label">截止日期</span>
        <input className="input" type="date" name="deadline" defaultValue={isoDay(values.deadline)} aria-label={`${name} 截止日期`} />
      </label>
      <label className="sm:col-span-2">
        <span className="label">原文</span>
        <input className="input" name="sourceText" defaultValue={values.sourceText} maxLength={1000} aria-label={`${name} 原文`} />
      </label>
    </>
  );
}

const GRID = "grid gap-2 rounded border border-slate-200 bg-slate-50 p-3 sm:grid-cols-4";

export function TargetEditForm({ target, name }: { target: PlanTarget; name: string }) {
  return (
    <div className="space-y-2">
      <ActionForm action={updateTargetAction} submitLabel="保存指标" className={GRID}>
        <input type="hidden" name="id" value={target.id} />
        <input type="hidden" name="version" value={target.version} />
        <TargetFields values={target} name={name} />
      </ActionForm>
      <ActionForm action={deleteTargetAction} submitLabel={`删除${name}`} buttonClassName="btn-danger" confirm="确定删除该量化指标吗？">
        <input type="hidden" name="id" value={target.id} />
        <input type="hidden" name="version" value={target.version} />
        {target._count.quantities > 0 ? <p className="text-xs text-slate-500">该指标已有台账数据，不能删除。</p> : null}
      </ActionForm>
    </div>
  );
}

export function TargetCreateForm({ workPointId, name }: { workPointId: number; name: string }) {
  return (
    <ActionForm action={createTargetAction} submitLabel="添加指标" className={GRID}>
      <input type="hidden" name="workPointId" value={workPointId} />
      <TargetFields values={BLANK} name={name} />
    </ActionForm>
  );
}
