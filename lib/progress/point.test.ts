import { describe, expect, it } from "vitest";
import { calendarDate as d } from "./dates";
import { combineStatuses, computePointProgress, pickWorstTarget } from "./point";
import type { PointDef, ProgressStatus, TargetProgress } from "./types";

function point(overrides: Partial<PointDef> = {}): PointDef {
  return {
    id: 7,
    number: 7,
    title: "深入学习习近平法治思想",
    sectionId: 1,
    leadOfficeId: 1,
    supportOfficeIds: [],
    deadline: null,
    startDate: null,
    completedAt: null,
    approvedEntryCount: 0,
    ...overrides,
  };
}

function tp(targetId: number, status: ProgressStatus, rate: number, deadline = d(2025, 12, 31)): TargetProgress {
  return {
    targetId,
    actual: 0,
    rate,
    rawRate: rate,
    expected: 0,
    expectedDue: 0,
    expectedShare: 0.5,
    status,
    projected: 0,
    shortfall: 0,
    met: status === "DONE",
    deadline,
    daysLeft: 10,
    entryCount: 0,
  };
}

const ctx = (asOf: Date) => ({ year: 2025, asOf });

describe("combineStatuses", () => {
  it.each([
    [["DONE", "DONE"], "DONE"],
    [["NOT_STARTED", "NOT_STARTED"], "NOT_STARTED"],
    [["DONE", "NOT_STARTED"], "ON_TRACK"], // begun but not finished
    [["ON_TRACK", "NOT_STARTED"], "ON_TRACK"],
    [["ON_TRACK", "DONE"], "ON_TRACK"],
    [["DONE", "BEHIND", "ON_TRACK"], "BEHIND"],
    [["NOT_STARTED", "BEHIND"], "BEHIND"],
    [["BEHIND", "OVERDUE", "DONE"], "OVERDUE"],
    [["OVERDUE"], "OVERDUE"],
    [[], "NOT_STARTED"],
  ] as [ProgressStatus[], ProgressStatus][])("%j → %s", (statuses, expected) => {
    expect(combineStatuses(statuses)).toBe(expected);
  });
});

describe("pickWorstTarget", () => {
  it("prefers severity, then the lower rate, then the earlier deadline", () => {
    expect(pickWorstTarget([tp(1, "ON_TRACK", 0.1), tp(2, "BEHIND", 0.9), tp(3, "DONE", 1)])?.targetId).toBe(2);
    expect(pickWorstTarget([tp(1, "BEHIND", 0.5), tp(2, "BEHIND", 0.2)])?.targetId).toBe(2);
    expect(pickWorstTarget([tp(1, "BEHIND", 0.5, d(2025, 12, 31)), tp(2, "BEHIND", 0.5, d(2025, 6, 30))])?.targetId).toBe(2);
    expect(pickWorstTarget([])).toBeNull();
  });
});

describe("point with targets", () => {
  it("takes the worst status and the mean of capped rates", () => {
    const targets = [{ ...tp(1, "DONE", 1), rawRate: 1.25 }, tp(2, "BEHIND", 0.25)];
    const pp = computePointProgress(point(), targets, ctx(d(2025, 6, 30)));
    expect(pp).toMatchObject({ pointId: 7, status: "BEHIND", rate: 0.625, daysLeft: 184 });
    expect(pp.worstTarget?.targetId).toBe(2);
    expect(pp.targets.map((t) => t.targetId)).toEqual([1, 2]);
    expect(pp.deadline.toISOString()).toBe("2025-12-31T00:00:00.000Z");
  });

  it("ignores completedAt when targets decide", () => {
    const pp = computePointProgress(point({ completedAt: d(2025, 5, 1) }), [tp(1, "BEHIND", 0.5)], ctx(d(2025, 6, 30)));
    expect(pp.status).toBe("BEHIND");
    expect(pp.rate).toBe(0.5);
  });
});

describe("point without targets", () => {
  it.each([
    ["completed before asOf", { completedAt: d(2025, 5, 1) }, d(2025, 6, 30), "DONE", 1],
    ["completed on asOf", { completedAt: d(2025, 6, 30) }, d(2025, 6, 30), "DONE", 1],
    ["completed late but completed", { completedAt: d(2026, 1, 10), deadline: d(2025, 12, 31) }, d(2026, 2, 1), "DONE", 1],
    ["completion mark dated after asOf", { completedAt: d(2025, 7, 1) }, d(2025, 6, 30), "ON_TRACK", 0],
    ["deadline passed", { deadline: d(2025, 6, 30) }, d(2025, 7, 1), "OVERDUE", 0],
    ["on the deadline day", { deadline: d(2025, 6, 30) }, d(2025, 6, 30), "BEHIND", 0],
    ["15 days before the deadline", { deadline: d(2025, 6, 30) }, d(2025, 6, 15), "BEHIND", 0],
    ["16 days before the deadline", { deadline: d(2025, 6, 30) }, d(2025, 6, 14), "ON_TRACK", 0],
    ["year-end default deadline, 10 days left", {}, d(2025, 12, 21), "BEHIND", 0],
    ["under way, no entries", {}, d(2025, 3, 1), "ON_TRACK", 0],
    ["start in the future, no entries", { startDate: d(2025, 7, 1) }, d(2025, 6, 1), "NOT_STARTED", 0],
    ["start in the future, entries already", { startDate: d(2025, 7, 1), approvedEntryCount: 2 }, d(2025, 6, 1), "ON_TRACK", 0],
    ["deadline in the next year", { deadline: d(2026, 6, 30) }, d(2026, 1, 1), "ON_TRACK", 0],
  ] as const)("%s → %s", (_label, overrides, asOf, status, rate) => {
    const pp = computePointProgress(point(overrides), [], ctx(asOf));
    expect(pp.status).toBe(status);
    expect(pp.rate).toBe(rate);
    expect(pp.worstTarget).toBeNull();
    expect(pp.targets).toEqual([]);
  });

  it("reports the effective deadline and days left", () => {
    const pp = computePointProgress(point({ deadline: d(2025, 6, 30) }), [], ctx(d(2025, 6, 20)));
    expect(pp.deadline.toISOString()).toBe("2025-06-30T00:00:00.000Z");
    expect(pp.daysLeft).toBe(10);
  });
});
