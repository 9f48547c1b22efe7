/**
 * The statutory deadlines of the annual report (domain.md, "The annual report cycle"): 报送 to the
 * superior by 1 March and 公开 by 1 April of the year after the report's year, both configurable
 * (ReportCycleSettings, "MM-DD"). Pure: where a report stands against them (the dashboard panel)
 * and which reminders are due (the scheduler's run, lib/report/deadline-run.ts).
 *
 * - 报送 is done once the report is 定稿 (signed by the 主要负责人): the 报送 version can go out.
 * - 公开 is done once the 保密审查 is approved in the current round: the public page is live.
 * - Reminders 30, 7 and 1 days before each deadline while that stage is not done; a run that first
 *   looks 5 days before sends only the 7-day reminder (never three at once), and each reminder has a
 *   key so a second run never sends it again.
 */

import { calendarDate, calendarDayAt, dayIndex, formatChineseDate } from "@/lib/progress/dates";

export const DEADLINE_KINDS = ["submit", "publish"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_LABEL: Record<DeadlineKind, string> = { submit: "报送", publish: "公开" };

/** Days before a deadline that a reminder goes out, widest first. */
export const NOTICE_DAYS = [30, 7, 1] as const;

export interface DeadlineSettings {
  /** "MM-DD" in the year after the report's year. */
  submitDue: string;
  publishDue: string;
}

export const DEFAULT_DEADLINES: DeadlineSettings = { submitDue: "03-01", publishDue: "04-01" };

export interface ReportCycleState {
  year: number;
  /** null: not generated yet. */
  status: string | null;
  /** True when the current 保密审查 round is approved (the public version is unlocked). */
  published: boolean;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/u;

/** Parses "MM-DD" (a day that exists in every year: 02-29 is refused); null when invalid. */
export function parseMonthDay(value: string): { month: number; day: number } | null {
  const match = MONTH_DAY.exec(value.trim());
  if (!match) return null;
  const [month, day] = [Number(match[1]), Number(match[2])];
  try {
    calendarDate(2025, month, day); // a common year: 02-29 would not exist every year
    return { month, day };
  } catch {
    return null;
  }
}

/** The due date of a stage of `year`'s report; an invalid stored value falls back to the statutory default. */
export function dueDate(year: number, kind: DeadlineKind, settings: DeadlineSettings): Date {
  const raw = kind === "submit" ? settings.submitDue : settings.publishDue;
  const parsed = parseMonthDay(raw) ?? parseMonthDay(DEFAULT_DEADLINES[kind === "submit" ? "submitDue" : "publishDue"])!;
  return calendarDate(year + 1, parsed.month, parsed.day);
}

export function stageDone(kind: DeadlineKind, report: ReportCycleState): boolean {
  if (kind === "submit") return report.status === "FINAL";
  return report.status === "FINAL" && report.published;
}

export type StageState = "done" | "pending" | "due-soon" | "overdue";

export interface StageStanding {
  kind: DeadlineKind;
  label: string;
  due: Date;
  /** Days from today to the due date (negative once passed). */
  daysLeft: number;
  state: StageState;
  /** One sentence for the panel: "报送截止2026年3月1日，还有28天" … */
  text: string;
}

/** Within this many days a pending stage shows as due soon. */
export const DUE_SOON_DAYS = 30;

/** Where `report` stands against both deadlines on `now` (China calendar day). */
export function reportStanding(report: ReportCycleState, now: Date, settings: DeadlineSettings): StageStanding[] {
  const today = dayIndex(calendarDayAt(now));
  return DEADLINE_KINDS.map((kind) => {
    const due = dueDate(report.year, kind, settings);
    const daysLeft = dayIndex(due) - today;
    const label = DEADLINE_LABEL[kind];
    const when = `${label}截止${formatChineseDate(due)}`;
    if (stageDone(kind, report)) return { kind, label, due, daysLeft, state: "done" as const, text: `${when}，已${kind === "submit" ? "定稿，可报送" : "通过保密审查并公开"}` };
    if (daysLeft < 0) return { kind, label, due, daysLeft, state: "overdue" as const, text: `${when}，已逾期${-daysLeft}天` };
    const state: StageState = daysLeft <= DUE_SOON_DAYS ? "due-soon" : "pending";
    return { kind, label, due, daysLeft, state, text: daysLeft === 0 ? `${when}，今天截止` : `${when}，还有${daysLeft}天` };
  });
}

/**
 * The report whose deadlines matter on `now`: the previous year's until its 公开 deadline has passed,
 * then the current year's (due early next year), so in December the panel already shows the coming one.
 */
export function reportYearDueAt(now: Date, settings: DeadlineSettings = DEFAULT_DEADLINES): number {
  const today = calendarDayAt(now);
  const previous = today.getUTCFullYear() - 1;
  return dayIndex(today) <= dayIndex(dueDate(previous, "publish", settings)) ? previous : previous + 1;
}

export interface DeadlineNotice {
  /** Unique per report, stage and threshold: "report:2025:submit:7". */
  key: string;
  kind: DeadlineKind;
  daysBefore: (typeof NOTICE_DAYS)[number];
  due: Date;
  title: string;
  body: string;
  link: string;
}

/** What still has to happen before a stage counts as done, for the reminder's text. */
function nextStep(kind: DeadlineKind, report: ReportCycleState): string {
  if (kind === "submit") {
    if (report.status === null) return "报告尚未生成，请法治办尽快起草";
    if (report.status === "DRAFT") return "报告仍为草稿，请完善后送审";
    return "报告已送审，请主要负责人审定签发";
  }
  if (report.status !== "FINAL") return "报告尚未定稿，定稿并完成保密审查后方可公开";
  return "请完成保密审查（初审、复审、批准）后公开";
}

/**
 * The reminders due on `now` for `report`: for each stage not done whose deadline is 0–30 days
 * ahead, the one threshold (30, 7 or 1) that `daysLeft` has just reached. After the deadline nothing
 * (the dashboard shows it overdue).
 */
export function reportDeadlineNotices(report: ReportCycleState, now: Date, settings: DeadlineSettings): DeadlineNotice[] {
  const notices: DeadlineNotice[] = [];
  for (const standing of reportStanding(report, now, settings)) {
    if (standing.state === "done" || standing.daysLeft < 0) continue;
    const threshold = [...NOTICE_DAYS].reverse().find((days) => standing.daysLeft <= days);
    if (threshold === undefined) continue;
    const kind = standing.kind;
    const left = standing.daysLeft === 0 ? "今天截止" : `还有${standing.daysLeft}天`;
    notices.push({
      key: `report:${report.year}:${kind}:${threshold}`,
      kind,
      daysBefore: threshold,
      due: standing.due,
      title: `${report.year}年度法治建设报告${standing.label}截止${formatChineseDate(standing.due)}，${left}`,
      body: `${nextStep(kind, report)}。`,
      link: `/reports/${report.year}`,
    });
  }
  return notices;
}
