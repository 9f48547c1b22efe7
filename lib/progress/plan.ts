/**
 * Everything the dashboard needs, from the rows of its few SQL queries, in one call.
 */

import { daysLeftInPlanYear } from "./dates";
import { computePointProgress } from "./point";
import { rollupByOffice, rollupBySection, rollupPlan } from "./rollup";
import { computeTargetProgress } from "./target";
import type { OfficeRollup, PointDef, PointProgress, Rollup, TargetAggregate, TargetDef, TargetProgress } from "./types";

export interface PlanProgressInput {
  year: number;
  asOf: Date;
  /** In display order; the output keeps it. */
  points: readonly PointDef[];
  /** In display order within each point (e.g. by ordinal). */
  targets: readonly TargetDef[];
  /** At most one row per target; targets without a row have no approved entries. */
  aggregates: readonly TargetAggregate[];
}

export interface PlanProgress {
  year: number;
  asOf: Date;
  /** Days of the plan year after asOf: 0 once the year is over, the whole year before it begins. */
  daysLeftInYear: number;
  targets: Map<number, TargetProgress>;
  points: PointProgress[];
  plan: Rollup;
  sections: Map<number, Rollup>;
  offices: OfficeRollup[];
}

/**
 * Targets of points not in `points` and aggregates of unknown targets are ignored, so a
 * query that over-fetches (another plan, a deleted point) cannot skew the figures.
 */
export function computePlanProgress(input: PlanProgressInput): PlanProgress {
  const { year, asOf } = input;
  const aggregateByTarget = new Map(input.aggregates.map((a) => [a.targetId, a]));
  const pointById = new Map(input.points.map((p) => [p.id, p]));

  const targetsByPoint = new Map<number, TargetProgress[]>();
  const targets = new Map<number, TargetProgress>();
  for (const target of input.targets) {
    const point = pointById.get(target.workPointId);
    if (!point) continue;
    const tp = computeTargetProgress(target, aggregateByTarget.get(target.id), {
      year,
      asOf,
      pointStart: point.startDate,
      pointDeadline: point.deadline,
    });
    targets.set(target.id, tp);
    const list = targetsByPoint.get(point.id);
    if (list) list.push(tp);
    else targetsByPoint.set(point.id, [tp]);
  }

  const points = input.points.map((p) => computePointProgress(p, targetsByPoint.get(p.id) ?? [], { year, asOf }));

  return {
    year,
    asOf,
    daysLeftInYear: daysLeftInPlanYear(year, asOf),
    targets,
    points,
    plan: rollupPlan(points),
    sections: rollupBySection(points),
    offices: rollupByOffice(points),
  };
}
