import Link from "next/link";
import type { DashboardData } from "@/lib/dashboard/data";
import { dashboardHref } from "@/lib/dashboard/links";
import { formatChineseDate } from "@/lib/progress";
import { PrintButton } from "./print-button";

export function DashboardHeader({ dash }: { dash: DashboardData }) {
  const { year, years, officeId, officeLocked, offices, officeNames } = dash;
  const asOf = dash.data.progress.asOf;
  // A plan is measured up to the day after its last deadline (resolveAsOf); say so once every deadline has passed.
  const points = dash.data.progress.points;
  const settled = points.length > 0 && points.every((p) => p.daysLeft < 0 && p.targets.every((t) => t.daysLeft < 0));
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <h1 className="page-title mb-1">工作看板 · {year}年</h1>
        <p className="text-sm text-slate-600">
          {dash.data.plan.title}。{settled ? "各项完成时限均已届满，" : ""}数据截至 {formatChineseDate(asOf)}
          {officeId !== null && officeId > 0 ? `，范围：${officeNames.get(officeId) ?? ""}牵头或配合的工作要点` : "，范围：全部工作要点"}。
        </p>
      </div>
      <div className="no-print flex flex-wrap items-center gap-3">
        <nav aria-label="年度" className="flex gap-1">
          {years.map((p) => (
            <Link
              key={p.year}
              href={dashboardHref({ year: p.year, officeId: officeLocked ? null : officeId })}
              aria-current={p.year === year ? "page" : undefined}
              className={p.year === year ? "rounded bg-brand px-2 py-1 text-sm text-white" : "rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-200"}
            >
              {p.year}年
            </Link>
          ))}
        </nav>
        {officeLocked ? null : (
          <form method="get" action="/dashboard" className="flex items-center gap-2">
            <input type="hidden" name="year" value={year} />
            <select name="officeId" defaultValue={officeId ?? ""} aria-label="科室范围" className="input w-36">
              <option value="">全部科室</option>
              {offices.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
            <button type="submit" className="btn">筛选</button>
          </form>
        )}
        <PrintButton />
      </div>
    </div>
  );
}
