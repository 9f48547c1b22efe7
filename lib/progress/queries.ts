/**
 * The database side of the completion engine: a constant handful of queries per plan, whatever
 * the number of ledger entries, then the pure `computePlanProgress`.
 *
 * Counting rules (the same everywhere): only APPROVED entries count, soft-deleted entries
 * (deletedAt) never do, and 协办 records (linkedEntryId set) never do, because the lead office's
 * entry already counts the event. Progress "as of" a day counts entries dated on or before it.
 *
 * Raw SQL is portable between SQLite and PostgreSQL: double-quoted identifiers, parameters bound
 * by Prisma, no date functions (SQLite keeps DateTime as ISO-8601 text, so ranges compare as text
 * there and as timestamps on PostgreSQL; bucketing into months happens in JS).
 */

import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { calendarDate, calendarDayAt, dateFromDayIndex, dayIndex } from "./dates";
import { round1 } from "./numbers";
import { elapsedShare, resolvePeriod } from "./pacing";
import { computePlanProgress, type PlanProgress } from "./plan";
import type { Comparator, PointDef, TargetAggregate, TargetDef, TargetKind } from "./types";

export interface ProgressScope {
  /** The calendar day to measure on; default today (China), capped to 31 December of the plan year. */
  asOf?: Date;
  /**
   * Only the points this office leads or cooperates on (roll-ups cover just those). A point's own
   * progress still counts every office's approved entries: it is a property of the point.
   */
  officeId?: number | null;
}

export interface PlanProgressData {
  plan: { id: number; year: number; title: string; status: string };
  sections: { id: number; ordinal: number; title: string }[];
  /** The plan's targets by id, for describeProjection / describeShortfall. */
  targetDefs: Map<number, TargetDef>;
  /** Written deadline of each point ("6月底前"), by point id. */
  deadlineText: Map<number, string>;
  progress: PlanProgress;
  officeId: number | null;
}

/** Today (China), or 31 December for a past year. A future year is measured today (NOT_STARTED). */
export function resolveAsOf(year: number, today: Date = calendarDayAt(new Date())): Date {
  const yearEnd = calendarDate(year, 12, 31);
  return today.getTime() > yearEnd.getTime() ? yearEnd : today;
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

function toBool(value: unknown): boolean {
  return value === true || toNumber(value) > 0;
}

const COUNTED = Prisma.sql`e."status" = 'APPROVED' AND e."deletedAt" IS NULL AND e."linkedEntryId" IS NULL`;

interface AggregateRow {
  targetId: unknown;
  sum: unknown;
  entryCount: unknown;
  completed: unknown;
  firstDate: unknown;
  lastDate: unknown;
}

/**
 * One grouped aggregation over the plan's counted quantities, plus one small windowed query for
 * the latest PERCENT readings (a rate is a reading, not a quantity to add up). Two queries always.
 */
export async function loadTargetAggregates(db: Db, planId: number, asOf: Date): Promise<TargetAggregate[]> {
  const before = dayAfter(asOf);
  const [rows, latest] = await Promise.all([
    db.$queryRaw<AggregateRow[]>(Prisma.sql`
      SELECT q."targetId" AS "targetId", SUM(q."value") AS "sum", COUNT(*) AS "entryCount",
             MAX(CASE WHEN q."completes" THEN 1 ELSE 0 END) AS "completed",
             MIN(e."date") AS "firstDate", MAX(e."date") AS "lastDate"
      FROM "LedgerQuantity" q
      JOIN "LedgerEntry" e ON e."id" = q."entryId"
      JOIN "Target" t ON t."id" = q."targetId"
      WHERE t."planId" = ${planId} AND ${COUNTED} AND e."date" < ${before}
      GROUP BY q."targetId"`),
    db.$queryRaw<{ targetId: unknown; value: unknown }[]>(Prisma.sql`
      SELECT r."targetId" AS "targetId", r."value" AS "value" FROM (
        SELECT q."targetId" AS "targetId", q."value" AS "value",
               ROW_NUMBER() OVER (PARTITION BY q."targetId" ORDER BY e."date" DESC, e."id" DESC) AS "rn"
        FROM "LedgerQuantity" q
        JOIN "LedgerEntry" e ON e."id" = q."entryId"
        JOIN "Target" t ON t."id" = q."targetId"
        WHERE t."planId" = ${planId} AND t."kind" = 'PERCENT' AND ${COUNTED} AND e."date" < ${before}
      ) r WHERE r."rn" = 1`),
  ]);
  const latestByTarget = new Map(latest.map((r) => [toNumber(r.targetId), toNumber(r.value)]));
  return rows.map((r) => {
    const targetId = toNumber(r.targetId);
    return {
      targetId,
      sum: toNumber(r.sum),
      entryCount: toNumber(r.entryCount),
      latestValue: latestByTarget.get(targetId) ?? null,
      completed: toBool(r.completed),
      firstDate: toDate(r.firstDate),
      lastDate: toDate(r.lastDate),
    };
  });
}

/** Counted entries per point of the plan (for points without targets: begun or not). */
export async function loadApprovedEntryCounts(db: Db, planId: number, asOf: Date): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<{ workPointId: unknown; entries: unknown }[]>(Prisma.sql`
    SELECT e."workPointId" AS "workPointId", COUNT(*) AS "entries"
    FROM "LedgerEntry" e
    WHERE e."workPointId" IN (SELECT w."id" FROM "WorkPoint" w WHERE w."planId" = ${planId}) AND ${COUNTED} AND e."date" < ${dayAfter(asOf)}
    GROUP BY e."workPointId"`);
  return new Map(rows.map((r) => [toNumber(r.workPointId), toNumber(r.entries)]));
}

