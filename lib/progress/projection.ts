/**
 * Year-end (deadline) projection: the pace so far, extrapolated linearly.
 */

import { dateFromDayIndex, dayIndex, formatChineseDate, formatMonthDay } from "./dates";
import { reaches, exceeds, round1 } from "./numbers";
import type { TargetDef, TargetKind, TargetProgress } from "./types";

/**
 * actual / elapsedShare: the value at the deadline if the pace so far continues. Exceptions:
 * - nothing has elapsed yet: there is no pace, so the projection is the actual;
 * - BOOLEAN: done or not done, nothing to extrapolate;
 * - PERCENT: a rate is a level, not a quantity that piles up, so it is not extrapolated either:
 *   the latest reading is what the deadline will see unless the work changes it;
 * - COUNT: whole activities, rounded down. At 2.7 sessions' pace the third session has not been
 *   held by the deadline, so "预计完成 2 次" is what the pace delivers (rounding up would promise a
 *   session that, at this pace, does not happen; for a "<=" limit it counts only the errors the
 *   pace actually reaches). A tiny tolerance keeps 4 × (1 − 1e-16) at 4.
 * Other amounts are rounded to 1 decimal.
 */
export function projectAtDeadline(kind: TargetKind, actual: number, elapsedShare: number): number {
  if (kind === "BOOLEAN" || kind === "PERCENT" || elapsedShare <= 0) return round1(actual);
  const linear = actual / elapsedShare;
  if (kind === "COUNT") return Math.floor(linear + 1e-9);
  return round1(linear);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(round1(n));
}

/** "3 次", "200 人次", "80.7%" */
export function formatQuantity(n: number, unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === "") return formatNumber(n);
  if (trimmed === "%" || trimmed === "％") return `${formatNumber(n)}%`;
  return `${formatNumber(n)} ${trimmed}`;
}

/** "年底" for 31 December of the current year, else "到6月30日" / "到2026年6月30日". */
function describeWhen(deadline: Date, daysLeft: number): string {
  const asOfYear = dateFromDayIndex(dayIndex(deadline) - daysLeft).getUTCFullYear();
  const sameYear = deadline.getUTCFullYear() === asOfYear;
  const isYearEnd = deadline.getUTCMonth() === 11 && deadline.getUTCDate() === 31;
  if (isYearEnd) return sameYear ? "年底" : `到${deadline.getUTCFullYear()}年底`;
  return `到${sameYear ? formatMonthDay(deadline) : formatChineseDate(deadline)}`;
}

/**
 * Warns when the pace so far will miss the target, e.g.
 * "按当前进度预计年底完成 3 次，低于目标 4 次" or, for a "<=" limit,
 * "按当前进度预计年底达到 4 次，超过上限 2 次".
 * Null when on course, already met, past the deadline (the result is final, not a
 * projection), before the period begins (no pace yet), and for BOOLEAN and PERCENT targets,
 * which are not extrapolated (their shortfall says where they stand instead).
 */
export function describeProjection(tp: TargetProgress, target: TargetDef): string | null {
  if (target.kind === "BOOLEAN" || tp.met || tp.daysLeft < 0 || tp.expectedShare <= 0) return null;
  if (target.kind === "PERCENT") return null;
  const when = describeWhen(tp.deadline, tp.daysLeft);
  const projected = formatQuantity(tp.projected, target.unit);
  const goal = formatQuantity(target.value, target.unit);
  if (target.comparator === "<=") {
    return exceeds(tp.projected, target.value) ? `按当前进度预计${when}达到 ${projected}，超过上限 ${goal}` : null;
  }
  if (reaches(tp.projected, target.value)) return null;
  return `按当前进度预计${when}完成 ${projected}，低于目标 ${goal}`;
}
