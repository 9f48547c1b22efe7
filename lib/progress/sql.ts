/**
 * Shared pieces of the progress queries: the counting rule as SQL, value coercion for raw
 * aggregates, the office scope and the as-of day of a plan.
 */

import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { resolveAsOf } from "./asof";
import { calendarDayAt, dateFromDayIndex, dayIndex, yearEndDay } from "./dates";

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

/** Aggregates come back as bigint (COUNT), number, numeric strings (PostgreSQL SUM) or text dates (SQLite). */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  if (value && typeof value === "object" && "toNumber" in value) return (value as { toNumber(): number }).toNumber();
  return 0;
}

export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

export function toBool(value: unknown): boolean {
  return value === true || toNumber(value) > 0;
}

export const COUNTED = Prisma.sql`e."status" = 'APPROVED' AND e."deletedAt" IS NULL AND e."linkedEntryId" IS NULL`;

export function officeFilter(officeId: number | null | undefined): Prisma.WorkPointWhereInput {
  if (!officeId) return {};
  return { OR: [{ leadOfficeId: officeId }, { supportOffices: { some: { officeId } } }] };
}
