import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { calendarDayAt } from "@/lib/progress/dates";
import { FeedbackForm } from "@/components/supervision/feedback-form";
import { FeedbackOverviewTable, FeedbackSettingsForm } from "@/components/supervision/feedback-overview";
import { loadFeedbackConfig } from "@/lib/supervision/feedback-mutations";
import { feedbackForm, feedbackOverview } from "@/lib/supervision/feedback-queries";
import { duePeriod, isPastDue, periodFromKey, writablePeriods } from "@/lib/supervision/periods";

export const metadata = { title: "进展反馈 - 法治建设工作台" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * 进展反馈: the lead office writes one note per open point for the period (prefilled from the
 * period's ledger records); the 法治办 sees which notes are missing per office and sets the cycle.
 */
export default async function FeedbackPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("feedback:read");
  const params = await searchParams;
  const today = calendarDayAt(new Date());
  const config = await loadFeedbackConfig(prisma);
  const requested = typeof params.period === "string" ? periodFromKey(params.period, config) : null;
  const period = requested ?? duePeriod(today, config);
  const choices = [...new Map([...writablePeriods(today.getUTCFullYear(), today, config), ...writablePeriods(today.getUTCFullYear() - 1, today, config)].map((p) => [p.key, p])).values()];
  const writes = can(user.role, "feedback:write") && (user.role === "COORDINATOR" || user.officeId !== null);
  const readsAll = can(user.role, "feedback:readAll");
  const [overview, rows] = await Promise.all([
    readsAll ? feedbackOverview(prisma, { periodKey: period.key, today }) : null,
    writes && period.start.getTime() <= today.getTime() ? feedbackForm(prisma, period, user.role === "STAFF" ? user.officeId : null) : null,
  ]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="page-title">进展反馈</h1>
        <form className="no-print flex items-end gap-2" method="get">
          <label>
            <span className="label">反馈周期</span>
            <select name="period" className="input" defaultValue={period.key} data-testid="period-select">
              {choices.map((p) => <option key={p.key} value={p.key}>{p.label}</option>)}
            </select>
          </label>
          <button type="submit" className="btn">查看</button>
        </form>
      </div>
      <p className="text-sm text-slate-600">
        每个进行中的牵头要点每期填写一条进展，内容已按本期台账预填，核对补充即可。{period.label}的反馈请于{period.due.getUTCMonth() + 1}月{period.due.getUTCDate()}日前填写{isPastDue(period, today) ? "（已过截止日期，仍可补填）" : ""}。
      </p>
      {can(user.role, "feedback:configure") ? <FeedbackSettingsForm config={config} /> : null}
      {overview ? <FeedbackOverviewTable overview={overview} late={isPastDue(period, today)} /> : null}
      {rows ? (
        <section className="card" aria-labelledby="feedback-form-title">
          <h2 id="feedback-form-title" className="mb-2 font-semibold">{user.role === "STAFF" ? `${user.officeName ?? ""}的` : ""}{period.label}进展反馈</h2>
          <FeedbackForm period={period} rows={rows} showOffice={user.role !== "STAFF"} />
        </section>
      ) : null}
    </div>
  );
}
