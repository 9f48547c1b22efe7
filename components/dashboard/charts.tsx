import { ActivityChart, OfficeChart, SectionChart, type ActivityMonth, type OfficeBar, type RateBar } from "@/components/charts/dashboard-charts";
import type { DashboardData } from "@/lib/dashboard/data";
import { ledgerHref } from "@/lib/dashboard/links";
import { officeRanking, sectionBars } from "@/lib/dashboard/view";
import { Markup } from "@/components/markup";
import { memoHtml } from "@/lib/html/memo";
import { monthTableHtml, sectionListHtml } from "./chart-tables";

const toPct = (rate: number) => Math.round(rate * 1000) / 10;

export function Charts({ dash }: { dash: DashboardData }) {
  const { year, data, activity } = dash;
  const officeId = dash.officeId !== null && dash.officeId > 0 ? dash.officeId : null;
  const sections = sectionBars(data);
  const sectionData: RateBar[] = sections.map((s) => ({ label: `${s.label}${s.title}`, value: toPct(s.rate), href: s.href }));
  const offices = officeRanking(data.progress.offices, dash.offices, year, data.progress.asOf);
  const officeData: OfficeBar[] = offices.map((o) => ({
    label: o.shortName,
    lead: o.lead.pointCount ? toPct(o.lead.rate) : null,
    support: o.support.pointCount ? toPct(o.support.rate) : null,
    href: o.href,
  }));
  const asOf = data.progress.asOf;
  const asOfMonth = asOf.getUTCFullYear() === year ? asOf.getUTCMonth() + 1 : 12;
  // The month's counted entries of the recording office (as loadMonthlyActivity counts them), up to the day measured.
  const months: ActivityMonth[] = activity.months.map((m) => ({
    label: `${m.month}月`,
    entries: m.entries,
    cumulativePersonTimes: m.month <= asOfMonth ? m.cumulativePersonTimes : null,
    expectedPersonTimes: m.expectedPersonTimes,
    href: ledgerHref({ year, status: "APPROVED", counted: true, from: m.from, to: m.to.getTime() > asOf.getTime() ? asOf : m.to, officeId }),
  }));
  const showPersonTimes = activity.personTimeTarget > 0 || activity.totalPersonTimes > 0;

  return (
    <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
      <section className="card min-w-0" aria-labelledby="sections-title">
        <h2 id="sections-title" className="mb-2 font-semibold">各部分完成率</h2>
        <SectionChart bars={sectionData} />
        <Markup html={memoHtml([data], `sections|${year}|${officeId}`, () => sectionListHtml(sections))} />
      </section>
      <section className="card min-w-0" aria-labelledby="offices-title">
        <h2 id="offices-title" className="mb-2 font-semibold">各科室完成率（牵头 / 配合）</h2>
        <OfficeChart bars={officeData} />
      </section>
      <section className="card min-w-0 lg:col-span-2 print:col-span-2" aria-labelledby="activity-title">
        <h2 id="activity-title" className="mb-1 font-semibold">每月工作台账{showPersonTimes ? "与参与人次" : ""}</h2>
        <p className="mb-2 text-xs text-slate-500">
          已审核通过的台账（协办记录不重复计算）。
          {showPersonTimes ? `人次为计量单位是“人次”的累计指标（目标合计 ${activity.personTimeTarget} 人次），虚线为序时进度。` : ""}
        </p>
        <ActivityChart months={months} showPersonTimes={showPersonTimes} />
        <Markup html={memoHtml([data, activity], `months|${year}|${officeId}|${showPersonTimes}`, () => monthTableHtml(months, showPersonTimes ? activity.months.map((m) => m.personTimes) : null))} />
      </section>
    </div>
  );
}
