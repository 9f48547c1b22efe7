/**
 * Feedback periods (进展反馈周期), pure: a period is a calendar month ("2026-11") or quarter
 * ("2026-Q4"); its notes are due by a day of the month after it (default the 5th).
 */

import { calendarDate, dayIndex } from "@/lib/progress/dates";

export type FeedbackCycle = "MONTHLY" | "QUARTERLY";
export const FEEDBACK_CYCLES: readonly FeedbackCycle[] = ["MONTHLY", "QUARTERLY"];
export const CYCLE_LABEL: Record<FeedbackCycle, string> = { MONTHLY: "每月", QUARTERLY: "每季度" };

export interface FeedbackConfig {
  cycle: FeedbackCycle;
  /** 1–28: notes are due by this day of the month after the period. */
  dueDay: number;
}

export const DEFAULT_FEEDBACK_CONFIG: FeedbackConfig = { cycle: "MONTHLY", dueDay: 5 };

export interface FeedbackPeriod {
  key: string;
  /** "2026年11月" / "2026年第四季度" */
  label: string;
  year: number;
  /** First and last calendar day (UTC midnight). */
  start: Date;
  end: Date;
  /** The day notes are due. */
  due: Date;
}

const QUARTER_NAMES = ["一", "二", "三", "四"];

function build(year: number, firstMonth: number, months: number, config: FeedbackConfig): FeedbackPeriod {
  const start = calendarDate(year, firstMonth, 1);
  const end = new Date(Date.UTC(year, firstMonth - 1 + months, 0));
  const due = new Date(Date.UTC(year, firstMonth - 1 + months, Math.min(Math.max(config.dueDay, 1), 28)));
  if (months === 1) {
    return { key: `${year}-${String(firstMonth).padStart(2, "0")}`, label: `${year}年${firstMonth}月`, year, start, end, due };
  }
  const q = (firstMonth - 1) / 3;
  return { key: `${year}-Q${q + 1}`, label: `${year}年第${QUARTER_NAMES[q]}季度`, year, start, end, due };
}

/** The period a day falls in. */
export function periodOf(day: Date, config: FeedbackConfig = DEFAULT_FEEDBACK_CONFIG): FeedbackPeriod {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1;
  return config.cycle === "MONTHLY" ? build(year, month, 1, config) : build(year, Math.floor((month - 1) / 3) * 3 + 1, 3, config);
}

/** A period from its key under the cycle, or null when the key is not one of the cycle's. */
export function periodFromKey(key: string, config: FeedbackConfig = DEFAULT_FEEDBACK_CONFIG): FeedbackPeriod | null {
  const monthly = /^(\d{4})-(\d{2})$/.exec(key);
  if (monthly && config.cycle === "MONTHLY") {
    const month = Number(monthly[2]);
    return month >= 1 && month <= 12 ? build(Number(monthly[1]), month, 1, config) : null;
  }
  const quarterly = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarterly && config.cycle === "QUARTERLY") return build(Number(quarterly[1]), (Number(quarterly[2]) - 1) * 3 + 1, 3, config);
  return null;
}

/** The periods of a plan year, in order. */
export function periodsOfYear(year: number, config: FeedbackConfig = DEFAULT_FEEDBACK_CONFIG): FeedbackPeriod[] {
  const step = config.cycle === "MONTHLY" ? 1 : 3;
  const out: FeedbackPeriod[] = [];
  for (let month = 1; month <= 12; month += step) out.push(build(year, month, step, config));
  return out;
}

/**
 * The period whose notes are called for on `today`: the latest one that has ended (on 4 December,
 * monthly: November, due 5 December; in January, monthly: December of the year before).
 */
export function duePeriod(today: Date, config: FeedbackConfig = DEFAULT_FEEDBACK_CONFIG): FeedbackPeriod {
  const current = periodOf(today, config);
  return periodOf(new Date(current.start.getTime() - 86_400_000), config);
}

/** Periods of the plan year one may write for on `today`: those begun by today, latest first. */
export function writablePeriods(year: number, today: Date, config: FeedbackConfig = DEFAULT_FEEDBACK_CONFIG): FeedbackPeriod[] {
  return periodsOfYear(year, config)
    .filter((p) => dayIndex(p.start) <= dayIndex(today))
    .reverse();
}

/** Whether the period's notes are late on `today` (the due day itself is still in time). */
export function isPastDue(period: FeedbackPeriod, today: Date): boolean {
  return dayIndex(today) > dayIndex(period.due);
}

/**
 * The feedback periods of either cycle (notes keep the key they were written under, whichever
 * cycle applied then) that overlap the days from `start` to `end`, latest end first (a quarter
 * before its last month). For 情况通报: the office's latest note of the bulletin's period.
 */
export function periodsOverlapping(start: Date, end: Date): FeedbackPeriod[] {
  const found: FeedbackPeriod[] = [];
  for (let year = start.getUTCFullYear(); year <= end.getUTCFullYear(); year++) {
    for (const cycle of FEEDBACK_CYCLES) {
      for (const period of periodsOfYear(year, { cycle, dueDay: DEFAULT_FEEDBACK_CONFIG.dueDay })) {
        if (dayIndex(period.start) <= dayIndex(end) && dayIndex(period.end) >= dayIndex(start)) found.push(period);
      }
    }
  }
  return found.sort((a, b) => dayIndex(b.end) - dayIndex(a.end) || dayIndex(a.start) - dayIndex(b.start));
}
