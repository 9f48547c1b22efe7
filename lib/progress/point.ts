/**
 * Progress of one work point (工作要点): the worst of its targets, or, for a point without
 * quantitative targets, its deadline and explicit completion mark.
 */

import { dateFromDayIndex, dayIndex } from "./dates";
import { mean } from "./numbers";
import { NEAR_DEADLINE_DAYS, resolvePeriod } from "./pacing";
import type { PointDef, PointProgress, ProgressStatus, TargetProgress } from "./types";

export interface PointContext {
  year: number;
  asOf: Date;
}

/**
 * How much a status calls for attention, highest first:
 * OVERDUE > BEHIND > ON_TRACK > NOT_STARTED > DONE.
 * NOT_STARTED ranks below ON_TRACK because nothing is due on it yet (no cause for concern),
 * and above DONE because work remains.
 */
export const STATUS_SEVERITY: Record<ProgressStatus, number> = {
  OVERDUE: 4,
  BEHIND: 3,
  ON_TRACK: 2,
  NOT_STARTED: 1,
  DONE: 0,
};

/**
 * The status of a point from its targets' statuses: the most severe one, with one exception:
 * a mix of DONE and NOT_STARTED targets is ON_TRACK, since the point has begun (something is
 * done) but is not finished. So a point is NOT_STARTED only when every target is, and DONE
 * only when every target is. An empty list is NOT_STARTED.
 */
export function combineStatuses(statuses: readonly ProgressStatus[]): ProgressStatus {
  if (statuses.length === 0) return "NOT_STARTED";
  const worst = statuses.reduce((a, b) => (STATUS_SEVERITY[b] > STATUS_SEVERITY[a] ? b : a));
  if (worst === "NOT_STARTED" && statuses.includes("DONE")) return "ON_TRACK";
  return worst;
}

/** The target that explains the point's light: most severe, then lowest rate, then earliest deadline. */
export function pickWorstTarget(targets: readonly TargetProgress[]): TargetProgress | null {
  let worst: TargetProgress | null = null;
  for (const t of targets) {
    if (worst === null || compareConcern(t, worst) > 0) worst = t;
  }
  return worst;
}

function compareConcern(a: TargetProgress, b: TargetProgress): number {
  const bySeverity = STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status];
  if (bySeverity !== 0) return bySeverity;
  if (a.rate !== b.rate) return b.rate - a.rate;
  return b.deadline.getTime() - a.deadline.getTime();
}

/**
 * A point without targets, first rule that applies: completed on or before asOf → DONE;
 * deadline day passed → OVERDUE; start in the future and no approved entries → NOT_STARTED;
 * deadline at most 15 days away → BEHIND; otherwise (begun, or entries already) → ON_TRACK.
 * A completion mark dated after asOf is ignored, so looking at a past day shows that day's state.
 */
function statusWithoutTargets(point: PointDef, asOfDay: number, startDay: number, daysLeft: number): ProgressStatus {
  if (point.completedAt && dayIndex(point.completedAt) <= asOfDay) return "DONE";
  if (daysLeft < 0) return "OVERDUE";
  if (asOfDay < startDay && point.approvedEntryCount === 0) return "NOT_STARTED";
  if (daysLeft <= NEAR_DEADLINE_DAYS) return "BEHIND";
  return "ON_TRACK";
}

/**
 * With targets, the point's light and rate come from them alone; completedAt is the mark for
 * points without targets and is not consulted (ticking a box cannot override unmet numbers).
 */
export function computePointProgress(
  point: PointDef,
  targets: readonly TargetProgress[],
  ctx: PointContext,
): PointProgress {
  const asOfDay = dayIndex(ctx.asOf);
  const period = resolvePeriod(ctx.year, point.startDate, point.deadline);
  const daysLeft = period.deadlineDay - asOfDay;
  const deadline = dateFromDayIndex(period.deadlineDay);

  if (targets.length === 0) {
    const status = statusWithoutTargets(point, asOfDay, period.startDay, daysLeft);
    return {
      pointId: point.id,
      point,
      status,
      rate: status === "DONE" ? 1 : 0,
      targets: [],
      deadline,
      daysLeft,
      worstTarget: null,
    };
  }

  return {
    pointId: point.id,
    point,
    status: combineStatuses(targets.map((t) => t.status)),
    rate: mean(targets.map((t) => t.rate)),
    targets: [...targets],
    deadline,
    daysLeft,
    worstTarget: pickWorstTarget(targets),
  };
}
