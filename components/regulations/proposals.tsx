import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { decideProposalAction, proposeRegulationChangeAction } from "@/lib/regulations/actions";
import { PROPOSAL_KIND_LABEL, PROPOSAL_STATUS_LABEL, type ProposalKind } from "@/lib/regulations/proposal-text";
import type { PendingProposalRow, ProposalRow } from "@/lib/regulations/proposal-queries";
import { day } from "./labels";

const STATUS_CLASS: Record<string, string> = {
  PENDING: "bg-amber-50 text-amber-800",
  ACCEPTED: "bg-green-50 text-green-800",
  DECLINED: "bg-slate-100 text-slate-700",
};

/** 提出修订建议: for staff of the rule's responsible office. */
export function ProposeForm({ regulationId, hasPending }: { regulationId: number; hasPending: boolean }) {
  if (hasPending) return <p className="text-sm text-slate-600">该制度已有待处理的修订建议，法治办处理后可再次提出。</p>;
  return (
    <details className="rounded border border-slate-200 p-3" data-testid="proposal-form">
      <summary className="cursor-pointer font-medium">提出修订建议</summary>
      <ActionForm action={proposeRegulationChangeAction} submitLabel="提交建议" className="mt-3 space-y-3">
        <input type="hidden" name="regulationId" value={regulationId} />
        <fieldset>
          <legend className="label">建议</legend>
          <label className="mr-4 text-sm">
            <input type="radio" name="kind" value="REVISE" defaultChecked /> 修订
          </label>
          <label className="text-sm">
            <input type="radio" name="kind" value="REPEAL" /> 废止
          </label>
        </fieldset>
        <div>
          <label className="label" htmlFor="proposal-reason">理由</label>
          <textarea id="proposal-reason" name="reason" className="input" rows={3} required maxLength={2000} placeholder="如：上位法已修改、职责调整、执行中发现的问题" />
        </div>
        <div>
          <label className="label" htmlFor="proposal-text">建议条文（选填）</label>
          <textarea id="proposal-text" name="suggestedText" className="input" rows={4} maxLength={20000} placeholder="如：第三条修改为……" />
        </div>
      </ActionForm>
    </details>
  );
}

function Status({ status }: { status: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_CLASS[status] ?? ""}`}>{PROPOSAL_STATUS_LABEL[status] ?? status}</span>;
}

/** A rule's proposals with their status and the 法治办's comment. */
export function ProposalList({ rows }: { rows: ProposalRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">暂无修订建议。</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="proposal-list">
      {rows.map((p) => (
        <li key={p.id} className="rounded border border-slate-200 p-2">
          <div className="flex flex-wrap items-center gap-2">
            <Status status={p.status} />
            <span className="font-medium">建议{PROPOSAL_KIND_LABEL[p.kind as ProposalKind] ?? p.kind}</span>
            <span className="text-slate-600">{p.office.name} · {p.proposedBy.displayName} · {day(p.createdAt)}</span>
          </div>
          <p className="mt-1 whitespace-pre-wrap">理由：{p.reason}</p>
          {p.suggestedText ? <p className="mt-1 whitespace-pre-wrap text-slate-700">建议条文：{p.suggestedText}</p> : null}
          {p.status !== "PENDING" ? (
            <p className="mt-1 text-slate-700">
              法治办意见（{day(p.decidedAt)}）：{p.decisionComment || "—"}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** 待处理的修订建议: the 法治办 accepts (列入年度制度清理) or declines with a comment. */
export function PendingProposalsPanel({ rows, year }: { rows: PendingProposalRow[]; year: number }) {
  return (
    <div className="card space-y-2" data-testid="pending-proposals">
      <h2 className="font-semibold">待处理的修订建议（{rows.length}）</h2>
      {rows.length === 0 ? <p className="text-sm text-slate-600">暂无待处理的修订建议。</p> : null}
      <p className="text-sm text-slate-600">采纳后列入{year}年度制度清理（修订或废止），修订、废止本身仍在制度页面办理。</p>
      <ul className="space-y-3 text-sm">
        {rows.map((p) => (
          <li key={p.id} className="rounded border border-slate-200 p-2" data-testid={`pending-proposal-${p.id}`}>
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/regulations/${p.regulation.id}#proposals`} className="font-medium text-brand hover:underline">{p.regulation.title}</Link>
              <span>建议{PROPOSAL_KIND_LABEL[p.kind as ProposalKind] ?? p.kind}</span>
              <span className="text-slate-600">{p.office.name} · {p.proposedBy.displayName} · {day(p.createdAt)}</span>
            </div>
            <p className="mt-1 whitespace-pre-wrap">理由：{p.reason}</p>
            {p.suggestedText ? <p className="mt-1 whitespace-pre-wrap text-slate-700">建议条文：{p.suggestedText}</p> : null}
            <div className="mt-2 flex flex-wrap items-start gap-4">
              <ActionForm action={decideProposalAction} submitLabel="采纳" buttonClassName="btn-primary" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="proposalId" value={p.id} />
                <input type="hidden" name="decision" value="ACCEPT" />
                <input name="comment" className="input w-56" placeholder="意见（选填）" maxLength={500} aria-label="采纳意见" />
              </ActionForm>
              <ActionForm action={decideProposalAction} submitLabel="不采纳" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="proposalId" value={p.id} />
                <input type="hidden" name="decision" value="DECLINE" />
                <input name="comment" className="input w-56" placeholder="不采纳的意见（必填）" maxLength={500} aria-label="不采纳意见" required />
              </ActionForm>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
