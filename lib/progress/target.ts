/**
 * Progress of one quantitative target (量化指标) against its ledger aggregate.
 */

import { dateFromDayIndex, dayIndex } from "./dates";
import { clamp01, exceeds, reaches, tidy } from "./numbers";
import { NEAR_DEADLINE_DAYS, elapsedShare, resolvePeriod, type PacingPeriod } from "./pacing";
import { projectAtDeadline } from "./projection";
import type { Comparator, ProgressStatus, TargetAggregate, TargetDef, TargetKind, TargetProgress } from "./types";

export interface TargetContext {
  /** The plan year: the default period is 1 January – 31 December of it. */
  year: number;
  /** The calendar day progress is measured on (UTC midnight; see calendarDayAt). */
  asOf: Date;
  /** The work point's own start date, when it starts later than 1 January. */
  pointStart?: Date | null;
  /** The work point's deadline, used when the target has none of its own. */
  pointDeadline?: Date | null;
}

/** BOOLEAN targets ("完成…修订") are done or not: their value is 1 whatever the parser stored. */
export function effectiveValue(target: Pick<TargetDef, "kind" | "value">): number {
  return target.kind === "BOOLEAN" ? 1 : target.value;
}

export function actualOf(kind: TargetKind, aggregate: TargetAggregate | undefined): number {
  if (!aggregate) return 0;
  switch (kind) {
    case "COUNT":
    case "SUM":
      return tidy(aggregate.sum);
    case "PERCENT":
      // A rate is a reading, not a quantity to add up: the latest approved one stands.
      return aggregate.latestValue ?? 0;
    case "BOOLEAN":
      return aggregate.completed ? 1 : 0;
  }
}

/**
 * Uncapped completion rate.
 * - ">=" and "=": actual / value; a zero target is trivially complete (1). "=" is read as
 *   达到 (reach), so exceeding it also counts: 办复率 100% is met by a reading of 100.
 * - "<=" (a limit such as 差错不超过2次): 1 while actual ≤ value, else value / actual, so the
 *   rate falls the further the limit is exceeded (3 errors against 2 → 0.667).
 */
export function completionRate(comparator: Comparator, actual: number, value: number): number {
  if (comparator === "<=") return exceeds(actual, value) ? value / actual : 1;
  if (value <= 0) return 1;
  if (reaches(actual, value)) return Math.max(1, actual / value);
  return actual / value;
}

/**
 * 序时进度 value. Limits ("<=") are not paced: the whole limit applies all along.
 * BOOLEAN work is due in one piece, on the deadline.
 */
export function expectedAt(target: Pick<TargetDef, "kind" | "comparator" | "value">, share: number): number {
  const value = effectiveValue(target);
  if (target.comparator === "<=") return value;
  if (target.kind === "BOOLEAN") return share >= 1 ? 1 : 0;
  return value * share;
}

/**
 * What the light demands by now. For COUNT targets the 序时进度 is rounded half-up to whole
 * activities: otherwise "全年不少于4次" would turn yellow on 2 January (0.01 of a session due)
 * and a one-off "开展1次" would be yellow all year. Half-up keeps the domain rule "by 30 June
 * half is expected" (4 × 181/365 = 1.98 → 2).
 */
export function dueAt(kind: TargetKind, comparator: Comparator, expected: number): number {
  if (kind === "COUNT" && comparator !== "<=") return Math.floor(expected + 0.5 + 1e-9);
  return expected;
}

interface StatusFacts {
  actual: number;
  value: number;
  due: number;
  asOfDay: number;
  period: PacingPeriod;
  entryCount: number;
}

/**
 * ">=" / "=" targets, first rule that applies:
 * DONE (met) → OVERDUE (deadline day passed) → NOT_STARTED (start in the future, no entries)
 * → BEHIND (deadline at most 15 days away, or actual below what is due)
 * → NOT_STARTED (no entries and nothing due yet) → ON_TRACK.
 */
function reachStatus(f: StatusFacts): ProgressStatus {
  const daysLeft = f.period.deadlineDay - f.asOfDay;
  if (reaches(f.actual, f.value)) return "DONE";
  if (daysLeft < 0) return "OVERDUE";
  if (f.asOfDay < f.period.startDay && f.entryCount === 0) return "NOT_STARTED";
  if (daysLeft <= NEAR_DEADLINE_DAYS) return "BEHIND";
  if (!reaches(f.actual, f.due)) return "BEHIND";
  if (f.entryCount === 0 && f.due <= 0) return "NOT_STARTED";
  return "ON_TRACK";
}

/**
 * "<=" limits: once exceeded the target is missed for good, shown BEHIND until the deadline
 * and OVERDUE after it. Within the limit it is ON_TRACK until the deadline has passed, then
 * DONE. Not paced, so no near-deadline warning.
 */
function limitStatus(f: StatusFacts): ProgressStatus {
  const daysLeft = f.period.deadlineDay - f.asOfDay;
  if (exceeds(f.actual, f.value)) return daysLeft < 0 ? "OVERDUE" : "BEHIND";
  if (daysLeft < 0) return "DONE";
  if (f.asOfDay < f.period.startDay && f.entryCount === 0) return "NOT_STARTED";
  return "ON_TRACK";
}

export function computeTargetProgress(
  target: TargetDef,
  aggregate: TargetAggregate | undefined,
  ctx: TargetContext,
): TargetProgress {
  const asOfDay = dayIndex(ctx.asOf);
  const period = resolvePeriod(ctx.year, ctx.pointStart, target.deadline ?? ctx.pointDeadline);
  const share = elapsedShare(period, asOfDay);
  const value = effectiveValue(target);
  const actual = actualOf(target.kind, aggregate);
  const entryCount = aggregate?.entryCount ?? 0;
  const expected = expectedAt(target, share);
  const due = dueAt(target.kind, target.comparator, expected);
  const rawRate = completionRate(target.comparator, actual, value);

  const facts: StatusFacts = { actual, value, due, asOfDay, period, entryCount };
  const status = target.comparator === "<=" ? limitStatus(facts) : reachStatus(facts);
  const shortfall = target.comparator === "<=" ? Math.max(0, actual - value) : Math.max(0, value - actual);

  return {
    targetId: target.id,
    actual,
    rate: clamp01(rawRate),
    rawRate,
    expected,
    expectedDue: due,
    expectedShare: share,
    status,
    projected: projectAtDeadline(target.kind, actual, share),
    shortfall: tidy(shortfall),
    met: status === "DONE",
    deadline: dateFromDayIndex(period.deadlineDay),
    daysLeft: period.deadlineDay - asOfDay,
    entryCount,
  };
}
