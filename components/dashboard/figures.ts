/**
 * The dashboard's headline figures and the comparison with the previous year as escaped markup
 * (lib/html/safe-html.ts), remembered per figures by components/dashboard/blocks.tsx.
 */
import type { DashboardData } from "@/lib/dashboard/data";
import { countedFilter, dashboardHref, ledgerHref } from "@/lib/dashboard/links";
import { STATUS_DOT, percent, planLedgerHref, rateDelta, statusLedgerHref } from "@/lib/dashboard/view";
import { STATUS_LABEL, STATUS_ORDER, formatChineseDate, formatMonthDay } from "@/lib/progress";
import { href, html, type SafeHtml } from "@/lib/html/safe-html";

function figure({ label, value, link, testId, note }: { label: string; value: string; link?: string; testId: string; note?: string }): SafeHtml {
  const body = html`<div class="text-sm text-slate-600">${label}</div><div class="mt-1 text-2xl font-semibold text-slate-900" data-testid="${testId}">${value}</div>${note ? html`<div class="mt-1 text-xs text-slate-500">${note}</div>` : null}`;
  return link ? html`<a href="${href(link)}" class="card block hover:border-brand">${body}</a>` : html`<div class="card">${body}</div>`;
}

export function headlineHtml(dash: Pick<DashboardData, "year" | "data" | "pending" | "officeId" | "officeLocked">): SafeHtml {
  const { year, data, pending } = dash;
  const officeId = dash.officeId !== null && dash.officeId > 0 ? dash.officeId : null;
  const plan = data.progress.plan;
  const scopeQuery = { year, officeId: dash.officeLocked ? null : officeId };
  const counted = planLedgerHref(data);
  const lights = STATUS_ORDER.map((s) => {
    const ledger = statusLedgerHref(data, s);
    const ledgerLink = ledger
      ? html`<a href="${href(ledger)}" class="no-print text-xs text-brand hover:underline" data-testid="status-ledger-${s}" aria-label="${STATUS_LABEL[s]}工作要点的台账">台账</a>`
      : null;
    return html`<li class="flex items-center gap-1.5"><a href="${href(dashboardHref({ ...scopeQuery, status: s }, "#points"))}" class="flex items-center gap-1.5 hover:underline" data-testid="status-link-${s}"><span aria-hidden="true" class="inline-block h-3 w-3 rounded-full ${STATUS_DOT[s]}"></span><span class="text-sm">${STATUS_LABEL[s]}</span><span class="text-lg font-semibold" data-testid="status-count-${s}">${plan.byStatus[s]}</span></a>${ledgerLink}</li>`;
  });
  return html`<section aria-label="总体情况" class="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6 print:grid-cols-6">${[
    figure({ label: "总体完成率", value: plan.pointCount ? percent(plan.rate) : "—", link: counted, testId: "overall-rate", note: `工作要点 ${plan.pointCount} 项` }),
    html`<div class="card col-span-2"><div class="text-sm text-slate-600">工作要点亮灯</div><ul class="mt-2 flex flex-wrap gap-x-4 gap-y-1">${lights}</ul></div>`,
    figure({ label: "量化指标完成", value: `${plan.targetsMet}/${plan.targetCount}`, link: counted, testId: "targets-met" }),
    figure({ label: "待审核台账", value: `${pending} 条`, link: ledgerHref({ year, status: "SUBMITTED", officeId }), testId: "pending-review" }),
    figure({ label: "年内剩余", value: `${data.progress.daysLeftInYear} 天`, testId: "days-left", note: `截至 ${formatMonthDay(data.progress.asOf)}` }),
  ]}</section>`;
}

export function comparisonHtml(dash: Pick<DashboardData, "comparison" | "officeId" | "year">): SafeHtml | null {
  const c = dash.comparison;
  if (!c) return null;
  const officeId = dash.officeId !== null && dash.officeId > 0 ? dash.officeId : null;
  const previous = dash.year - 1;
  // Counted entries on the points in scope, as of the day each row measures.
  const link = (year: number, asOf: Date) => ledgerHref({ ...countedFilter(year, asOf), pointOfficeId: officeId });
  const rows = [
    { label: `本年（截至${formatMonthDay(c.current.asOf)}）`, f: c.current, link: link(dash.year, c.current.asOf) },
    ...(c.sameDay ? [{ label: `上年同期（${formatChineseDate(c.sameDay.asOf)}）`, f: c.sameDay, link: link(previous, c.sameDay.asOf) }] : []),
    { label: `${previous}年全年`, f: c.final, link: link(previous, c.final.asOf) },
  ];
  const base = c.sameDay ?? c.final;
  const than = c.sameDay ? "上年同期" : "上年全年";
  return html`<section class="card" aria-labelledby="comparison-title" data-testid="comparison"><h2 id="comparison-title" class="mb-2 font-semibold">与上年比较</h2><table class="table"><thead><tr><th>时点</th><th>完成率</th><th>量化指标完成</th></tr></thead><tbody>${rows.map(
    (r) => html`<tr><td>${r.label}</td><td><a href="${href(r.link)}" class="dash-link">${percent(r.f.rate)}</a></td><td><a href="${href(r.link)}" class="dash-link">${r.f.targetsMet}/${r.f.targetCount}</a></td></tr>`,
  )}</tbody></table><p class="mt-2 text-sm text-slate-600">完成率较${than}${rateDelta(c.current.rate, base.rate)}；量化指标完成 ${c.current.targetsMet} 项，${than} ${base.targetsMet} 项。</p></section>`;
}
