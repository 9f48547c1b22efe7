/**
 * Monthly activity and pending reviews for the dashboard, on the same counting rules as
 * queries.ts (APPROVED, not deleted, not 协办; entries dated on or before asOf).
 */

import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { calendarDate, dayIndex } from "./dates";
import { round1 } from "./numbers";
import { elapsedShare, resolvePeriod } from "./pacing";
import { COUNTED, dayAfter, officeFilter, resolvePlanAsOf, toDate, toNumber } from "./sql";

export interface ActivityScope {
  /** Entries of this office only (support entries included, 协办 records excluded as always). */
  officeId?: number | null;
  asOf?: Date;
  /** Without asOf: the plan is measured as resolvePlanAsOf says for this day (default today). */
  today?: Date;
}

export interface MonthActivity {
  /** 1–12 */
  month: number;
  from: Date;
  to: Date;
  entries: number;
  personTimes: number;
  cumulativePersonTimes: number;
  /** 序时进度 of the person-time targets at the month's end; null when the plan has none. */
  expectedPersonTimes: number | null;
}

export interface MonthlyActivity {
  year: number;
  months: MonthActivity[];
  totalEntries: number;
  totalPersonTimes: number;
  /** Sum of the ">=" person-time targets in scope (0 when none). */
  personTimeTarget: number;
}

/** Unit of the targets whose quantities count as person-times (人次, e.g. 培训人数 ≥ 200 人次). */
export const PERSON_TIME_UNIT = "人次";

/**
 * Counted entries and person-times per month of a year. Person-times are the quantities recorded
 * against SUM targets whose unit is 人次 (the domain's "sum of participants over sessions"); other
 * SUM targets (篇, 条, 万元 …) are not people and are left out. Three queries: entries grouped by
 * date, person-times grouped by date, the person-time targets; months are bucketed in JS.
 */
export async function loadMonthlyActivity(db: Db, year: number, scope: ActivityScope = {}): Promise<MonthlyActivity> {
  const asOf = scope.asOf ?? (await resolvePlanAsOf(db, year, scope.today));
  const before = dayAfter(asOf);
  const officeId = scope.officeId ?? null;
  const byOffice = officeId ? Prisma.sql`AND e."officeId" = ${officeId}` : Prisma.empty;

  const [entryGroups, personRows, personTargets] = await Promise.all([
    db.ledgerEntry.groupBy({
      by: ["date"],
      where: { year, status: "APPROVED", deletedAt: null, linkedEntryId: null, date: { lt: before }, ...(officeId ? { officeId } : {}) },
      _count: { _all: true },
    }),
    db.$queryRaw<{ date: unknown; total: unknown }[]>(Prisma.sql`
      SELECT e."date" AS "date", SUM(q."value") AS "total"
      FROM "LedgerQuantity" q
      JOIN "LedgerEntry" e ON e."id" = q."entryId"
      JOIN "Target" t ON t."id" = q."targetId"
      WHERE e."year" = ${year} AND t."kind" = 'SUM' AND t."unit" = ${PERSON_TIME_UNIT} AND ${COUNTED} AND e."date" < ${before} ${byOffice}
      GROUP BY e."date"`),
    db.target.findMany({
      where: { plan: { year }, kind: "SUM", unit: PERSON_TIME_UNIT, comparator: { not: "<=" }, workPoint: officeFilter(officeId) },
      select: { value: true, deadline: true, workPoint: { select: { startDate: true, deadline: true } } },
    }),
  ]);

  const entries = new Array<number>(12).fill(0);
  const persons = new Array<number>(12).fill(0);
  for (const g of entryGroups) if (g.date.getUTCFullYear() === year) entries[g.date.getUTCMonth()] += g._count._all;
  for (const r of personRows) {
    const date = toDate(r.date);
    if (date && date.getUTCFullYear() === year) persons[date.getUTCMonth()] += toNumber(r.total);
  }

  const periods = personTargets.map((t) => ({ value: t.value, period: resolvePeriod(year, t.workPoint.startDate, t.deadline ?? t.workPoint.deadline) }));
  let cumulative = 0;
  const months: MonthActivity[] = entries.map((count, i) => {
    const from = calendarDate(year, i + 1, 1);
    const to = new Date(Date.UTC(year, i + 1, 0)); // day 0 of the next month: this month's last day
    cumulative += persons[i];
    const expected = periods.length ? periods.reduce((sum, p) => sum + p.value * elapsedShare(p.period, dayIndex(to)), 0) : null;
    return {
      month: i + 1,
      from,
      to,
      entries: count,
      personTimes: round1(persons[i]),
      cumulativePersonTimes: round1(cumulative),
      expectedPersonTimes: expected === null ? null : round1(expected),
    };
  });
  return {
    year,
    months,
    totalEntries: entries.reduce((a, b) => a + b, 0),
    totalPersonTimes: round1(cumulative),
    personTimeTarget: personTargets.reduce((sum, t) => sum + t.value, 0),
  };
}

/** Entries waiting for review (SUBMITTED, not deleted) of a year, optionally of one office. */
export async function countPendingReview(db: Db, year: number, officeId?: number | null): Promise<number> {
  return db.ledgerEntry.count({ where: { year, status: "SUBMITTED", deletedAt: null, ...(officeId ? { officeId } : {}) } });
}
