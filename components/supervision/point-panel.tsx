import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import type { CurrentUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { isoDay } from "@/lib/dashboard/links";
import { calendarDayAt, formatChineseDate } from "@/lib/progress/dates";
import { declareClosureAction, decideExtensionAction, rateClosureAction, requestExtensionAction, reviewClosureAction } from "@/lib/supervision/actions";
import { CLOSING_STATE_LABEL, RATING_LABEL, RATINGS, type Rating } from "@/lib/supervision/closure";
import { EXTENSION_STATUS_LABEL, type ExtensionStatus } from "@/lib/supervision/deadline";
import type { pointSupervision } from "@/lib/supervision/queries";

type Supervision = Awaited<ReturnType<typeof pointSupervision>>;

function beijingTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3_600_000);
  return `${formatChineseDate(local)} ${local.toISOString().slice(11, 16)}`;
}

const STATE_BADGE = { OPEN: "bg-slate-50 text-slate-700 ring-slate-300", PENDING: "bg-yellow-50 text-yellow-800 ring-yellow-300", CLOSED: "bg-blue-50 text-blue-800 ring-blue-300" };

/**
 * 督办办理 on the point page: 延期申请 (ask, decide, history), 办结 (declare with the approved ledger
 * entries as evidence, review, rate) and the progress notes. Each form shows only to those who may
 * use it; the server decides again.
 */
