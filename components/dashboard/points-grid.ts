import type { DashboardData } from "@/lib/dashboard/data";
import { dashboardHref } from "@/lib/dashboard/links";
import { STATUS_DOT, statusGrid } from "@/lib/dashboard/view";
import { STATUS_LABEL, STATUS_ORDER } from "@/lib/progress";
import { href, html, type SafeHtml } from "@/lib/html/safe-html";

/**
 * 亮灯: every work point as a coloured dot with its number and title, linking to the point. Escaped
 * markup (lib/html/safe-html.ts), remembered per figures by components/dashboard/blocks.tsx.
 */
export function pointsGridHtml(dash: Pick<DashboardData, "data" | "statusFilter" | "officeId" | "officeLocked" | "year">): SafeHtml {
  const officeId = dash.officeId !== null && dash.officeId > 0 ? dash.officeId : null;
  const cells = statusGrid(dash.data.progress.points, dash.statusFilter, officeId);
  const all = dash.data.progress.points.length;
  const legend = STATUS_ORDER.map(
    (s) => html`<span class="flex items-center gap-1"><span aria-hidden="true" class="inline-block h-2.5 w-2.5 rounded-full ${STATUS_DOT[s]}"></span>${STATUS_LABEL[s]}</span>`,
  );
  const showAll = dash.statusFilter
    ? html`<a href="${href(dashboardHref({ year: dash.year, officeId: dash.officeLocked ? null : officeId }, "#points"))}" class="no-print text-brand hover:underline">显示全部</a>`
    : null;
  const filtered = dash.statusFilter
    ? html`<span class="ml-2 text-sm font-normal text-slate-600">（仅显示“${STATUS_LABEL[dash.statusFilter]}”${cells.length}/${all} 项）</span>`
    : null;
  const grid =
    cells.length === 0
      ? html`<p class="text-sm text-slate-500">没有符合条件的工作要点。</p>`
      : html`<ul class="grid gap-2 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 print:grid-cols-4">${cells.map(
          (c) =>
            html`<li><a href="${href(c.href)}" data-testid="point-cell-${c.number}" data-status="${c.status}" class="dash-cell"><span aria-hidden="true" class="dash-dot ${c.dot}"></span><span class="dash-title">${c.number}. ${c.title}</span><span class="dash-note">${c.label}${c.deadlineNote ? html`<span data-testid="deadline-note"> · ${c.deadlineNote}</span>` : null}</span></a></li>`,
        )}</ul>`;
  return html`<section id="points" class="card" aria-labelledby="points-title"><div class="mb-3 flex flex-wrap items-center justify-between gap-2"><h2 id="points-title" class="font-semibold">工作要点亮灯情况${filtered}</h2><div class="flex flex-wrap items-center gap-3 text-xs text-slate-600">${legend}${showAll}</div></div>${grid}</section>`;
}
