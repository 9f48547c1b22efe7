import { describe, expect, it } from "vitest";
import { calendarDate as d } from "./dates";
import { completionRate, computeTargetProgress, type TargetContext } from "./target";
import type { Comparator, TargetAggregate, TargetDef, TargetKind } from "./types";

function target(overrides: Partial<TargetDef> = {}): TargetDef {
  return {
    id: 1,
    workPointId: 10,
    subject: "专题学习",
    comparator: ">=",
    value: 4,
    unit: "次",
    kind: "COUNT",
    deadline: null,
    ...overrides,
  };
}

function agg(sum: number, entryCount = sum > 0 ? 1 : 0, extra: Partial<TargetAggregate> = {}): TargetAggregate {
  return { targetId: 1, sum, entryCount, latestValue: null, completed: false, firstDate: null, lastDate: null, ...extra };
}

function ctx(asOf: Date, extra: Partial<TargetContext> = {}): TargetContext {
  return { year: 2025, asOf, ...extra };
}

describe("COUNT target '不少于4次' in 2025", () => {
  it.each([
    // asOf, sum, entries, status, expectedDue
    ["no entries on 10 January: nothing due yet", d(2025, 1, 10), 0, 0, "NOT_STARTED", 0],
    ["no entries on 1 March: one session due", d(2025, 3, 1), 0, 0, "BEHIND", 1],
    ["one session on 1 March", d(2025, 3, 1), 1, 1, "ON_TRACK", 1],
    ["one session on 30 June: half is due", d(2025, 6, 30), 1, 1, "BEHIND", 2],
    ["two sessions on 30 June", d(2025, 6, 30), 2, 2, "ON_TRACK", 2],
    ["three sessions on 30 September", d(2025, 9, 30), 3, 3, "ON_TRACK", 3],
    ["three sessions 16 days before the deadline", d(2025, 12, 15), 3, 3, "BEHIND", 4],
    ["four sessions in May", d(2025, 5, 1), 4, 4, "DONE", 1],
    ["five sessions", d(2025, 6, 30), 5, 5, "DONE", 2],
    ["three sessions on the deadline day", d(2025, 12, 31), 3, 3, "BEHIND", 4],
    ["three sessions after the deadline", d(2026, 1, 1), 3, 3, "OVERDUE", 4],
    ["four sessions after the deadline", d(2026, 1, 5), 4, 4, "DONE", 4],
  ] as const)("%s", (_label, asOf, sum, entries, status, due) => {
    const tp = computeTargetProgress(target(), agg(sum, entries), ctx(asOf));
    expect(tp.status).toBe(status);
    expect(tp.expectedDue).toBe(due);
    expect(tp.met).toBe(status === "DONE");
  });

  it("reports the figures on 30 June with one session", () => {
    const tp = computeTargetProgress(target(), agg(1), ctx(d(2025, 6, 30)));
    expect(tp).toMatchObject({
      targetId: 1,
      actual: 1,
      rate: 0.25,
      rawRate: 0.25,
      expectedDue: 2,
      shortfall: 3,
      projected: 2, // 1 / (181/365) = 2.017
      daysLeft: 184,
      entryCount: 1,
    });
    expect(tp.expected).toBeCloseTo((4 * 181) / 365, 12);
    expect(tp.expectedShare).toBeCloseTo(181 / 365, 12);
    expect(tp.deadline.toISOString()).toBe("2025-12-31T00:00:00.000Z");
  });

  it("caps the rate but keeps the raw rate for 超额完成", () => {
    const tp = computeTargetProgress(target(), agg(5, 5), ctx(d(2025, 6, 30)));
    expect(tp.rate).toBe(1);
    expect(tp.rawRate).toBe(1.25);
    expect(tp.shortfall).toBe(0);
    expect(tp.projected).toBe(10); // 5 / (181/365) = 10.08: ten whole sessions
  });

  it("treats a missing aggregate as no entries", () => {
    const tp = computeTargetProgress(target(), undefined, ctx(d(2025, 6, 30)));
    expect(tp).toMatchObject({ actual: 0, rate: 0, status: "BEHIND", projected: 0, shortfall: 4, entryCount: 0 });
  });

  it("a one-off activity (value 1) stays grey until half the year is gone", () => {
    const once = target({ value: 1 });
    expect(computeTargetProgress(once, undefined, ctx(d(2025, 7, 1))).status).toBe("NOT_STARTED"); // 182/365 < 0.5
    expect(computeTargetProgress(once, undefined, ctx(d(2025, 7, 2))).status).toBe("BEHIND"); // 183/365 ≥ 0.5
  });
});

