import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { ActionForm } from "@/components/action-form";
import { finalizeReportAction, reopenReportAction, returnReportAction, submitReportAction } from "@/lib/report/actions";
import { isReportStatus, REPORT_STATUS_LABEL, TRANSITIONS, type ReportTransition } from "@/lib/report/workflow";

const STATUS_CLASS: Record<string, string> = {
  DRAFT: "border-amber-300 bg-amber-50 text-amber-800",
  IN_REVIEW: "border-sky-300 bg-sky-50 text-sky-800",
  FINAL: "border-green-300 bg-green-50 text-green-800",
};

export function ReportStatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs ${STATUS_CLASS[status] ?? "border-slate-300 bg-slate-100"}`} data-testid="report-status">
      {isReportStatus(status) ? REPORT_STATUS_LABEL[status] : status}
    </span>
  );
}

const ACTIONS: Record<ReportTransition, typeof submitReportAction> = {
  submit: submitReportAction,
  finalize: finalizeReportAction,
  return: returnReportAction,
  reopen: reopenReportAction,
};

const CONFIRM: Partial<Record<ReportTransition, string>> = {
  submit: "送审后不能再修改，确认送审？",
  finalize: "定稿后报告只读，导出的 Word 文件不再带“草稿”标记。确认定稿？",
  reopen: "重新打开后报告回到草稿状态，可再次修改，此操作将记入审计日志。确认重新打开？",
};

/**
 * The workflow buttons this user may press on a report in this status, plus export links. 定稿 and
 * 重新打开 only for the 主要负责人 (the server checks it too); 退回 asks for the leader's comment, 定稿
 * for the signing date (the 落款日期).
 */
export function ReportWorkflow({
  year,
  status,
  version,
  role,
  isPrincipal,
  proposedSignDate,
}: {
  year: number;
  status: string;
  version: number;
  role: Role;
  /** The viewer is the 主要负责人 named in the settings. */
  isPrincipal: boolean;
  /** "YYYY-MM-DD" the signing form proposes. */
  proposedSignDate: string;
}) {
  const available = (Object.keys(TRANSITIONS) as ReportTransition[]).filter(
    (kind) =>
      TRANSITIONS[kind].from === status && can(role, TRANSITIONS[kind].permission) && (isPrincipal || (kind !== "finalize" && kind !== "reopen")),
  );
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid="report-workflow">
      {available.map((kind) => (
        <ActionForm
          key={kind}
          action={ACTIONS[kind]}
          submitLabel={kind === "finalize" ? "审定签发（定稿）" : TRANSITIONS[kind].label}
          confirm={CONFIRM[kind]}
          buttonClassName={kind === "return" || kind === "reopen" ? "btn" : "btn-primary"}
          className={kind === "return" || kind === "finalize" ? "rounded border border-slate-200 p-2 [&>div]:mt-1" : "[&>div]:mt-0"}
        >
          <input type="hidden" name="year" value={year} />
          <input type="hidden" name="version" value={version} />
          {kind === "return" ? (
            <label className="block text-sm">
              <span className="label">退回意见（必填，将通知法治办）</span>
              <textarea className="input min-h-16 w-72" name="comment" required minLength={2} maxLength={500} data-testid="report-return-comment" />
            </label>
          ) : null}
          {kind === "finalize" ? (
            <label className="block text-sm">
              <span className="label">签发日期（即落款日期）</span>
              <input className="input w-44" type="date" name="signedOn" defaultValue={proposedSignDate} data-testid="report-sign-date-input" />
            </label>
          ) : null}
        </ActionForm>
      ))}
      {can(role, "report:export") ? (
        <>
          <a href={`/api/export/report?year=${year}`} className="btn" download data-testid="report-export">
            下载 Word
          </a>
          <a href={`/api/export/report?year=${year}&edition=submit`} className="btn" download data-testid="report-export-submit">
            下载报送版
          </a>
          <Link href={`/reports/${year}/print`} className="btn">
            打印视图
          </Link>
        </>
      ) : null}
    </div>
  );
}
