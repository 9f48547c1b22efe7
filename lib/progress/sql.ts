/**
 * Shared pieces of the progress queries: the counting rule as SQL, the office scope and the as-of
 * day of a plan (value coercion for raw rows lives in lib/sql-values.ts and is re-exported here).
 */

import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { resolveAsOf } from "./asof";
import { calendarDayAt, dateFromDayIndex, dayIndex, yearEndDay } from "./dates";

export { toBool, toDate, toNumber } from "@/lib/sql-values";

/**
 * The day a year's plan is measured on (see resolveAsOf): today, capped at the day after the
 * plan's last deadline. While today is within the plan year no query is needed; after it, one
 * small aggregate reads the plan's latest deadline and start dates.
 */
export async function resolvePlanAsOf(db: Db, year: number, today: Date = calendarDayAt(new Date())): Promise<Date> {
  if (dayIndex(today) <= yearEndDay(year)) return today;
  const [points, targets] = await Promise.all([
    db.workPoint.aggregate({ where: { plan: { year } }, _max: { deadline: true, startDate: true } }),
    db.target.aggregate({ where: { plan: { year } }, _max: { deadline: true } }),
  ]);
  return resolveAsOf(year, today, {
    pointDeadline: points._max.deadline,
    pointStart: points._max.startDate,
    targetDeadline: targets._max.deadline,
  });
}

/** The instant just after asOf's calendar day: entries dated before it count. */
export function dayAfter(asOf: Date): Date {
  return dateFromDayIndex(dayIndex(asOf) + 1);
}

export const COUNTED = Prisma.sql`e."status" = 'APPROVED' AND e."deletedAt" IS NULL AND e."linkedEntryId" IS NULL`;

export function officeFilter(officeId: number | null | undefined): Prisma.WorkPointWhereInput {
  if (!officeId) return {};
  return { OR: [{ leadOfficeId: officeId }, { supportOffices: { some: { officeId } } }] };
}
