import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { DashboardData } from "@/lib/dashboard/data";
import { attentionRows, officeRanking, percent, STATUS_BADGE, upcomingDeadlines } from "@/lib/dashboard/view";
import { STATUS_LABEL, formatChineseDate, formatMonthDay, type ProgressStatus } from "@/lib/progress";

function Badge({ status }: { status: ProgressStatus }) {
  return <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${STATUS_BADGE[status]}`}>{STATUS_LABEL[status]}</span>;
}

/** 滞后 / 逾期 points with the figures behind their light and the state of their 督办. */
/** On paper the 需关注 table lists the first rows (most urgent first) so the copy stays within two A4 pages. */
const ATTENTION_PRINT_ROWS = 8;

export function AttentionTable({ dash, role }: { dash: DashboardData; role: Role }) {
  const rows = attentionRows(dash.data, dash.officeNames);
  const maySend = can(role, "reminder:send");
  return (
    <section className="card min-w-0" aria-labelledby="attention-title">
      <h2 id="attention-title" className="mb-2 font-semibold">需关注：滞后和逾期的工作要点（{rows.length} 项）</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">没有滞后或逾期的工作要点。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr><th>工作要点</th><th>牵头科室</th><th>完成时限</th><th>状态</th><th>完成 / 目标</th><th>研判</th><th>督办</th></tr>
            </thead>
            <tbody>
              {rows.map((r, index) => {
                const reminder = dash.reminders.get(r.pointId);
                return (
                  <tr key={r.pointId} data-testid={`attention-row-${r.number}`} className={index >= ATTENTION_PRINT_ROWS ? "print-hide" : undefined}>
                    <td className="min-w-48"><a href={r.href} className="dash-link-brand">{`${r.number}. ${r.title}`}</a></td>
                    <td className="whitespace-nowrap">{r.leadOffice}</td>
                    <td className="whitespace-nowrap">{r.deadline}{r.deadlineNote ? <div className="dash-sub" data-testid="deadline-note">{r.deadlineNote}</div> : null}<div className="dash-sub">{r.daysLeft < 0 ? `已逾期 ${-r.daysLeft} 天` : `剩余 ${r.daysLeft} 天`}</div></td>
                    <td><Badge status={r.status} /></td>
                    <td className="whitespace-nowrap">
                      <a href={r.actualHref} className="dash-link" data-testid="attention-actual">{r.actualVsTarget ?? "查看台账"}</a>
                      {r.expected ? <div className="dash-sub">序时应完成 {r.expected}</div> : null}
                    </td>
                    <td className="min-w-56 text-xs">{r.projection ?? r.shortfall}</td>
                    <td className="min-w-40 text-xs">
                      {reminder ? (
                        <div data-testid="reminder-state">
                          已催办（{formatMonthDay(reminder.createdAt)}）
                          {reminder.reply ? (
                            <div className="text-green-800">已反馈：{reminder.reply}{reminder.replyExpectedDate ? `（预计${formatChineseDate(reminder.replyExpectedDate)}完成）` : ""}</div>
                          ) : (
                            <div className="text-yellow-800">待反馈</div>
                          )}
                        </div>
                      ) : (
                        <div className="text-slate-500">未催办</div>
                      )}
                      {maySend ? <a href={`${r.href}#send-reminder`} className="no-print mt-1 block text-brand hover:underline">催办</a> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > ATTENTION_PRINT_ROWS ? (
            <p className="hidden text-xs text-slate-600 print:block" data-testid="attention-print-more">
              另有 {rows.length - ATTENTION_PRINT_ROWS} 项未列出（共 {rows.length} 项），完整清单见工作台看板。
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}

export function UpcomingTable({ dash }: { dash: DashboardData }) {
  const rows = upcomingDeadlines(dash.data, dash.officeNames, 30);
  return (
    <section className="card min-w-0" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title" className="mb-2 font-semibold">30 天内到期</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">30 天内没有到期的未完成事项。</p>
      ) : (
        <table className="table">
          <thead><tr><th>工作要点</th><th>事项</th><th>到期</th><th>状态</th></tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.pointId}-${i}`}>
                <td><a href={r.href} className="dash-link">{`${r.number}. ${r.title}`}</a><div className="dash-sub">{r.leadOffice}</div></td>
                <td className="text-xs"><a href={r.entriesHref} className="dash-link">{r.what}</a></td>
                <td className="whitespace-nowrap">{r.deadline}{r.deadlineNote ? <div className="dash-sub" data-testid="deadline-note">{r.deadlineNote}</div> : null}<div className="dash-sub">{r.daysLeft === 0 ? "今天" : `${r.daysLeft} 天后`}</div></td>
                <td><Badge status={r.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function OfficeRankingTable({ dash }: { dash: DashboardData }) {
  const rows = officeRanking(dash.data.progress.offices, dash.offices, dash.year, dash.data.progress.asOf);
  const rate = (r: { pointCount: number; rate: number }) => (r.pointCount ? percent(r.rate) : "—");
  return (
    <section className="card min-w-0" aria-labelledby="ranking-title">
      <h2 id="ranking-title" className="mb-2 font-semibold">科室完成情况排名</h2>
      <p className="mb-2 text-xs text-slate-500">先看牵头要点中逾期、滞后的项数（越少越靠前），再看牵头完成率、配合完成率。</p>
      <div className="overflow-x-auto">
      <table className="table">
        <thead><tr><th>名次</th><th>科室</th><th>牵头要点</th><th>逾期 / 滞后</th><th>牵头完成率</th><th>指标完成</th><th>配合要点</th><th>配合完成率</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            // Offices with no point in this plan add nothing to the paper copy.
            <tr key={r.officeId} data-testid={`office-row-${r.name}`} className={r.lead.pointCount + r.support.pointCount === 0 ? "print-hide" : undefined}>
              <td>{r.rank}</td>
              <td><a href={r.href} className="dash-link-brand">{r.name}</a></td>
              <td>{r.lead.pointCount ? <a href={r.href} className="dash-link">{r.lead.pointCount}</a> : 0}</td>
              <td className={r.owes === "无" ? "text-slate-500" : "text-red-800"} data-testid="office-owes">{r.owes}</td>
              <td>{r.lead.pointCount ? <a href={r.href} className="dash-link" data-testid="office-lead-rate">{rate(r.lead)}</a> : "—"}</td>
              <td>{r.lead.targetCount ? <a href={r.href} className="dash-link">{`${r.lead.targetsMet}/${r.lead.targetCount}`}</a> : "—"}</td>
              <td>{r.support.pointCount ? <a href={r.supportHref} className="dash-link">{r.support.pointCount}</a> : 0}</td>
              <td>{r.support.pointCount ? <a href={r.supportHref} className="dash-link" data-testid="office-support-rate">{rate(r.support)}</a> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
