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
import { resolveAsOf } from "./asof";
import { approvedExtensionsOfPlan } from "@/lib/supervision/queries";
import { extendedTargetDeadline } from "@/lib/supervision/deadline";
import { computePlanProgress, type PlanProgress } from "./plan";
import { COUNTED, dayAfter, officeFilter, resolvePlanAsOf, toBool, toDate, toNumber } from "./sql";
import type { Comparator, PointDef, TargetAggregate, TargetDef, TargetKind } from "./types";

export interface ProgressScope {
  /** The calendar day to measure on; default resolvePlanAsOf(today). */
  asOf?: Date;
  /** Without asOf: the day to resolve the plan's as-of from (default today, China). */
  today?: Date;
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

export { COUNTED, dayAfter, officeFilter, resolveAsOf, resolvePlanAsOf, toDate, toNumber };

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

/** Progress of one year's plan; null when there is no plan for that year. */
export async function loadPlanProgress(db: Db, year: number, scope: ProgressScope = {}): Promise<PlanProgressData | null> {
  const plan = await db.plan.findUnique({
    where: { year },
    select: { id: true, year: true, title: true, status: true, sections: { select: { id: true, ordinal: true, title: true }, orderBy: { ordinal: "asc" } } },
  });
  if (!plan) return null;
  const asOf = scope.asOf ?? (await resolvePlanAsOf(db, year, scope.today));
  const officeId = scope.officeId ?? null;

  const [pointRows, targetRows, aggregates, entryCounts, extensions] = await Promise.all([
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
    approvedExtensionsOfPlan(db, plan.id),
  ]);

  // An approved 延期 moves the deadline the point (and its targets due with it) is measured against.
  const points: PointDef[] = pointRows.map((p) => {
    const extension = extensions.get(p.id);
    return {
      id: p.id,
      number: p.number,
      title: p.title,
      sectionId: p.sectionId,
      leadOfficeId: p.leadOfficeId,
      supportOfficeIds: p.supportOffices.map((s) => s.officeId).sort((a, b) => a - b),
      deadline: extension ? extension.to : p.deadline,
      startDate: p.startDate,
      completedAt: p.completedAt,
      approvedEntryCount: entryCounts.get(p.id) ?? 0,
      extension: extension ? { originalDeadline: p.deadline, to: extension.to } : null,
    };
  });
  const originalDeadline = new Map(pointRows.map((p) => [p.id, p.deadline]));
  const targets: TargetDef[] = targetRows.map((t) => ({
    id: t.id,
    workPointId: t.workPointId,
    subject: t.subject,
    comparator: t.comparator as Comparator,
    value: t.value,
    unit: t.unit,
    kind: t.kind as TargetKind,
    deadline: extendedTargetDeadline(t.deadline, originalDeadline.get(t.workPointId) ?? null, extensions.get(t.workPointId)?.to ?? null),
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

export {
  countPendingReview,
  loadMonthlyActivity,
  PERSON_TIME_UNIT,
  type ActivityScope,
  type MonthActivity,
  type MonthlyActivity,
} from "./activity";