export function SupervisionPanel({
  user, pointId, planYear, published, leadOfficeId, deadlineInForce, sup,
}: {
  user: CurrentUser;
  pointId: number;
  planYear: number;
  published: boolean;
  leadOfficeId: number | null;
  deadlineInForce: Date;
  sup: Supervision;
}) {
  const forOffice = published && leadOfficeId !== null && (user.role === "COORDINATOR" || (user.role === "STAFF" && user.officeId === leadOfficeId));
  const pending = sup.extensions.find((e) => e.status === "PENDING");
  const today = calendarDayAt(new Date());
  const mayAsk = forOffice && can(user.role, "supervision:requestExtension") && !pending && sup.closingState === "OPEN" && today.getTime() <= deadlineInForce.getTime();
  const latest = sup.closures[0] ?? null;
  const mayDeclare = forOffice && can(user.role, "supervision:close") && sup.closingState === "OPEN";
  const mayReview = latest?.status === "PENDING" && can(user.role, "supervision:reviewClose") && latest.declaredById !== user.id;
  const mayRate = latest?.status === "ACCEPTED" && can(user.role, "supervision:rate");

  return (
    <section id="supervision" className="card" aria-labelledby="supervision-title" data-testid="supervision-panel">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 id="supervision-title" className="font-semibold">督办办理</h2>
        <span className={`rounded px-2 py-0.5 text-xs ring-1 ${STATE_BADGE[sup.closingState]}`} data-testid="closing-state">{CLOSING_STATE_LABEL[sup.closingState]}</span>
      </div>
      {sup.returnReason ? (
        <p className="mb-2 rounded bg-red-50 p-2 text-sm text-red-800" data-testid="closure-return-reason">办结申报被退回，原因：{sup.returnReason}</p>
      ) : null}

      <h3 className="mt-3 text-sm font-semibold">延期申请</h3>
      {sup.extensions.length === 0 ? <p className="text-sm text-slate-500">暂无延期申请。</p> : null}
      <ol className="mt-1 space-y-2">
        {sup.extensions.map((e) => (
          <li key={e.id} className="rounded border border-slate-200 p-2 text-sm" data-testid="extension">
            <div>
              <strong>{e.requestedByName}</strong> 于 {beijingTime(e.requestedAt)} 申请将完成时限由{formatChineseDate(e.currentDeadline)}延期至
              <strong>{formatChineseDate(e.proposedDeadline)}</strong>
              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs" data-testid="extension-status">{EXTENSION_STATUS_LABEL[e.status as ExtensionStatus] ?? e.status}</span>
            </div>
            <div className="text-slate-700">理由：{e.reason}</div>
            {e.decidedAt ? (
              <div className="text-xs text-slate-600">{e.decidedByName} 于 {beijingTime(e.decidedAt)} {e.status === "APPROVED" ? "批准" : "不予批准"}{e.decisionComment ? `，意见：${e.decisionComment}` : ""}</div>
            ) : null}
            {e.status === "PENDING" && can(user.role, "supervision:decideExtension") ? (
              <div className="no-print mt-2 flex flex-wrap gap-4">
                <ActionForm action={decideExtensionAction} submitLabel="批准延期" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="extensionId" value={e.id} />
                  <input type="hidden" name="decision" value="APPROVE" />
                  <label><span className="label">审批意见（可选）</span><input name="comment" className="input" maxLength={500} /></label>
                </ActionForm>
                <ActionForm action={decideExtensionAction} submitLabel="不予批准" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="extensionId" value={e.id} />
                  <input type="hidden" name="decision" value="DECLINE" />
                  <label><span className="label">不批准的意见</span><input name="comment" className="input" maxLength={500} required /></label>
                </ActionForm>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {mayAsk ? (
        <details className="no-print mt-2">
          <summary className="cursor-pointer text-sm text-brand">申请延期</summary>
          <ActionForm action={requestExtensionAction} submitLabel="提交延期申请" className="mt-2 grid max-w-2xl gap-3">
            <input type="hidden" name="workPointId" value={pointId} />
            <label className="max-w-xs">
              <span className="label">延期至</span>
              <input type="date" name="proposedDeadline" className="input" required min={isoDay(today)} max={`${planYear}-12-31`} />
            </label>
            <label>
              <span className="label">延期理由</span>
              <textarea name="reason" className="input h-20" required minLength={5} maxLength={500} />
            </label>
          </ActionForm>
        </details>
      ) : null}

      <h3 className="mt-4 text-sm font-semibold">办结</h3>
      {sup.closures.length === 0 ? <p className="text-sm text-slate-500">尚未申报办结。</p> : null}
      <ol className="mt-1 space-y-2">
        {sup.closures.map((c) => (
          <li key={c.id} className="rounded border border-slate-200 p-2 text-sm" data-testid="closure">
            <div><strong>{c.declaredByName}</strong> 于 {beijingTime(c.declaredAt)} 申报办结：{c.summary}</div>
            {c.status === "ACCEPTED" ? <div className="text-xs text-green-800">{c.reviewedByName} 审核通过{c.reviewedAt ? `（${beijingTime(c.reviewedAt)}）` : ""}</div> : null}
            {c.status === "RETURNED" ? <div className="text-xs text-red-700">{c.reviewedByName} 退回，原因：{c.returnReason}</div> : null}
            {c.status === "PENDING" ? <div className="text-xs text-yellow-800">待法治办审核</div> : null}
            {c.rating ? <div className="text-xs text-slate-700" data-testid="closure-rating">{c.ratedByName} 评价：{RATING_LABEL[c.rating as Rating] ?? c.rating}{c.ratingComment ? `（${c.ratingComment}）` : ""}</div> : null}
          </li>
        ))}
      </ol>
      <div className="mt-2 text-sm">
        <div className="text-slate-600">办结佐证（本要点已审核通过的台账，{sup.evidence.length} 条）：</div>
        {sup.evidence.length > 0 ? (
          <ul className="ml-4 list-disc">
            {sup.evidence.map((e) => (
              <li key={e.id}><Link href={`/ledger/${e.id}`} className="text-brand hover:underline">{formatChineseDate(e.date)} {e.title}</Link> <span className="text-xs text-slate-500">{e.officeName} · {e.form} · 附件 {e.files} 份</span></li>
            ))}
          </ul>
        ) : <p className="text-xs text-slate-500">暂无已通过的台账记录。</p>}
      </div>
      {mayDeclare ? (
        <details className="no-print mt-2">
          <summary className="cursor-pointer text-sm text-brand">申报办结</summary>
          <ActionForm action={declareClosureAction} submitLabel="申报办结" className="mt-2 grid max-w-2xl gap-3">
            <input type="hidden" name="workPointId" value={pointId} />
            <label>
              <span className="label">办结情况</span>
              <textarea name="summary" className="input h-20" required minLength={5} maxLength={1000} placeholder="简要说明完成情况，佐证即上列台账，无需重复上传" />
            </label>
          </ActionForm>
        </details>
      ) : null}
      {mayReview && latest ? (
        <div className="no-print mt-2 flex flex-wrap gap-4">
          <ActionForm action={reviewClosureAction} submitLabel="审核通过" className="flex items-end">
            <input type="hidden" name="closureId" value={latest.id} />
            <input type="hidden" name="decision" value="ACCEPT" />
          </ActionForm>
          <ActionForm action={reviewClosureAction} submitLabel="退回" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="closureId" value={latest.id} />
            <input type="hidden" name="decision" value="RETURN" />
            <label><span className="label">退回原因</span><input name="reason" className="input" required maxLength={500} /></label>
          </ActionForm>
        </div>
      ) : null}
      {mayRate && latest ? (
        <ActionForm action={rateClosureAction} submitLabel="保存评价" className="no-print mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="closureId" value={latest.id} />
          <label>
            <span className="label">评价</span>
            <select name="rating" className="input" defaultValue={latest.rating ?? "GOOD"}>
              {RATINGS.map((r) => <option key={r} value={r}>{RATING_LABEL[r]}</option>)}
            </select>
          </label>
          <label><span className="label">评价意见（可选）</span><input name="comment" className="input" maxLength={300} defaultValue={latest.ratingComment} /></label>
        </ActionForm>
      ) : null}

      {sup.notes.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">进展反馈</h3>
          <ol className="mt-1 space-y-1 text-sm">
            {sup.notes.map((n) => (
              <li key={n.id} data-testid="progress-note"><span className="text-slate-500">{n.period}</span> {n.authorName}：<span className="whitespace-pre-line">{n.text}</span></li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
