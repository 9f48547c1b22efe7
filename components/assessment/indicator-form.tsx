import { ActionForm } from "@/components/action-form";
import { addIndicatorAction, updateIndicatorAction } from "@/lib/assessment/actions";
import type { IndicatorView } from "@/lib/assessment/queries";
import { RULE_LABELS, SCORING_RULES } from "@/lib/assessment/rules";

function Fields({ ind }: { ind?: IndicatorView }) {
  return (
    <div className="grid gap-2 md:grid-cols-2">
      <label className="label">指标名称<input name="title" className="input" defaultValue={ind?.title ?? ""} required /></label>
      <label className="label">分值（末级指标必填）<input name="points" className="input" inputMode="decimal" defaultValue={ind?.points ?? ""} /></label>
      <label className="label md:col-span-2">考核内容<textarea name="content" className="input" rows={2} defaultValue={ind?.content ?? ""} /></label>
      <label className="label md:col-span-2">评分标准<textarea name="criteria" className="input" rows={2} defaultValue={ind?.criteria ?? ""} /></label>
      <label className="label">
        计分规则
        <select name="rule" className="input" defaultValue={ind?.rule ?? "MANUAL"}>
          {SCORING_RULES.map((r) => <option key={r} value={r}>{RULE_LABELS[r]}</option>)}
        </select>
      </label>
      <label className="label">每缺一项扣分（按扣分计分时填写）<input name="deduction" className="input" inputMode="decimal" defaultValue={ind?.deduction ?? ""} /></label>
    </div>
  );
}

export function IndicatorEditForm({ ind }: { ind: IndicatorView }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand">修改指标</summary>
      <ActionForm action={updateIndicatorAction} submitLabel="保存指标" className="mt-2">
        <input type="hidden" name="id" value={ind.id} />
        <input type="hidden" name="version" value={ind.version} />
        <Fields ind={ind} />
      </ActionForm>
    </details>
  );
}

/** Enter an indicator by hand: at the top level or under a 一级/二级 indicator. */
export function AddIndicatorForm({ year, parents }: { year: number; parents: IndicatorView[] }) {
  return (
    <details className="card text-sm">
      <summary className="cursor-pointer font-medium text-brand">手工添加指标</summary>
      <ActionForm action={addIndicatorAction} submitLabel="添加指标" className="mt-2 space-y-2">
        <input type="hidden" name="year" value={year} />
        <label className="label">
          上级指标
          <select name="parentId" className="input" defaultValue="">
            <option value="">（无，作为一级指标）</option>
            {parents.map((p) => <option key={p.id} value={p.id}>{p.code} {p.title}</option>)}
          </select>
        </label>
        <Fields />
      </ActionForm>
    </details>
  );
}
