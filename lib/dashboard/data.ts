/**
 * Everything the dashboard page shows, for one viewer: a constant number of queries (the plan's
 * progress, the previous year's at the same day and final, monthly activity, pending reviews,
 * plans and offices, the latest reminders of the points that need attention), remembered until
 * the next audited change.
 */

import type { Db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { STATUS_ORDER, calendarDate, calendarDayAt, dayIndex, yearEndDay, yearStartDay, type ProgressStatus } from "@/lib/progress";
import {
  countPendingReview,
  loadMonthlyActivity,
  loadPlanProgress,
  resolvePlanAsOf,
  type MonthlyActivity,
  type PlanProgressData,
} from "@/lib/progress/queries";
import { latestRemindersByPoint, reminderScope, type ReminderView } from "@/lib/reminders/queries";
import { planVisibilityKey, visiblePlanWhere } from "@/lib/plan/visibility";
import { cacheEnabled, figuresStamp, StampedMemo } from "./cache";
import { yearFigures, type NamedOffice, type YearFigures } from "./view";

export interface DashboardViewer {
  role: Role;
  officeId: number | null;
}

export interface DashboardRequest {
  year?: number | null;
  officeId?: number | null;
  status?: string | null;
  today?: Date;
  /** Reuse figures computed for the same change stamp (default: on unless DASHBOARD_CACHE=0). */
  cache?: boolean;
}

export interface YearComparison {
  current: YearFigures;
  /** The previous year on the same calendar day; null when the year shown is already over. */
  sameDay: YearFigures | null;
  /** The previous year's figures as they stand (final once its last deadline has passed; see resolveAsOf). */
  final: YearFigures;
}

export interface DashboardData {
  years: { year: number; title: string }[];
  year: number;
  today: Date;
  /** The office whose points are shown; null: the whole plan. */
  officeId: number | null;
  /** STAFF always see their own office's points. */
  officeLocked: boolean;
  offices: NamedOffice[];
  officeNames: Map<number, string>;
  data: PlanProgressData;
  activity: MonthlyActivity;
  pending: number;
  comparison: YearComparison | null;
  reminders: Map<number, ReminderView>;
  statusFilter: ProgressStatus | null;
}

/**
 * Figures, plans, offices and reminders, valid while no change has been audited (see cache.ts).
 * Per request only the change stamp is read; the rest comes from the memo.
 */
const memo = new StampedMemo(64);

/** The year the dashboard opens on: the current year if it has a plan, else the latest. */
export function pickYear(years: readonly number[], requested: number | null | undefined, today: Date): number | null {
  if (requested && years.includes(requested)) return requested;
  const current = today.getUTCFullYear();
  if (years.includes(current)) return current;
  return years.length ? Math.max(...years) : null;
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function sameDayPreviousYear(day: Date): Date {
  const year = day.getUTCFullYear() - 1;
  const month = day.getUTCMonth() + 1;
  const date = day.getUTCDate();
  return month === 2 && date === 29 ? calendarDate(year, 2, 28) : calendarDate(year, month, date);
}

/** STAFF: their own office, always. Readers of all: the office they picked, if it exists. */
export function resolveScope(viewer: DashboardViewer, requested: number | null | undefined, officeIds: readonly number[]) {
  if (viewer.role === "STAFF" || (!can(viewer.role, "ledger:readAll") && viewer.officeId !== null)) {
    return { officeId: viewer.officeId ?? -1, locked: true }; // an office-less STAFF account sees no points
  }
  return { officeId: requested && officeIds.includes(requested) ? requested : null, locked: false };
}

export async function loadDashboard(db: Db, viewer: DashboardViewer, request: DashboardRequest = {}): Promise<DashboardData | null> {
  const today = request.today ?? calendarDayAt(new Date());
  const useCache = request.cache ?? cacheEnabled();
  const stamp = useCache ? await figuresStamp(db) : "";
  const remember = <T,>(key: string, load: () => Promise<T>): Promise<T> => (useCache ? memo.get(key, stamp, load) : load());

  // Draft plans only for plan:readDraft: for everyone else a draft year is a missing year.
  const [plans, offices] = await remember(`meta|${planVisibilityKey(viewer.role)}`, () =>
    Promise.all([
      db.plan.findMany({ where: visiblePlanWhere(viewer.role), orderBy: { year: "desc" }, select: { year: true, title: true } }),
      db.office.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, shortName: true } }),
    ]),
  );
  const year = pickYear(plans.map((p) => p.year), request.year, today);
  if (year === null) return null;
  const scope = resolveScope(viewer, request.officeId, offices.map((o) => o.id));
  const officeId = scope.officeId;
  // Today, or for a finished plan the day after its last deadline (one small query, remembered).
  const asOf = await remember(`asOf|${year}|${dayIndex(today)}`, () => resolvePlanAsOf(db, year, today));
  // A plan whose year has not begun yet is not compared: the previous year is not over.
  const hasPrevious = plans.some((p) => p.year === year - 1) && dayIndex(asOf) >= yearStartDay(year);
  // Within the plan year (31 December included) the previous year is also shown on the same day.
  const inProgress = dayIndex(asOf) <= yearEndDay(year);

  // The previous year's standing figures are measured today, so today belongs in the key too.
  const figureKey = `figures|${year}|${dayIndex(asOf)}|${dayIndex(today)}|${officeId ?? "all"}|${hasPrevious}`;
  const { data, activity, pending, previousSameDay, previousFinal } = await remember(figureKey, async () => {
    const [data, activity, pending, previousSameDay, previousFinal] = await Promise.all([
      loadPlanProgress(db, year, { asOf, officeId }),
      loadMonthlyActivity(db, year, { asOf, officeId }),
      countPendingReview(db, year, officeId),
      hasPrevious && inProgress ? loadPlanProgress(db, year - 1, { asOf: sameDayPreviousYear(asOf), officeId }) : null,
      hasPrevious ? loadPlanProgress(db, year - 1, { today, officeId }) : null,
    ]);
    return { data, activity, pending, previousSameDay, previousFinal };
  });
  if (!data) return null;

  const attention = data.progress.points.filter((p) => p.status === "BEHIND" || p.status === "OVERDUE").map((p) => p.pointId);
  const readerScope = reminderScope(viewer);
  const reminders = await remember(`reminders|${figureKey}|${readerScope ? (readerScope.officeId ?? "all") : "none"}`, () =>
    latestRemindersByPoint(db, attention, viewer),
  );
  const statusFilter = STATUS_ORDER.find((s) => s === request.status) ?? null;

  return {
    years: plans,
    year,
    today,
    officeId,
    officeLocked: scope.locked,
    offices,
    officeNames: new Map(offices.map((o) => [o.id, o.name])),
    data,
    activity,
    pending,
    comparison: previousFinal
      ? { current: yearFigures(data), sameDay: previousSameDay ? yearFigures(previousSameDay) : null, final: yearFigures(previousFinal) }
      : null,
    reminders,
    statusFilter,
  };
}
