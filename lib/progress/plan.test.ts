import { describe, expect, it } from "vitest";
import { calendarDate as d } from "./dates";
import { computePlanProgress } from "./plan";
import type { PointDef, TargetAggregate, TargetDef } from "./types";

function point(id: number, overrides: Partial<PointDef> = {}): PointDef {
  return {
    id,
    number: id,
    title: `要点${id}`,
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

function target(id: number, workPointId: number, overrides: Partial<TargetDef> = {}): TargetDef {
  return { id, workPointId, subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT", deadline: null, ...overrides };
}

function agg(targetId: number, sum: number, extra: Partial<TargetAggregate> = {}): TargetAggregate {
  return { targetId, sum, entryCount: sum, latestValue: null, completed: false, firstDate: null, lastDate: null, ...extra };
}

// A 2025 plan seen on 30 June (share 181/365).
const input = {
  year: 2025,
  asOf: d(2025, 6, 30),
  points: [
    // 1: two targets, one done, one behind → BEHIND, rate (1 + 0.25) / 2
    point(1, { sectionId: 1, leadOfficeId: 1, supportOfficeIds: [2] }),
    // 2: one target on pace → ON_TRACK, rate 0.5
    point(2, { sectionId: 1, leadOfficeId: 2 }),
    // 3: no targets, completed → DONE, rate 1
    point(3, { sectionId: 2, leadOfficeId: 2, supportOfficeIds: [1], completedAt: d(2025, 4, 1) }),
    // 4: no targets, deadline passed → OVERDUE, rate 0
    point(4, { sectionId: 2, leadOfficeId: 3, deadline: d(2025, 5, 31) }),
    // 5: starts in July, target without entries → NOT_STARTED
    point(5, { sectionId: 3, leadOfficeId: 3, startDate: d(2025, 7, 1) }),
  ],
  targets: [
    target(11, 1),
    target(12, 1, { kind: "SUM", value: 200, unit: "人次" }),
    target(21, 2, { value: 2 }),
    target(51, 5),
    target(99, 404), // a point not in this plan: ignored
  ],
  aggregates: [agg(11, 4), agg(12, 50, { entryCount: 1 }), agg(21, 1), agg(77, 100)],
};

describe("computePlanProgress", () => {
  const result = computePlanProgress(input);

  it("computes every target of known points", () => {
    expect([...result.targets.keys()]).toEqual([11, 12, 21, 51]);
    expect(result.targets.get(11)).toMatchObject({ status: "DONE", actual: 4, rate: 1 });
    expect(result.targets.get(12)).toMatchObject({ status: "BEHIND", actual: 50, rate: 0.25, shortfall: 150 });
    expect(result.targets.get(21)).toMatchObject({ status: "ON_TRACK", actual: 1, rate: 0.5, expectedDue: 1 });
    expect(result.targets.get(51)).toMatchObject({ status: "NOT_STARTED", expectedShare: 0 });
  });

  it.each([
    [1, "BEHIND", 0.625, 12],
    [2, "ON_TRACK", 0.5, 21],
    [3, "DONE", 1, null],
    [4, "OVERDUE", 0, null],
    [5, "NOT_STARTED", 0, 51],
  ] as const)("point %i → %s", (pointId, status, rate, worstTargetId) => {
    const p = result.points.find((x) => x.pointId === pointId);
    expect(p?.status).toBe(status);
    expect(p?.rate).toBe(rate);
    expect(p?.worstTarget?.targetId ?? null).toBe(worstTargetId);
  });

  it("keeps the points in input order", () => {
    expect(result.points.map((p) => p.pointId)).toEqual([1, 2, 3, 4, 5]);
  });

  it("rolls up the plan", () => {
    expect(result.plan).toEqual({
      pointCount: 5,
      byStatus: { DONE: 1, ON_TRACK: 1, BEHIND: 1, OVERDUE: 1, NOT_STARTED: 1 },
      rate: 0.425, // (0.625 + 0.5 + 1 + 0 + 0) / 5
      targetsMet: 1,
      targetCount: 4,
    });
    expect(result.daysLeftInYear).toBe(184);
  });

  it("rolls up sections", () => {
    expect(result.sections.get(1)).toMatchObject({ pointCount: 2, rate: 0.5625, targetsMet: 1, targetCount: 3 });
    expect(result.sections.get(2)).toMatchObject({ pointCount: 2, rate: 0.5, byStatus: { DONE: 1, OVERDUE: 1 } });
    expect(result.sections.get(3)).toMatchObject({ pointCount: 1, rate: 0, byStatus: { NOT_STARTED: 1 } });
  });

  it("rolls up offices, lead and cooperating apart", () => {
    const rows = Object.fromEntries(result.offices.map((o) => [o.officeId, [o.lead.pointCount, o.lead.rate, o.support.pointCount, o.support.rate]]));
    expect(rows).toEqual({
      1: [1, 0.625, 1, 1],
      2: [2, 0.75, 1, 0.625],
      3: [2, 0, 0, 0],
    });
  });

  it("on 2 July the July-start point has begun but nothing is due yet", () => {
    const later = computePlanProgress({ ...input, asOf: d(2025, 7, 2) });
    // 2 × 183/365 = 1.003 → still 1 due for point 2; point 5 has begun but nothing is due yet.
    expect(later.points.map((p) => p.status)).toEqual(["BEHIND", "ON_TRACK", "DONE", "OVERDUE", "NOT_STARTED"]);
    expect(later.targets.get(51)?.expectedShare).toBeCloseTo(2 / 184, 12);
  });
});
