/** The completion engine: pure functions from plan rows and ledger aggregates to progress and lights. */

export * from "./types";
export {
  CHINA_UTC_OFFSET_MINUTES,
  calendarDate,
  calendarDayAt,
  dateFromDayIndex,
  dayIndex,
  daysInYear,
  daysLeftInPlanYear,
  daysLeftInYear,
  endOfPreviousMonthDay,
  formatChineseDate,
  formatMonthDay,
  yearEndDay,
  yearStartDay,
} from "./dates";
export { NEAR_DEADLINE_DAYS, elapsedShare, resolvePeriod, type PacingPeriod } from "./pacing";
export {
  actualOf,
  completionRate,
  computeTargetProgress,
  dueAt,
  effectiveValue,
  expectedAt,
  isWholeUnit,
  type TargetContext,
} from "./target";
export { describeProjection, formatQuantity, projectAtDeadline } from "./projection";
export { STATUS_SEVERITY, combineStatuses, computePointProgress, pickWorstTarget, type PointContext } from "./point";
export { emptyRollup, rollupBy, rollupByOffice, rollupBySection, rollupPlan } from "./rollup";
export { computePlanProgress, type PlanProgress, type PlanProgressInput } from "./plan";
export { lastDeadlineDay, resolveAsOf, type PlanDates } from "./asof";
