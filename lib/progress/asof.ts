/**
 * The day a plan is measured on ("as of"), pure so it is table-tested; queries.ts feeds it the
 * plan's dates from one small aggregate query.
 */

import { calendarDayAt, dateFromDayIndex, dayIndex, yearEndDay } from "./dates";

/** The latest dates of a plan's points and targets (null when none is set). */
export interface PlanDates {
  pointDeadline?: Date | null;
  pointStart?: Date | null;
  targetDeadline?: Date | null;
}

/**
 * The last day any of the plan's work is due: 31 December of the plan year, or a later deadline
 * (a 2025 point due 2026-06-30). A start date counts too, because a deadline before a point's
 * start is read as the start (see resolvePeriod).
 */
export function lastDeadlineDay(year: number, dates: PlanDates = {}): number {
  const days = [dates.pointDeadline, dates.pointStart, dates.targetDeadline].filter((d): d is Date => d instanceof Date).map(dayIndex);
  return Math.max(yearEndDay(year), ...days);
}

/**
 * Today (China), but at most the day after the plan's last deadline. Until then the plan is
 * under way and measured today, whatever the calendar year: a 2025 point due 2026-06-30 is
 * paced, warned about and counted until that day, and 逾期 after it. From the day after the last
 * deadline every light is final (已完成 or 逾期), so later days would show the same; capping
 * keeps the figures of a finished plan fixed (and cacheable). Capping at the deadline itself would
 * leave unmet work 滞后 ("deadline today") for ever instead of 逾期.
 * A year not yet begun is measured today: everything is 未开始.
 *
 * Without `dates`, the last deadline is taken as 31 December of the plan year.
 */
export function resolveAsOf(year: number, today: Date = calendarDayAt(new Date()), dates: PlanDates = {}): Date {
  const cap = lastDeadlineDay(year, dates) + 1;
  return dayIndex(today) > cap ? dateFromDayIndex(cap) : today;
}