function officeFilter(officeId: number | null | undefined): Prisma.WorkPointWhereInput {
  if (!officeId) return {};
  return { OR: [{ leadOfficeId: officeId }, { supportOffices: { some: { officeId } } }] };
}

/** Progress of one year's plan; null when there is no plan for that year. */
export async function loadPlanProgress(db: Db, year: number, scope: ProgressScope = {}): Promise<PlanProgressData | null> {
  const plan = await db.plan.findUnique({
    where: { year },
    select: { id: true, year: true, title: true, status: true, sections: { select: { id: true, ordinal: true, title: true }, orderBy: { ordinal: "asc" } } },
  });
  if (!plan) return null;
  const asOf = scope.asOf ?? resolveAsOf(year);
  const officeId = scope.officeId ?? null;

  const [pointRows, targetRows, aggregates, entryCounts] = await Promise.all([
    db.workPoint.findMany({
      where: { planId: plan.id, ...officeFilter(officeId) },
      orderBy: { number: "asc" },
      select: {
        id: true, number: true, title: true, sectionId: true, leadOfficeId: true, deadline: true, deadlineText: true,
        startDate: true, completedAt: true, supportOffices: { select: { officeId: true } },
      },
    }),
    db.target.findMany({ where: { planId: plan.id }, orderBy: [{ workPointId: "asc" }, { ordinal: "asc" }, { id: "asc" }] }),
    loadTargetAggregates(db, plan.id, asOf),
    loadApprovedEntryCounts(db, plan.id, asOf),
  ]);

  const points: PointDef[] = pointRows.map((p) => ({
    id: p.id,
    number: p.number,
    title: p.title,
    sectionId: p.sectionId,
    leadOfficeId: p.leadOfficeId,
    supportOfficeIds: p.supportOffices.map((s) => s.officeId).sort((a, b) => a - b),
    deadline: p.deadline,
    startDate: p.startDate,
    completedAt: p.completedAt,
    approvedEntryCount: entryCounts.get(p.id) ?? 0,
  }));
  const targets: TargetDef[] = targetRows.map((t) => ({
    id: t.id,
    workPointId: t.workPointId,
    subject: t.subject,
    comparator: t.comparator as Comparator,
    value: t.value,
    unit: t.unit,
    kind: t.kind as TargetKind,
    deadline: t.deadline,
  }));

  const progress = computePlanProgress({ year, asOf, points, targets, aggregates });
  return {
    plan: { id: plan.id, year: plan.year, title: plan.title, status: plan.status },
    sections: plan.sections,
    targetDefs: new Map(targets.map((t) => [t.id, t])),
    deadlineText: new Map(pointRows.map((p) => [p.id, p.deadlineText])),
    progress,
    officeId,
  };
}

export interface ActivityScope {
  /** Entries of this office only (support entries included, 协办 records excluded as always). */
  officeId?: number | null;
  asOf?: Date;
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
  const asOf = scope.asOf ?? resolveAsOf(year);
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
