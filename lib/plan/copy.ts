/**
 * Pure rules for copying a plan to the next year: shifting dates and deciding which work
 * points are carried over (结转) because they were not completed in the source year.
 * No Prisma, no Next: runs the same in the browser, on the server and in tests.
 */

export type Comparator = ">=" | "<=" | "=";
export type TargetKind = "COUNT" | "SUM" | "PERCENT" | "BOOLEAN";

function lastDayOfMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The same calendar day `years` later (UTC). A day that does not exist in the target year
 * (29 February) becomes the month's last day (28 February). The time of day is kept.
 */
export function shiftYears(date: Date, years = 1): Date {
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const day = Math.min(date.getUTCDate(), lastDayOfMonth(year, month));
  return new Date(Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

export function shiftNullable(date: Date | null, years = 1): Date | null {
  return date ? shiftYears(date, years) : null;
}

/** Shifts an ISO day ("2025-02-29" is not valid, "2024-02-29" → "2025-02-28"); "" stays "". */
export function shiftIsoDay(iso: string, years: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return shiftYears(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), years).toISOString().slice(0, 10);
}

/**
 * Rewrites the year inside plan wording: "2025年" / "2025 年" → "2026年", a bare "2025" in a
 * title → "2026". Only whole four-digit numbers equal to `from` are touched.
 */
export function replaceYear(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(?<!\\d)${from}(?!\\d)`, "g"), String(to));
}

/** One approved, non-deleted, non-协办 ledger quantity of a target. */
export interface QuantityFact {
  value: number;
  completes: boolean;
  /** Date of the entry, for PERCENT readings (the latest one stands). */
  date: Date;
}

export interface TargetFact {
  comparator: Comparator;
  kind: TargetKind;
  value: number;
  quantities: QuantityFact[];
}

/** What the approved ledger achieved for one target. */
export function achieved(target: Pick<TargetFact, "kind" | "quantities">): number {
  const q = target.quantities;
  switch (target.kind) {
    case "BOOLEAN":
      return q.some((x) => x.completes || x.value >= 1) ? 1 : 0;
    case "PERCENT": {
      if (q.length === 0) return 0;
      return [...q].sort((a, b) => a.date.getTime() - b.date.getTime())[q.length - 1].value;
    }
    default:
      return Math.round(q.reduce((sum, x) => sum + x.value, 0) * 1e6) / 1e6;
  }
}

/**
 * Whether the target was met. ">=" and "=" read as 达到 (reaching the value, exceeding it
 * too); "<=" is a limit that holds while the achieved value stays within it. BOOLEAN targets
 * are met by one entry marking them complete.
 */
export function targetMet(target: TargetFact): boolean {
  const actual = achieved(target);
  if (target.kind === "BOOLEAN") return actual >= 1;
  if (target.comparator === "<=") return actual <= target.value + 1e-9;
  return actual + 1e-9 >= target.value;
}

export interface PointFact {
  completedAt: Date | null;
  targets: TargetFact[];
}

/**
 * THE rule for "was this work point left unfinished at year end", used both by the plan copier
 * (marks the next year's point 上年结转) and by the annual report (part 四 from carried-over
 * points), so the two never disagree:
 *
 * - an explicit completion mark (completedAt) closes the point, whatever its targets say;
 * - otherwise a point with quantitative targets is unfinished when any target is not met;
 * - otherwise a point without targets is unfinished: nothing but the mark can show it was done
 *   (the completion engine's rule for target-less points is the same: DONE only by the mark).
 *
 * `targetsMet` holds one flag per quantitative target, however the caller evaluated it
 * (`targetMet` below from ledger quantities, or the completion engine's `met`).
 */
export function unfinishedAtYearEnd(point: { completedAt: Date | null; targetsMet: readonly boolean[] }): boolean {
  if (point.completedAt) return false;
  if (point.targetsMet.length === 0) return true;
  return point.targetsMet.some((met) => !met);
}

/** Whether the copied point is marked carried over (结转): `unfinishedAtYearEnd` on the ledger's figures. */
export function carriedOver(point: PointFact): boolean {
  return unfinishedAtYearEnd({ completedAt: point.completedAt, targetsMet: point.targets.map(targetMet) });
}
