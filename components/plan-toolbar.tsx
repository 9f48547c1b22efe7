import { ActionForm } from "@/components/action-form";
import { archivePlanAction, copyPlanAction, publishPlanAction } from "@/lib/plan/actions";

/** Publish / archive / copy-to-next-year buttons for the coordinator. */
export function PlanToolbar({ plan, canPublish, canCopy, nextYearExists }: {
  plan: { id: number; year: number; status: string; version: number };
  canPublish: boolean;
  canCopy: boolean;
  nextYearExists: boolean;
}) {
  const hidden = (
    <>
      <input type="hidden" name="id" value={plan.id} />
      <input type="hidden" name="version" value={plan.version} />
    </>
  );
  return (
    <div className="flex flex-wrap items-start gap-3" aria-label="工作要点操作">
      {canPublish && plan.status === "DRAFT" ? (
        <ActionForm action={publishPlanAction} submitLabel="发布" confirm={`确定发布 ${plan.year} 年工作要点吗？发布后的修改将记入变更记录。`}>{hidden}</ActionForm>
      ) : null}
      {canPublish && plan.status === "PUBLISHED" ? (
        <ActionForm action={archivePlanAction} submitLabel="归档" buttonClassName="btn" confirm={`确定归档 ${plan.year} 年工作要点吗？归档后不能再修改。`}>{hidden}</ActionForm>
      ) : null}
      {canCopy ? (
        <ActionForm
          action={copyPlanAction}
          submitLabel={`复制为 ${plan.year + 1} 年草稿`}
          buttonClassName="btn"
          confirm={nextYearExists ? undefined : `将本年度要点（结构、科室、指标）复制为 ${plan.year + 1} 年草稿，完成时限顺延一年。确定吗？`}
        >
          {hidden}
          {nextYearExists ? <p className="text-xs text-slate-500">{plan.year + 1} 年已有工作要点，不能复制。</p> : null}
        </ActionForm>
      ) : null}
    </div>
  );
}