describe("near-deadline warning (SUM '培训人数不少于200人次')", () => {
  const sum = target({ kind: "SUM", value: 200, unit: "人次" });
  it.each([
    [d(2025, 12, 15), 16, "ON_TRACK"],
    [d(2025, 12, 16), 15, "BEHIND"],
    [d(2025, 12, 31), 0, "BEHIND"],
    [d(2026, 1, 1), -1, "OVERDUE"],
  ] as const)("199 人次 on %s (%i days left) → %s", (asOf, daysLeft, status) => {
    const tp = computeTargetProgress(sum, agg(199, 5), ctx(asOf));
    expect(tp.daysLeft).toBe(daysLeft);
    expect(tp.status).toBe(status);
  });

  it("SUM is judged against the 序时进度 at the end of the last month, in whole 人次", () => {
    const tp = computeTargetProgress(sum, agg(82, 2), ctx(d(2025, 6, 30)));
    expect(tp.expected).toBeCloseTo((200 * 181) / 365, 9); // 序时进度 today: 99.18
    expect(tp.expectedDue).toBe(83); // at 31 May: 200 × 151/365 = 82.7 → 83
    expect(tp.status).toBe("BEHIND");
    expect(computeTargetProgress(sum, agg(83, 2), ctx(d(2025, 6, 30))).status).toBe("ON_TRACK");
  });

  it("floating-point sums still reach the target", () => {
    const small = target({ kind: "SUM", value: 0.3, unit: "万元" });
    const tp = computeTargetProgress(small, agg(0.1 + 0.2, 2), ctx(d(2025, 6, 30)));
    expect(tp.status).toBe("DONE");
    expect(tp.actual).toBe(0.3);
    expect(tp.shortfall).toBe(0);
  });
});

describe("start dates and deadlines", () => {
  it.each([
    ["before the point's own start, no entries", { pointStart: d(2025, 7, 1) }, d(2025, 6, 30), 0, "NOT_STARTED", 0],
    ["before the start with an early entry", { pointStart: d(2025, 7, 1) }, d(2025, 6, 30), 1, "ON_TRACK", 0],
    ["halfway through a July–December period", { pointStart: d(2025, 7, 1) }, d(2025, 9, 30), 2, "ON_TRACK", 0.5],
    ["halfway, one short", { pointStart: d(2025, 7, 1) }, d(2025, 9, 30), 1, "BEHIND", 0.5],
    ["point deadline 30 June used", { pointDeadline: d(2025, 6, 30) }, d(2025, 3, 31), 2, "ON_TRACK", 90 / 181],
    ["point deadline 30 June passed", { pointDeadline: d(2025, 6, 30) }, d(2025, 7, 1), 3, "OVERDUE", 1],
    ["deadline in the next year", { pointDeadline: d(2026, 6, 30) }, d(2025, 12, 31), 3, "ON_TRACK", 365 / 546],
    ["deadline in the next year, not overdue at year end", { pointDeadline: d(2026, 6, 30) }, d(2026, 1, 1), 3, "ON_TRACK", 366 / 546],
  ] as const)("%s", (_label, extra, asOf, sum, status, share) => {
    const tp = computeTargetProgress(target(), agg(sum), ctx(asOf, extra));
    expect(tp.status).toBe(status);
    expect(tp.expectedShare).toBeCloseTo(share, 12);
    expect(tp.expected).toBeCloseTo(4 * share, 12);
  });

  it("the target's own deadline wins over the point's", () => {
    const tp = computeTargetProgress(target({ deadline: d(2025, 6, 30) }), agg(1), ctx(d(2025, 3, 31), { pointDeadline: d(2025, 9, 30) }));
    expect(tp.deadline.toISOString()).toBe("2025-06-30T00:00:00.000Z");
    expect(tp.expectedShare).toBeCloseTo(90 / 181, 12);
    expect(tp.daysLeft).toBe(91);
  });

  it("a deadline before the start is treated as the start", () => {
    const t = target({ deadline: d(2025, 3, 31) });
    const extra = { pointStart: d(2025, 5, 1) };
    const before = computeTargetProgress(t, undefined, ctx(d(2025, 4, 30), extra));
    const on = computeTargetProgress(t, undefined, ctx(d(2025, 5, 1), extra));
    const after = computeTargetProgress(t, undefined, ctx(d(2025, 5, 2), extra));
    expect([before.status, on.status, after.status]).toEqual(["NOT_STARTED", "BEHIND", "OVERDUE"]);
    expect([before.expected, on.expected]).toEqual([0, 4]);
    expect(on.deadline.toISOString()).toBe("2025-05-01T00:00:00.000Z");
  });

  it("a 2024 plan uses 366 days", () => {
    const tp = computeTargetProgress(target({ value: 366 }), agg(60, 10), { year: 2024, asOf: d(2024, 2, 29) });
    expect(tp.expected).toBeCloseTo(60, 9);
    expect(tp.status).toBe("ON_TRACK");
    const end = computeTargetProgress(target({ value: 366 }), agg(300, 10), { year: 2024, asOf: d(2024, 12, 31) });
    expect(end.expectedShare).toBe(1);
    expect(end.expected).toBe(366);
  });
});

