/**
 * When automatic reminders fall due: a pure function of the points, the moment and the settings
 * (no database, no clock of its own), so the schedule is tested with tables of cases.
 *
 * - 临近提醒 (NEAR): from `leadDays` days before a point's deadline up to the deadline day, once per
 *   deadline (an approved extension gives a new deadline, hence a new reminder).
 * - 到期催办 (OVERDUE): the day after the deadline, then every `repeatDays` days while the point is
 *   still not done (0: only once). A scheduler that was down catches up with the latest slot only.
 *
 * Days are China calendar days; a day's reminders go out from SEND_HOUR (08:00 Beijing), not at
 * midnight. The dedupe key names the point, the kind and the slot, so a reminder computed twice
 * (two instances, a restart) is the same row of the outbox and is sent once.
 */

import { calendarDayAt, dateFromDayIndex, dayIndex } from "@/lib/progress/dates";

/** Reminders of a day go out from this hour, Beijing time. */
export const SEND_HOUR = 8;

export interface SchedulePoint {
  pointId: number;
  /** The effective deadline (calendar day at UTC midnight). */
  deadline: Date;
  done: boolean;
}

export interface ScheduleSettings {
  /** 临近提醒 this many days ahead; 0: none. */
  leadDays: number;
  /** 到期催办 repeat interval in days; 0: once. */
  repeatDays: number;
}

export type ReminderKind = "NEAR" | "OVERDUE";

export interface DueReminder {
  kind: ReminderKind;
  pointId: number;
  deadline: Date;
  /** The day this reminder belongs to (for NEAR the deadline, for OVERDUE the slot day). */
  slot: Date;
  /** NEAR: days left (0 on the deadline day); OVERDUE: days past the deadline (≥ 1). */
  days: number;
  /** Unique per reminder: "near:<pointId>:<deadline>" / "due:<pointId>:<slot>". */
  key: string;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar day whose reminders are due at `now`: today from 08:00 Beijing, else yesterday. */
export function reminderDay(now: Date): number {
  return dayIndex(calendarDayAt(new Date(now.getTime() - SEND_HOUR * 3_600_000)));
}

export function dueReminders(points: readonly SchedulePoint[], now: Date, settings: ScheduleSettings): DueReminder[] {
  const today = reminderDay(now);
  const leadDays = Math.max(0, Math.floor(settings.leadDays));
  const repeatDays = Math.max(0, Math.floor(settings.repeatDays));
  const out: DueReminder[] = [];
  for (const point of points) {
    if (point.done) continue;
    const deadline = dayIndex(point.deadline);
    const deadlineDate = dateFromDayIndex(deadline);
    const left = deadline - today;
    if (leadDays > 0 && left >= 0 && left <= leadDays) {
      out.push({ kind: "NEAR", pointId: point.pointId, deadline: deadlineDate, slot: deadlineDate, days: left, key: `near:${point.pointId}:${isoDay(deadlineDate)}` });
    }
    if (left < 0) {
      const late = -left;
      const first = deadline + 1;
      const slotDay = repeatDays > 0 ? first + Math.floor((today - first) / repeatDays) * repeatDays : first;
      const slot = dateFromDayIndex(slotDay);
      out.push({ kind: "OVERDUE", pointId: point.pointId, deadline: deadlineDate, slot, days: late, key: `due:${point.pointId}:${isoDay(slot)}` });
    }
  }
  return out;
}
