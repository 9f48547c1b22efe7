import {
  approveEntryAction,
  deleteEntryAction,
  recallEntryAction,
  reopenEntryAction,
  restoreEntryAction,
  returnEntryAction,
  submitEntryAction,
} from "@/lib/ledger/actions";
import type { WorkflowAction } from "@/lib/ledger/workflow";
import { approveWithoutEvidenceWarning } from "@/lib/ledger/evidence-rules";
import { LedgerActionForm } from "./ledger-action-form";

const BUTTON: Record<Exclude<WorkflowAction, "return">, { label: string; action: typeof submitEntryAction; className: string }> = {
  submit: { label: "提交审核", action: submitEntryAction, className: "btn-primary" },
  recall: { label: "撤回提交", action: recallEntryAction, className: "btn" },
  approve: { label: "审核通过", action: approveEntryAction, className: "btn-primary" },
  reopen: { label: "撤销通过", action: reopenEntryAction, className: "btn" },
};

/** The workflow buttons the user may use on this entry, plus delete / restore. */
export function WorkflowPanel({
  id,
  version,
  actions,
  canDelete,
  canRestore,
  evidenceWarning,
}: {
  id: number;
  version: number;
  /** The targets this entry counts toward that need evidence, when it has none. */
  evidenceWarning?: string[] | null;
  actions: WorkflowAction[];
  canDelete: boolean;
  canRestore: boolean;
}) {
  if (actions.length === 0 && !canDelete && !canRestore) return null;
  const hidden = (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <section className="card space-y-3" aria-labelledby="workflow-title">
      <h2 id="workflow-title" className="font-semibold">审核流程</h2>
      {evidenceWarning && (actions.includes("submit") || actions.includes("approve")) ? (
        <p role="note" data-testid="evidence-warning" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
          该记录计入量化指标“{evidenceWarning.join("”“")}”，尚无佐证材料{actions.includes("submit") ? "：提交前请至少上传一份（如签到表、通知、照片）" : "，审核通过前请确认"}。
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-4">
        {actions.filter((a): a is Exclude<WorkflowAction, "return"> => a !== "return").map((a) => (
          <LedgerActionForm
            key={a}
            action={BUTTON[a].action}
            submitLabel={BUTTON[a].label}
            buttonClassName={BUTTON[a].className}
            confirm={a === "approve" && evidenceWarning ? approveWithoutEvidenceWarning(evidenceWarning) : undefined}
          >
            {hidden}
          </LedgerActionForm>
        ))}
      </div>
      {actions.includes("return") ? (
        <LedgerActionForm action={returnEntryAction} submitLabel="退回修改" buttonClassName="btn-danger" className="max-w-xl">
          {hidden}
          <label className="label" htmlFor="return-reason-input">退回原因</label>
          <textarea id="return-reason-input" name="reason" className="input min-h-16" maxLength={500} required placeholder="例如：请补充签到表和培训通知" />
        </LedgerActionForm>
      ) : null}
      {canDelete || canRestore ? (
        <div className="border-t border-slate-100 pt-3">
          {canDelete ? (
            <LedgerActionForm action={deleteEntryAction} submitLabel="删除台账" buttonClassName="btn-danger" confirm="确定删除这条台账吗？删除后法治办可恢复。">
              {hidden}
            </LedgerActionForm>
          ) : null}
          {canRestore ? (
            <LedgerActionForm action={restoreEntryAction} submitLabel="恢复台账" buttonClassName="btn-primary">
              {hidden}
            </LedgerActionForm>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