describe("'<=' limit '差错不超过2次'", () => {
  const limit = target({ comparator: "<=", value: 2, subject: "差错" });
  it.each([
    // asOf, sum, entries, status, rate, shortfall
    ["no errors mid-year", d(2025, 6, 30), 0, 0, "ON_TRACK", 1, 0],
    ["one error mid-year", d(2025, 6, 30), 1, 1, "ON_TRACK", 1, 0],
    ["at the limit mid-year", d(2025, 6, 30), 2, 2, "ON_TRACK", 1, 0],
    ["over the limit mid-year", d(2025, 6, 30), 3, 3, "BEHIND", 2 / 3, 1],
    ["over the limit on the deadline day", d(2025, 12, 31), 4, 4, "BEHIND", 0.5, 2],
    ["within the limit near the deadline: no warning", d(2025, 12, 20), 2, 2, "ON_TRACK", 1, 0],
    ["within the limit after the deadline", d(2026, 1, 1), 2, 2, "DONE", 1, 0],
    ["over the limit after the deadline", d(2026, 1, 1), 3, 3, "OVERDUE", 2 / 3, 1],
    ["no entries early in the year", d(2025, 3, 1), 0, 0, "ON_TRACK", 1, 0],
  ] as const)("%s → %s", (_label, asOf, sum, entries, status, rate, shortfall) => {
    const tp = computeTargetProgress(limit, agg(sum, entries), ctx(asOf));
    expect(tp.status).toBe(status);
    expect(tp.rate).toBeCloseTo(rate, 12);
    expect(tp.shortfall).toBe(shortfall);
    expect(tp.expected).toBe(2); // limits are not paced
    expect(tp.met).toBe(status === "DONE");
  });

  it("is NOT_STARTED before the point's own start", () => {
    const tp = computeTargetProgress(limit, undefined, ctx(d(2025, 3, 1), { pointStart: d(2025, 4, 1) }));
    expect(tp.status).toBe("NOT_STARTED");
  });

  it("a zero limit exceeded has rate 0", () => {
    const tp = computeTargetProgress(target({ comparator: "<=", value: 0 }), agg(1), ctx(d(2025, 6, 30)));
    expect(tp).toMatchObject({ rate: 0, rawRate: 0, status: "BEHIND", shortfall: 1 });
  });
});

describe("BOOLEAN target '完成制度修订'", () => {
  // The parser may store any value; a BOOLEAN target is always "1".
  const done = target({ kind: "BOOLEAN", comparator: "=", value: 0, unit: "项" });
  const entries = (entryCount: number, completed: boolean) => agg(0, entryCount, { completed });
  it.each([
    ["no entries mid-year", d(2025, 6, 30), 0, false, "NOT_STARTED", 0],
    ["work under way mid-year", d(2025, 6, 30), 2, false, "ON_TRACK", 0],
    ["completed mid-year", d(2025, 6, 30), 3, true, "DONE", 0],
    ["16 days left, no entries", d(2025, 12, 15), 0, false, "NOT_STARTED", 0],
    ["15 days left, not completed", d(2025, 12, 16), 2, false, "BEHIND", 0],
    ["on the deadline, not completed", d(2025, 12, 31), 2, false, "BEHIND", 1],
    ["after the deadline, not completed", d(2026, 1, 1), 2, false, "OVERDUE", 1],
    ["after the deadline, completed", d(2026, 1, 1), 3, true, "DONE", 1],
  ] as const)("%s → %s", (_label, asOf, entryCount, completed, status, expected) => {
    const tp = computeTargetProgress(done, entries(entryCount, completed), ctx(asOf));
    expect(tp.status).toBe(status);
    expect(tp.expected).toBe(expected);
    expect(tp.actual).toBe(completed ? 1 : 0);
    expect(tp.rate).toBe(completed ? 1 : 0);
    expect(tp.projected).toBe(completed ? 1 : 0); // nothing to extrapolate
    expect(tp.shortfall).toBe(completed ? 0 : 1);
  });
});

describe("completionRate", () => {
  it.each([
    [">=", 2, 4, 0.5],
    [">=", 6, 4, 1.5],
    [">=", 0, 0, 1],
    [">=", 3, 0, 1],
    ["=", 100, 100, 1],
    ["=", 80, 100, 0.8],
    ["<=", 0, 2, 1],
    ["<=", 2, 2, 1],
    ["<=", 3, 2, 2 / 3],
    ["<=", 8, 2, 0.25],
    ["<=", 1, 0, 0],
  ] as [Comparator, number, number, number][])("%s: actual %d, value %d → %d", (comparator, actual, value, expected) => {
    expect(completionRate(comparator, actual, value)).toBeCloseTo(expected, 12);
  });
});

describe("kinds read the right aggregate field", () => {
  it.each([
    ["COUNT", 7],
    ["SUM", 7],
    ["PERCENT", 55],
    ["BOOLEAN", 1],
  ] as [TargetKind, number][])("%s", (kind, actual) => {
    const tp = computeTargetProgress(target({ kind, value: 100 }), agg(7, 3, { latestValue: 55, completed: true }), ctx(d(2025, 6, 30)));
    expect(tp.actual).toBe(actual);
  });
});
