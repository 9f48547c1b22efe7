import { isoDay } from "@/lib/ledger/constants";
import type { LedgerEntryDetail } from "@/lib/ledger/queries";
import { describeQuantities } from "@/lib/ledger/queries";
import { CategoryBadge, StatusBadge } from "./status-badge";

function when(date: Date | null): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** The read-only view of an entry: status, return reason, fields, quantities and review trail. */
export function EntryDetails({ entry }: { entry: LedgerEntryDetail }) {
  const point = entry.workPoint;
  return (
    <section className="card space-y-3" aria-labelledby="entry-title">
      <div className="flex flex-wrap items-center gap-2">
        <h1 id="entry-title" className="text-xl font-semibold" data-testid="entry-title">{entry.title}</h1>
        <StatusBadge status={entry.status} />
        <CategoryBadge category={entry.category} />
        {entry.deletedAt ? <span className="rounded border border-slate-400 bg-slate-200 px-1.5 py-0.5 text-xs">已删除</span> : null}
      </div>
      {entry.status === "RETURNED" && entry.returnReason ? (
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <strong>退回原因：</strong>
          <span data-testid="return-reason">{entry.returnReason}</span>
          <span className="block text-xs text-red-700">请修改后重新提交审核。</span>
        </div>
      ) : null}
      {entry.status === "SUBMITTED" && entry.returnReason ? (
        <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">上次退回原因：{entry.returnReason}</p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">工作要点</dt>
        <dd>{entry.year}年 · {point.number}. {point.title}</dd>
        <dt className="text-slate-500">填报科室</dt>
        <dd>{entry.office.name}</dd>
        <dt className="text-slate-500">牵头 / 配合</dt>
        <dd>{point.leadOffice?.name ?? "—"} / {point.supportOffices.map((s) => s.office.name).join("、") || "—"}</dd>
        <dt className="text-slate-500">日期</dt>
        <dd>{isoDay(entry.date)}</dd>
        <dt className="text-slate-500">活动形式</dt>
        <dd>{entry.form}</dd>
        <dt className="text-slate-500">参加人员</dt>
        <dd>{entry.participants || "—"}</dd>
        <dt className="text-slate-500">完成情况</dt>
        <dd className="whitespace-pre-wrap">{entry.description || "—"}</dd>
        <dt className="text-slate-500">数量</dt>
        <dd data-testid="entry-quantities">{describeQuantities(entry.quantities) || "—"}</dd>
        {entry.linkedEntry ? (
          <>
            <dt className="text-slate-500">协办关联</dt>
            <dd>
              {entry.linkedEntry.office.name} {isoDay(entry.linkedEntry.date)} {entry.linkedEntry.title}
              <span className="ml-1 text-xs text-slate-500">（本条数量不重复计入指标）</span>
            </dd>
          </>
        ) : null}
        {entry._count.coHostEntries > 0 ? (
          <>
            <dt className="text-slate-500">协办记录</dt>
            <dd>{entry._count.coHostEntries} 条配合科室记录关联到本条</dd>
          </>
        ) : null}
        <dt className="text-slate-500">录入</dt>
        <dd>{entry.createdBy.displayName} · {when(entry.createdAt)}</dd>
        <dt className="text-slate-500">办理经过</dt>
        <dd>
          {entry.history.length === 0 ? (
            entry.submittedAt ? `提交于 ${when(entry.submittedAt)}` : "未提交"
          ) : (
            <ol className="space-y-1" data-testid="entry-history">
              {entry.history.map((round) => (
                <li key={round.title}>
                  <span className="mr-2 font-medium">{round.title}</span>
                  {round.events.map((e, i) => (
                    <span key={i} className="mr-2 inline-block">
                      {i > 0 ? "→ " : ""}
                      {when(e.at)} {e.actorName} {e.label}
                      {e.note ? `（${e.note}）` : ""}
                    </span>
                  ))}
                </li>
              ))}
            </ol>
          )}
        </dd>
      </dl>
    </section>
  );
}
