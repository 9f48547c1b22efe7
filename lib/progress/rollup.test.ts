import { describe, expect, it } from "vitest";
import { calendarDate as d } from "./dates";
import { emptyRollup, rollupBy, rollupByOffice, rollupBySection, rollupPlan } from "./rollup";
import type { PointDef, PointProgress, ProgressStatus, TargetProgress } from "./types";

function target(targetId: number, met: boolean): TargetProgress {
  return {
    targetId,
    actual: 0,
    rate: met ? 1 : 0.5,
    rawRate: met ? 1 : 0.5,
    expected: 0,
    expectedDue: 0,
    expectedShare: 0.5,
    status: met ? "DONE" : "BEHIND",
    projected: 0,
    shortfall: 0,
    met,
    deadline: d(2025, 12, 31),
    daysLeft: 100,
    entryCount: 1,
  };
}

function pp(
  id: number,
  status: ProgressStatus,
  rate: number,
  where: Partial<Pick<PointDef, "sectionId" | "leadOfficeId" | "supportOfficeIds">> = {},
  targets: TargetProgress[] = [],
): PointProgress {
  const point: PointDef = {
    id,
    number: id,
    title: `要点${id}`,
    sectionId: 1,
    leadOfficeId: null,
    supportOfficeIds: [],
    deadline: null,
    startDate: null,
    completedAt: null,
    approvedEntryCount: 0,
    ...where,
  };
  return { pointId: id, point, status, rate, targets, deadline: d(2025, 12, 31), daysLeft: 100, worstTarget: targets[0] ?? null };
}

const points = [
  pp(1, "DONE", 1, { sectionId: 1, leadOfficeId: 1, supportOfficeIds: [2, 3] }, [target(11, true), target(12, true)]),
  pp(2, "BEHIND", 0.25, { sectionId: 1, leadOfficeId: 1, supportOfficeIds: [] }, [target(21, false)]),
  pp(3, "OVERDUE", 0.5, { sectionId: 2, leadOfficeId: 2, supportOfficeIds: [1, 2] }, [target(31, true), target(32, false)]),
  pp(4, "NOT_STARTED", 0, { sectionId: 2, leadOfficeId: null, supportOfficeIds: [3] }),
  pp(5, "ON_TRACK", 0.75, { sectionId: 3, leadOfficeId: 4, supportOfficeIds: [] }),
];

describe("rollupPlan", () => {
  it("counts points by status and averages point rates", () => {
    expect(rollupPlan(points)).toEqual({
      pointCount: 5,
      byStatus: { DONE: 1, ON_TRACK: 1, BEHIND: 1, OVERDUE: 1, NOT_STARTED: 1 },
      rate: 0.5, // (1 + 0.25 + 0.5 + 0 + 0.75) / 5
      targetsMet: 3,
      targetCount: 5,
    });
  });

  it("an empty set has rate 0 and no points", () => {
    expect(rollupPlan([])).toEqual(emptyRollup());
    expect(emptyRollup().rate).toBe(0);
  });
});

describe("rollupBySection", () => {
  it.each([
    [1, 2, 0.625, { DONE: 1, BEHIND: 1 }, 2, 3],
    [2, 2, 0.25, { OVERDUE: 1, NOT_STARTED: 1 }, 1, 2],
    [3, 1, 0.75, { ON_TRACK: 1 }, 0, 0],
  ] as const)("section %i", (sectionId, pointCount, rate, statuses, targetsMet, targetCount) => {
    const rollup = rollupBySection(points).get(sectionId);
    expect(rollup).toEqual({
      pointCount,
      byStatus: { DONE: 0, ON_TRACK: 0, BEHIND: 0, OVERDUE: 0, NOT_STARTED: 0, ...statuses },
      rate,
      targetsMet,
      targetCount,
    });
  });

  it("keeps sections in first-seen order", () => {
    expect([...rollupBySection(points).keys()]).toEqual([1, 2, 3]);
  });
});

describe("rollupBy", () => {
  it("skips null keys and counts a repeated key once", () => {
    const byLead = rollupBy(points, (p) => p.point.leadOfficeId);
    expect([...byLead.keys()]).toEqual([1, 2, 4]);
    const repeated = rollupBy(points, (p) => (p.pointId === 1 ? ["x", "x", "y"] : null));
    expect(repeated.get("x")?.pointCount).toBe(1);
    expect(repeated.get("y")?.pointCount).toBe(1);
    expect(repeated.size).toBe(2);
  });

  it("groups by a string key", () => {
    const byLight = rollupBy(points, (p) => (p.status === "BEHIND" || p.status === "OVERDUE" ? "attention" : "fine"));
    expect(byLight.get("attention")?.pointCount).toBe(2);
    expect(byLight.get("fine")?.pointCount).toBe(3);
  });
});

describe("rollupByOffice", () => {
  const offices = rollupByOffice(points);

  it("lists every office in either role, sorted", () => {
    expect(offices.map((o) => o.officeId)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    // officeId, lead points, lead rate, support points, support rate
    [1, 2, 0.625, 1, 0.5],
    [2, 1, 0.5, 1, 1], // listed as its own cooperating office on point 3: counts as lead only
    [3, 0, 0, 2, 0.5],
    [4, 1, 0.75, 0, 0],
  ] as const)("office %i: lead and cooperating work apart", (officeId, leadCount, leadRate, supportCount, supportRate) => {
    const row = offices.find((o) => o.officeId === officeId);
    expect(row?.lead.pointCount).toBe(leadCount);
    expect(row?.lead.rate).toBe(leadRate);
    expect(row?.support.pointCount).toBe(supportCount);
    expect(row?.support.rate).toBe(supportRate);
  });

  it("office 1 leads a behind point and cooperates on an overdue one", () => {
    const row = offices.find((o) => o.officeId === 1);
    expect(row?.lead.byStatus).toEqual({ DONE: 1, ON_TRACK: 0, BEHIND: 1, OVERDUE: 0, NOT_STARTED: 0 });
    expect(row?.support.byStatus).toEqual({ DONE: 0, ON_TRACK: 0, BEHIND: 0, OVERDUE: 1, NOT_STARTED: 0 });
    expect(row?.support.targetCount).toBe(2);
    expect(row?.support.targetsMet).toBe(1);
  });
});
