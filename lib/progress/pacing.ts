/**
 * 序时进度: how much of a target is expected by a given day if the work were spread
 * evenly from the start of its period to its deadline.
 */

import { dayIndex, yearEndDay, yearStartDay } from "./dates";

/** A deadline at most this many days away turns unfinished work yellow (BEHIND). */
export const NEAR_DEADLINE_DAYS = 15;

/** A pacing period in day numbers (see dayIndex), both ends inclusive. */
export interface PacingPeriod {
  startDay: number;
  deadlineDay: number;
}

/**
 * The period runs from the point's own start date (else 1 January of the plan year) to the
 * deadline (else 31 December of the plan year). Deadlines outside the plan year are honoured
 * as given: a 2025 point due 2026-06-30 is paced over 18 months.
 */
export function resolvePeriod(year: number, start: Date | null | undefined, deadline: Date | null | undefined): PacingPeriod {
  const startDay = start ? dayIndex(start) : yearStartDay(year);
  const givenDeadlineDay = deadline ? dayIndex(deadline) : yearEndDay(year);
  // A deadline before the start (a point begun late, or a data slip) collapses the period to
  // its first day: everything is due once the period has begun.
  return { startDay, deadlineDay: Math.max(givenDeadlineDay, startDay) };
}

/**
 * Elapsed share of the period on asOfDay, counting whole days inclusive of asOfDay:
 * 30 June 2025 → 181/365; the deadline day and later → exactly 1; before the start → 0.
 */
export function elapsedShare(period: PacingPeriod, asOfDay: number): number {
  if (asOfDay < period.startDay) return 0;
  if (asOfDay >= period.deadlineDay) return 1;
  return (asOfDay - period.startDay + 1) / (period.deadlineDay - period.startDay + 1);
}
