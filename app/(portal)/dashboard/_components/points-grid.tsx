import type { DashboardData } from "@/lib/dashboard/data";
import { dashboardHref } from "@/lib/dashboard/links";
import { STATUS_DOT, statusGrid } from "@/lib/dashboard/view";
import { STATUS_LABEL, STATUS_ORDER } from "@/lib/progress";

/** 亮灯: every work point as a coloured dot with its number and title, linking to the point. */
export function PointsGrid({ dash }: { dash: DashboardData }) {
  const officeId = dash.officeId !== null && dash.officeId > 0 ? dash.officeId : null;
  const cells = statusGrid(dash.data.progress.points, dash.statusFilter, officeId);
  const all = dash.data.progress.points.length;
  return (
    <section id="points" className="card" aria-labelledby="points-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="points-title" className="font-semibold">
          工作要点亮灯情况
          {dash.statusFilter ? <span className="ml-2 text-sm font-normal text-slate-600">（仅显示“{STATUS_LABEL[dash.statusFilter]}”{cells.length}/{all} 项）</span> : null}
        </h2>
        <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
          {STATUS_ORDER.map((s) => (
            <span key={s} className="flex items-center gap-1">
              <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${STATUS_DOT[s]}`} />
              {STATUS_LABEL[s]}
            </span>
          ))}
          {dash.statusFilter ? (
            <a href={dashboardHref({ year: dash.year, officeId: dash.officeLocked ? null : officeId }, "#points")} className="no-print text-brand hover:underline">显示全部</a>
          ) : null}
        </div>
      </div>
      {cells.length === 0 ? (
        <p className="text-sm text-slate-500">没有符合条件的工作要点。</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 print:grid-cols-4">
          {cells.map((c) => (
            <li key={c.pointId}>
              <a href={c.href} data-testid={`point-cell-${c.number}`} data-status={c.status} className="dash-cell">
                <span aria-hidden className={`dash-dot ${c.dot}`} />
                <span className="dash-title">{`${c.number}. ${c.title}`}</span>
                <span className="dash-note">{c.label}{c.deadlineNote ? <span data-testid="deadline-note"> · {c.deadlineNote}</span> : null}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
