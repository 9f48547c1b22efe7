/** Tolerance for comparing sums of floating-point ledger quantities (0.1 + 0.2 must reach 0.3). */
const EPSILON = 1e-9;

export function reaches(actual: number, value: number): boolean {
  return actual >= value - EPSILON * Math.max(1, Math.abs(value));
}

export function exceeds(actual: number, limit: number): boolean {
  return actual > limit + EPSILON * Math.max(1, Math.abs(limit));
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Strips floating-point noise from sums (0.30000000000000004 → 0.3) without hiding real decimals. */
export function tidy(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((total, v) => total + v, 0) / values.length;
}
