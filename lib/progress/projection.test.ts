import { describe, expect, it } from "vitest";
import { calendarDate as d } from "./dates";
import { describeProjection, formatQuantity, projectAtDeadline } from "./projection";
import { computeTargetProgress, type TargetContext } from "./target";
import type { TargetAggregate, TargetDef } from "./types";

function target(overrides: Partial<TargetDef> = {}): TargetDef {
  return { id: 1, workPointId: 1, subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT", deadline: null, ...overrides };
}

function agg(sum: number, extra: Partial<TargetAggregate> = {}): TargetAggregate {
  return { targetId: 1, sum, entryCount: sum > 0 ? 1 : 0, latestValue: null, completed: false, firstDate: null, lastDate: null, ...extra };
}

function describeAt(t: TargetDef, a: TargetAggregate | undefined, asOf: Date, extra: Partial<TargetContext> = {}): string | null {
  return describeProjection(computeTargetProgress(t, a, { year: 2025, asOf, ...extra }), t);
}

describe("projectAtDeadline", () => {
  it.each([
    ["COUNT halfway", "COUNT", 2, 0.5, 4],
    ["COUNT at 30 June", "COUNT", 1, 181 / 365, 2],
    ["COUNT three quarters: 2.67 sessions' pace holds 2 whole sessions", "COUNT", 2, 273 / 365, 2],
    ["COUNT 3 sessions by 31 October: 3.6 → 3", "COUNT", 3, 304 / 365, 3],
    ["COUNT a pace of exactly 4 stays 4", "COUNT", 2, 0.5, 4],
    ["COUNT one session with 30% gone: 3.33 → 3", "COUNT", 1, 0.3, 3],
    ["SUM", "SUM", 70, 181 / 365, 141.2],
    ["nothing elapsed", "COUNT", 3, 0, 3],
    ["deadline reached", "SUM", 150, 1, 150],
    ["BOOLEAN is not extrapolated", "BOOLEAN", 0, 0.5, 0],
    ["PERCENT is a level: the reading, not extrapolated", "PERCENT", 40, 181 / 365, 40],
    ["PERCENT reading kept as is", "PERCENT", 87.5, 0.5, 87.5],
  ] as const)("%s", (_label, kind, actual, share, expected) => {
    expect(projectAtDeadline(kind, actual, share)).toBe(expected);
  });
});

describe("formatQuantity", () => {
  it.each([
    [3, "次", "3 次"],
    [2.7, "次", "2.7 次"],
    [141.16, "人次", "141.2 人次"],
    [80.7, "%", "80.7%"],
    [100, "％", "100%"],
    [5, "", "5"],
  ] as const)("%d %s → %s", (n, unit, text) => {
    expect(formatQuantity(n, unit)).toBe(text);
  });
});

describe("describeProjection", () => {
  it.each([
    ["one session by 30 June", target(), agg(1), d(2025, 6, 30), {}, "按当前进度预计年底完成 2 次，低于目标 4 次"],
    ["two sessions by 30 September (2.67 → 2)", target(), agg(2), d(2025, 9, 30), {}, "按当前进度预计年底完成 2 次，低于目标 4 次"],
    ["three sessions by 31 October (3.6 → 3)", target(), agg(3), d(2025, 10, 31), {}, "按当前进度预计年底完成 3 次，低于目标 4 次"],
    ["no sessions by 30 June", target(), undefined, d(2025, 6, 30), {}, "按当前进度预计年底完成 0 次，低于目标 4 次"],
    [
      "人次 by 30 June",
      target({ kind: "SUM", value: 200, unit: "人次" }),
      agg(70),
      d(2025, 6, 30),
      {},
      "按当前进度预计年底完成 141.2 人次，低于目标 200 人次",
    ],
    [
      "a limit heading over",
      target({ comparator: "<=", value: 2, subject: "差错" }),
      agg(2),
      d(2025, 6, 30),
      {},
      "按当前进度预计年底达到 4 次，超过上限 2 次",
    ],
    [
      "a 30 June deadline",
      target({ value: 2 }),
      agg(0),
      d(2025, 3, 31),
      { pointDeadline: d(2025, 6, 30) },
      "按当前进度预计到6月30日完成 0 次，低于目标 2 次",
    ],
    [
      "a deadline in the next year",
      target({ value: 6 }),
      agg(3),
      d(2025, 12, 31),
      { pointDeadline: d(2026, 6, 30) },
      "按当前进度预计到2026年6月30日完成 4 次，低于目标 6 次", // 3 / (365/546) = 4.49
    ],
    [
      "a deadline at the end of the next year",
      target({ value: 8 }),
      agg(2),
      d(2025, 12, 31),
      { pointDeadline: d(2026, 12, 31) },
      "按当前进度预计到2026年底完成 4 次，低于目标 8 次",
    ],
  ] as const)("%s", (_label, t, a, asOf, extra, text) => {
    expect(describeAt(t, a, asOf, extra)).toBe(text);
  });

  it.each([
    ["on course", target(), agg(2), d(2025, 6, 30), {}],
    ["already met", target(), agg(4), d(2025, 3, 1), {}],
    ["past the deadline (final, not a projection)", target(), agg(1), d(2026, 1, 2), {}],
    ["before the period begins", target(), undefined, d(2025, 6, 1), { pointStart: d(2025, 7, 1) }],
    ["BOOLEAN", target({ kind: "BOOLEAN", value: 1, unit: "项" }), agg(0), d(2025, 12, 20), {}],
    ["a limit well within", target({ comparator: "<=", value: 2 }), agg(0), d(2025, 6, 30), {}],
    ["a rate (a level, not extrapolated; the shortfall says where it stands)", target({ kind: "PERCENT", comparator: "=", value: 100, unit: "%" }), agg(0, { latestValue: 40, entryCount: 1 }), d(2025, 6, 30), {}],
  ] as const)("null when %s", (_label, t, a, asOf, extra) => {
    expect(describeAt(t, a, asOf, extra)).toBeNull();
  });
});
