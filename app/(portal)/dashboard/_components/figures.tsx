import type { DashboardData } from "@/lib/dashboard/data";
import { countedFilter, dashboardHref, ledgerHref } from "@/lib/dashboard/links";
import { STATUS_DOT, percent, planLedgerHref, rateDelta, statusLedgerHref } from "@/lib/dashboard/view";
import { STATUS_LABEL, STATUS_ORDER, formatChineseDate, formatMonthDay } from "@/lib/progress";

function Figure({ label, value, href, testId, note }: { label: string; value: string; href?: string; testId: string; note?: string }) {
  const body = (
    <>
      <div className="text-sm text-slate-600">{label}</div>
      <div className="mt-1 text-2xl font-semibold text-slate-900" data-testid={testId}>{value}</div>
      {note ? <div className="mt-1 text-xs text-slate-500">{note}</div> : null}
    </>
  );
  return href ? (
    <a href={href} className="card block hover:border-brand">{body}</a>
  ) : (
    <div className="card">{body}</div>
  );
}

export function Headline({ dash }: { dash: DashboardData }) {
  const { year, data, pending } = dash;
  const officeId = dash.officeId !== null && dash.officeId > 0 ? dash.officeId : null;
  const plan = data.progress.plan;
  const scopeQuery = { year, officeId: dash.officeLocked ? null : officeId };
  const counted = planLedgerHref(data);
  return (
    <section aria-label="总体情况" className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6 print:grid-cols-6">
      <Figure label="总体完成率" value={plan.pointCount ? percent(plan.rate) : "—"} href={counted} testId="overall-rate" note={`工作要点 ${plan.pointCount} 项`} />
      <div className="card col-span-2">
        <div className="text-sm text-slate-600">工作要点亮灯</div>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          {STATUS_ORDER.map((s) => {
            const ledger = statusLedgerHref(data, s);
            return (
              <li key={s} className="flex items-center gap-1.5">
                <a href={dashboardHref({ ...scopeQuery, status: s }, "#points")} className="flex items-center gap-1.5 hover:underline" data-testid={`status-link-${s}`}>
                  <span aria-hidden className={`inline-block h-3 w-3 rounded-full ${STATUS_DOT[s]}`} />
                  <span className="text-sm">{STATUS_LABEL[s]}</span>
                  <span className="text-lg font-semibold" data-testid={`status-count-${s}`}>{plan.byStatus[s]}</span>
                </a>
                {ledger ? (
                  <a href={ledger} className="no-print text-xs text-brand hover:underline" data-testid={`status-ledger-${s}`} aria-label={`${STATUS_LABEL[s]}工作要点的台账`}>台账</a>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
      <Figure label="量化指标完成" value={`${plan.targetsMet}/${plan.targetCount}`} href={counted} testId="targets-met" />
      <Figure label="待审核台账" value={`${pending} 条`} href={ledgerHref({ year, status: "SUBMITTED", officeId })} testId="pending-review" />
      <Figure label="年内剩余" value={`${data.progress.daysLeftInYear} 天`} testId="days-left" note={`截至 ${formatMonthDay(data.progress.asOf)}`} />
    </section>
  );
}

export function Comparison({ dash }: { dash: DashboardData }) {
  const c = dash.comparison;
  if (!c) return null;
  const officeId = dash.officeId !== null && dash.officeId > 0 ? dash.officeId : null;
  const previous = dash.year - 1;
  // Counted entries on the points in scope, as of the day each row measures.
  const href = (year: number, asOf: Date) => ledgerHref({ ...countedFilter(year, asOf), pointOfficeId: officeId });
  const rows = [
    { key: "current", label: `本年（截至${formatMonthDay(c.current.asOf)}）`, f: c.current, href: href(dash.year, c.current.asOf) },
    ...(c.sameDay
      ? [{ key: "same", label: `上年同期（${formatChineseDate(c.sameDay.asOf)}）`, f: c.sameDay, href: href(previous, c.sameDay.asOf) }]
      : []),
    { key: "final", label: `${previous}年全年`, f: c.final, href: href(previous, c.final.asOf) },
  ];
  const base = c.sameDay ?? c.final;
  return (
    <section className="card" aria-labelledby="comparison-title" data-testid="comparison">
      <h2 id="comparison-title" className="mb-2 font-semibold">与上年比较</h2>
      <table className="table">
        <thead>
          <tr><th>时点</th><th>完成率</th><th>量化指标完成</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td><a href={r.href} className="dash-link">{percent(r.f.rate)}</a></td>
              <td><a href={r.href} className="dash-link">{`${r.f.targetsMet}/${r.f.targetCount}`}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm text-slate-600">
        完成率较{c.sameDay ? "上年同期" : "上年全年"}{rateDelta(c.current.rate, base.rate)}；量化指标完成 {c.current.targetsMet} 项，{c.sameDay ? "上年同期" : "上年全年"} {base.targetsMet} 项。
      </p>
    </section>
  );
}
