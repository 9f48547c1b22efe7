/**
 * Progress of one quantitative target (量化指标) against its ledger aggregate.
 */

import { dateFromDayIndex, dayIndex, endOfPreviousMonthDay } from "./dates";
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
 * 序时进度 value. Limits ("<=") are not paced: the whole limit applies all along. BOOLEAN work is
 * due in one piece, on the deadline. A PERCENT target is a level (办复率 100%), not a quantity that
 * piles up over the year, so it is not paced either: the level itself is what is expected.
 */
export function expectedAt(target: Pick<TargetDef, "kind" | "comparator" | "value">, share: number): number {
  const value = effectiveValue(target);
  if (target.comparator === "<=" || target.kind === "PERCENT") return value;
  if (target.kind === "BOOLEAN") return share >= 1 ? 1 : 0;
  return value * share;
}

/** Units of things counted whole (people, sessions, documents): a SUM in them is due in whole units. */
const WHOLE_UNITS = new Set(["人次", "人", "名", "位", "次", "期", "场", "场次", "份", "篇", "件", "个", "条", "项", "家", "部", "本", "批", "册"]);

export function isWholeUnit(unit: string): boolean {
  return WHOLE_UNITS.has(unit.trim());
}

/**
 * What the light demands by now, from the 序时进度 the light measures against (see dueShare).
 * COUNT targets, and SUM targets in whole units (人次, 篇 …), are rounded half-up to whole units:
 * otherwise "全年不少于4次" would turn yellow on 2 January (0.01 of a session due) and a one-off
 * "开展1次" would be yellow all year. Half-up keeps the domain rule "by 30 June half is expected"
 * (4 × 181/365 = 1.98 → 2). Other amounts (万元) are compared as they are.
 */
export function dueAt(target: Pick<TargetDef, "kind" | "comparator" | "unit">, expected: number): number {
  if (target.comparator === "<=") return expected;
  if (target.kind === "COUNT" || (target.kind === "SUM" && isWholeUnit(target.unit))) return Math.floor(expected + 0.5 + 1e-9);
  return expected;
}

/**
 * The elapsed share the light measures against. SUM targets (培训人数 ≥ 200 人次) grow in lumps:
 * one training brings dozens of person-times, then nothing for weeks. Paced day by day, 200 人次
 * would be 0.55 due on 1 January and 1.1 on 2 January, so a plan nobody could have worked on yet
 * would show 滞后 from the first days of the year, and again between any two sessions. A SUM is
 * therefore judged against the 序时进度 at the end of the last completed month, the same month-end
 * yardstick as the dashboard's monthly chart: nothing is due during the period's first month (no
 * entries then means 未开始), after that the amount due moves once a month. On and after the
 * deadline the whole target is due. COUNT keeps the daily share: its whole-activity rounding already
 * gives the lumps their slack (a quarterly activity is due from the middle of the quarter).
 */
function dueShare(target: Pick<TargetDef, "kind">, period: PacingPeriod, asOfDay: number, share: number): number {
  if (target.kind !== "SUM" || share >= 1) return share;
  return elapsedShare(period, endOfPreviousMonthDay(asOfDay));
}

interface StatusFacts {
  actual: number;
  value: number;
  due: number;
  asOfDay: number;
  period: PacingPeriod;
  share: number;
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
 * PERCENT targets ">=" / "=" (办复率 100%, 知晓率不低于90%): a rate is a level read off the latest
 * approved reading, not a quantity that piles up, so it is not paced. Pacing it would call a rate
 * behind on 1 January (100% × 1/365 due) before anyone could measure it, and call a 50% reply rate
 * "on track" at mid-year although half the proposals are unanswered. First rule that applies:
 * DONE (latest reading reaches the target) → OVERDUE → NOT_STARTED (start in the future, no
 * readings) → BEHIND (deadline at most 15 days away) → no reading yet: NOT_STARTED until half the
 * period has gone, BEHIND after (a first reading is due by mid-period, as a one-off COUNT activity
 * is) → a reading below the target: BEHIND (the level is short of what the plan requires).
 */
function rateStatus(f: StatusFacts): ProgressStatus {
  const daysLeft = f.period.deadlineDay - f.asOfDay;
  if (reaches(f.actual, f.value)) return "DONE";
  if (daysLeft < 0) return "OVERDUE";
  if (f.asOfDay < f.period.startDay && f.entryCount === 0) return "NOT_STARTED";
  if (daysLeft <= NEAR_DEADLINE_DAYS) return "BEHIND";
  if (f.entryCount === 0) return f.share < 0.5 ? "NOT_STARTED" : "BEHIND";
  return "BEHIND";
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

function statusOf(target: Pick<TargetDef, "kind" | "comparator">, facts: StatusFacts): ProgressStatus {
  if (target.comparator === "<=") return limitStatus(facts);
  return target.kind === "PERCENT" ? rateStatus(facts) : reachStatus(facts);
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
  const due = dueAt(target, expectedAt(target, dueShare(target, period, asOfDay, share)));
  const rawRate = completionRate(target.comparator, actual, value);

  const facts: StatusFacts = { actual, value, due, asOfDay, period, share, entryCount };
  const status = statusOf(target, facts);
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
