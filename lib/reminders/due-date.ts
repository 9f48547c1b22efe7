/**
 * The 要求完成日期 the 催办 form proposes: a week from today, but never after the point's own
 * deadline; once the deadline has passed, a week from today.
 */
import { dayIndex, dateFromDayIndex } from "@/lib/progress/dates";

export const REMINDER_DEFAULT_DAYS = 7;

/** Both arguments and the result are calendar days (UTC midnight, see lib/progress/dates). */
export function defaultRequestedBy(today: Date, deadline: Date | null): Date {
  const inAWeek = dayIndex(today) + REMINDER_DEFAULT_DAYS;
  if (deadline === null) return dateFromDayIndex(inAWeek);
  const due = dayIndex(deadline);
  if (due < dayIndex(today)) return dateFromDayIndex(inAWeek);
  return dateFromDayIndex(Math.min(due, inAWeek));
}
