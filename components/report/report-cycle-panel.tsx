import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { ActionForm } from "@/components/action-form";
import { secrecyApproveAction, secrecyFirstReviewAction, secrecySecondReviewAction, updateSignDateAction } from "@/lib/report-cycle/actions";
import type { CycleView } from "@/lib/report-cycle/queries";
import { isSecrecyStep, SECRECY_STEP_LABEL, secrecyStepBlockedReason, type SecrecyStep } from "@/lib/report-cycle/secrecy";
import { formatChineseDate } from "@/lib/progress/dates";
import { formatReportTime } from "@/lib/report/workflow";

const STEP_ACTION = { FIRST: secrecyFirstReviewAction, SECOND: secrecySecondReviewAction, APPROVE: secrecyApproveAction } as const;
const STEP_PERMISSION: Record<SecrecyStep, Permission> = { FIRST: "report:secrecyFirst", SECOND: "report:secrecyReview", APPROVE: "report:finalize" };
const STEP_WHO: Record<SecrecyStep, string> = { FIRST: "法治办", SECOND: "主要负责人以外的领导", APPROVE: "主要负责人" };

/** Sign-off, the leader's 退回 comment, and the 保密审查 record with the step this user may take. */
export function ReportCyclePanel({
  year,
  status,
  version,
  role,
  userId,
  cycle,
  signedOn,
}: {
  year: number;
  status: string;
  version: number;
  role: Role;
  userId: number;
  cycle: CycleView;
  /** "YYYY-MM-DD" of the signing date (the 落款日期) when signed. */
  signedOn?: string | null;
}) {
  const current = cycle.reviews.filter((r) => r.round === cycle.round);
  const next = cycle.nextStep;
  const mayTake =
    next !== null &&
    can(role, STEP_PERMISSION[next]) &&
    secrecyStepBlockedReason(next, { status, reviews: current, actorId: userId, principalLeaderId: cycle.principal?.id ?? null }) === null;
  return (
    <section className="card space-y-3" aria-labelledby="report-cycle-title" data-testid="report-cycle">
      <h2 id="report-cycle-title" className="font-semibold">审定签发和保密审查</h2>
      <p className="text-sm" data-testid="report-signoff">
        主要负责人：{cycle.principal ? cycle.principal.displayName : <span className="text-red-700">尚未指定（请系统管理员在单位设置中指定）</span>}
        {status === "FINAL" && cycle.signedByName ? <span className="ml-3">已由{cycle.signedByName}审定签发</span> : <span className="ml-3 text-slate-600">报告须由主要负责人审定签发（定稿）</span>}
      </p>
      {status === "FINAL" && signedOn && cycle.principal?.id === userId ? (
        <ActionForm action={updateSignDateAction} submitLabel="修改落款日期" buttonClassName="btn" className="flex flex-wrap items-end gap-2 [&>div]:mt-0">
          <input type="hidden" name="year" value={year} />
          <input type="hidden" name="version" value={version} />
          <label className="text-sm">
            <span className="label">落款日期（签发日期）</span>
            <input className="input w-44" type="date" name="signedOn" defaultValue={signedOn} required />
          </label>
        </ActionForm>
      ) : null}
      {status === "DRAFT" && cycle.returnComment ? (
        <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="report-return-note">
          {cycle.returnedByName}退回{cycle.returnedAt ? `（${formatReportTime(cycle.returnedAt)}）` : ""}，意见：{cycle.returnComment}
        </p>
      ) : null}
      {status === "FINAL" || cycle.reviews.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-medium">保密审查记录（初审 → 复审 → 批准，批准后方可公开）</h3>
          {cycle.reviews.length > 0 ? (
            <table className="w-full text-sm" data-testid="secrecy-record">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="py-1 pr-2">轮次</th>
                  <th className="py-1 pr-2">步骤</th>
                  <th className="py-1 pr-2">审查人</th>
                  <th className="py-1 pr-2">意见</th>
                  <th className="py-1">日期</th>
                </tr>
              </thead>
              <tbody>
                {cycle.reviews.map((r, i) => (
                  <tr key={i} className={r.round === cycle.round ? "" : "text-slate-400"}>
                    <td className="py-1 pr-2">第{r.round}轮</td>
                    <td className="py-1 pr-2">{isSecrecyStep(r.step) ? SECRECY_STEP_LABEL[r.step] : r.step}</td>
                    <td className="py-1 pr-2">{r.reviewerName}</td>
                    <td className="py-1 pr-2">{r.opinion}</td>
                    <td className="py-1">{formatChineseDate(r.reviewedOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm text-slate-600">尚未开始。</p>
          )}
          {status === "FINAL" && next ? (
            <p className="text-sm text-slate-600" data-testid="secrecy-next">
              待{SECRECY_STEP_LABEL[next]}（由{STEP_WHO[next]}进行）
            </p>
          ) : null}
          {status === "FINAL" && next && mayTake ? (
            <ActionForm action={STEP_ACTION[next]} submitLabel={next === "APPROVE" ? "批准公开" : `提交${SECRECY_STEP_LABEL[next]}意见`}>
              <input type="hidden" name="year" value={year} />
              <input type="hidden" name="version" value={version} />
              <label className="block text-sm">
                <span className="label">{SECRECY_STEP_LABEL[next]}意见</span>
                <textarea className="input min-h-16 w-full max-w-xl" name="opinion" required minLength={2} maxLength={500} data-testid="secrecy-opinion" />
              </label>
            </ActionForm>
          ) : null}
          {cycle.approved ? (
            <p className="text-sm" data-testid="report-public-link">
              保密审查已批准，公开版本：
              <a className="text-brand hover:underline" href={`/public/reports/${year}`}>/public/reports/{year}</a>
              <a className="btn ml-3" href={`/api/export/report?year=${year}&edition=public`} download>下载公开版 Word</a>
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
