/**
 * 未开始 and 滞后 for targets that grow in lumps (SUM) or are levels (PERCENT): nothing is
 * expected of them in the first days of a period (see dueShare and rateStatus in target.ts).
 */
import { describe, expect, it } from "vitest";
import { calendarDate as d } from "./dates";
import { computeTargetProgress, type TargetContext } from "./target";
import type { TargetAggregate, TargetDef } from "./types";

function target(overrides: Partial<TargetDef> = {}): TargetDef {
  return { id: 1, workPointId: 10, subject: "培训人数", comparator: ">=", value: 200, unit: "人次", kind: "SUM", deadline: null, ...overrides };
}

function agg(sum: number, entryCount = sum > 0 ? 1 : 0, extra: Partial<TargetAggregate> = {}): TargetAggregate {
  return { targetId: 1, sum, entryCount, latestValue: null, completed: false, firstDate: null, lastDate: null, ...extra };
}

function ctx(asOf: Date, extra: Partial<TargetContext> = {}): TargetContext {
  return { year: 2025, asOf, ...extra };
}

describe("SUM '培训人数不少于200人次' at the start of the period and month by month", () => {
  const sum = target({ kind: "SUM", value: 200, unit: "人次" });
  it.each([
    // label, asOf, sum, entries, status, expectedDue
    ["no entries on 1 January (0.55 人次 by the daily line)", d(2025, 1, 1), 0, 0, "NOT_STARTED", 0],
    ["no entries on 2 January", d(2025, 1, 2), 0, 0, "NOT_STARTED", 0],
    ["no entries on 31 January: nothing due in the first month", d(2025, 1, 31), 0, 0, "NOT_STARTED", 0],
    ["entries in January", d(2025, 1, 20), 30, 1, "ON_TRACK", 0],
    ["no entries on 1 February: January's share is due", d(2025, 2, 1), 0, 0, "BEHIND", 17], // 200 × 31/365 = 16.99
    ["17 人次 on 1 February", d(2025, 2, 1), 17, 1, "ON_TRACK", 17],
    ["16 人次 on 28 February", d(2025, 2, 28), 16, 1, "BEHIND", 17],
    ["83 人次 on 30 June", d(2025, 6, 30), 83, 2, "ON_TRACK", 83], // at 31 May: 82.7
    ["83 人次 on 1 July", d(2025, 7, 1), 83, 2, "BEHIND", 99], // at 30 June: 99.2
    ["190 人次 on 15 December (16 days left)", d(2025, 12, 15), 190, 4, "ON_TRACK", 183], // at 30 November: 183.0
  ] as const)("%s", (_label, asOf, total, entries, status, due) => {
    const tp = computeTargetProgress(sum, agg(total, entries), ctx(asOf));
    expect(tp.status).toBe(status);
    expect(tp.expectedDue).toBe(due);
  });

  it("a point starting on 15 July: nothing due in July, July's share from August on", () => {
    const extra = { pointStart: d(2025, 7, 15) };
    expect(computeTargetProgress(sum, undefined, ctx(d(2025, 7, 31), extra))).toMatchObject({ status: "NOT_STARTED", expectedDue: 0 });
    expect(computeTargetProgress(sum, undefined, ctx(d(2025, 8, 10), extra))).toMatchObject({ status: "BEHIND", expectedDue: 20 }); // 200 × 17/170
  });

  it("a leap year counts 366 days: due on 1 March 2024 is 200 × 60/366", () => {
    const tp = computeTargetProgress(sum, undefined, { year: 2024, asOf: d(2024, 3, 1) });
    expect(tp.expectedDue).toBe(33); // 32.79
    expect(tp.status).toBe("BEHIND");
  });

  it("amounts not counted in whole units are not rounded", () => {
    const money = target({ kind: "SUM", value: 10, unit: "万元" });
    const tp = computeTargetProgress(money, undefined, ctx(d(2025, 2, 1)));
    expect(tp.expectedDue).toBeCloseTo((10 * 31) / 365, 12);
    expect(computeTargetProgress(money, undefined, ctx(d(2025, 1, 15))).status).toBe("NOT_STARTED");
  });
});

describe("PERCENT target '办复率100%': a level, not paced", () => {
  const rate = target({ kind: "PERCENT", comparator: "=", value: 100, unit: "%" });
  const reading = (latestValue: number | null, entryCount = 1) => agg(0, entryCount, { latestValue, sum: 999 });
  it.each([
    // label, latest reading (null: none), asOf, status
    ["no reading on 1 January", null, d(2025, 1, 1), "NOT_STARTED"],
    ["no reading on 2 January", null, d(2025, 1, 2), "NOT_STARTED"],
    ["no reading on 1 July (182/365: under half the year)", null, d(2025, 7, 1), "NOT_STARTED"],
    ["no reading on 2 July: a first reading is due by mid-year", null, d(2025, 7, 2), "BEHIND"],
    ["a reading of 40 on 20 January", 40, d(2025, 1, 20), "BEHIND"],
    ["a reading of 60 on 30 June (on the old daily line: ahead of 49.6)", 60, d(2025, 6, 30), "BEHIND"],
    ["a reading of 100 on 2 January", 100, d(2025, 1, 2), "DONE"],
    ["a reading of 99 with 15 days left", 99, d(2025, 12, 16), "BEHIND"],
    ["no reading with 15 days left", null, d(2025, 12, 16), "BEHIND"],
    ["a reading of 95 after the deadline", 95, d(2026, 1, 1), "OVERDUE"],
  ] as const)("%s → %s", (_label, latest, asOf, status) => {
    const tp = computeTargetProgress(rate, latest === null ? reading(null, 0) : reading(latest), ctx(asOf));
    expect(tp.status).toBe(status);
    expect(tp.actual).toBe(latest ?? 0); // the latest reading, not the sum of readings
    expect(tp.projected).toBe(latest ?? 0); // a level is not extrapolated
    expect(tp.expected).toBe(100); // the level is expected all along, not 100 × elapsed share
  });

  it("before the point's own start, without readings, it has not started", () => {
    const tp = computeTargetProgress(rate, reading(null, 0), ctx(d(2025, 9, 1), { pointStart: d(2025, 10, 1) }));
    expect(tp.status).toBe("NOT_STARTED");
  });

  it("'不低于95%' is met by 96", () => {
    const tp = computeTargetProgress(target({ kind: "PERCENT", value: 95, unit: "%" }), reading(96), ctx(d(2025, 6, 30)));
    expect(tp.status).toBe("DONE");
    expect(tp.rawRate).toBeCloseTo(96 / 95, 12);
  });
});
