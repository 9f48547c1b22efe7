import { describe, expect, it } from "vitest";
import { lastDeadlineDay, resolveAsOf, type PlanDates } from "./asof";
import { calendarDate as d, dateFromDayIndex, daysLeftInPlanYear } from "./dates";
import { computePlanProgress } from "./plan";
import type { PointDef, TargetAggregate, TargetDef } from "./types";

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("resolveAsOf: the day a plan is measured on", () => {
  const nextYear: PlanDates = { pointDeadline: d(2026, 6, 30) };
  it.each([
    // label, plan dates, today, as of
    ["during the plan year: today", {}, d(2025, 6, 30), "2025-06-30"],
    ["on 31 December: today", {}, d(2025, 12, 31), "2025-12-31"],
    ["a year-end plan, the next day: final (every deadline passed)", {}, d(2026, 1, 1), "2026-01-01"],
    ["a year-end plan, months later: still the day after its last deadline", {}, d(2026, 11, 22), "2026-01-01"],
    ["a point due 2026-06-30, in March 2026: today", nextYear, d(2026, 3, 1), "2026-03-01"],
    ["a point due 2026-06-30, on its deadline: today", nextYear, d(2026, 6, 30), "2026-06-30"],
    ["a point due 2026-06-30, later: the day after", nextYear, d(2026, 11, 22), "2026-07-01"],
    ["a target due 2027-03-31", { targetDeadline: d(2027, 3, 31) }, d(2027, 12, 1), "2027-04-01"],
    ["a start date after every deadline counts as a deadline", { pointStart: d(2026, 2, 1) }, d(2026, 5, 1), "2026-02-02"],
    ["deadlines earlier in the year never cap before 31 December", { pointDeadline: d(2025, 6, 30) }, d(2026, 3, 1), "2026-01-01"],
    ["a year not begun yet: today", nextYear, d(2024, 12, 1), "2024-12-01"],
  ] as const)("%s", (_label, dates, today, expected) => {
    expect(iso(resolveAsOf(2025, today, dates))).toBe(expected);
  });

  it("the last deadline is at least 31 December of the plan year", () => {
    expect(iso(dateFromDayIndex(lastDeadlineDay(2024)))).toBe("2024-12-31");
    expect(iso(dateFromDayIndex(lastDeadlineDay(2025, { pointDeadline: null, targetDeadline: d(2026, 1, 15) })))).toBe("2026-01-15");
  });

  it("days left in the plan year: the whole year before it, 0 after it", () => {
    expect(daysLeftInPlanYear(2025, d(2025, 6, 30))).toBe(184);
    expect(daysLeftInPlanYear(2025, d(2025, 12, 31))).toBe(0);
    expect(daysLeftInPlanYear(2025, d(2026, 3, 1))).toBe(0);
    expect(daysLeftInPlanYear(2024, d(2023, 11, 1))).toBe(366);
  });
});

describe("a 2025 plan with a point due 2026-06-30, measured on the resolved day", () => {
  const point = (id: number, deadline: Date): PointDef => ({
    id, number: id, title: `要点${id}`, sectionId: 1, leadOfficeId: 1, supportOfficeIds: [], deadline, startDate: null, completedAt: null, approvedEntryCount: 0,
  });
  const points = [point(1, d(2026, 6, 30)), point(2, d(2025, 12, 31))];
  const targets: TargetDef[] = [
    { id: 1, workPointId: 1, subject: "专题调研", comparator: ">=", value: 6, unit: "次", kind: "COUNT", deadline: null },
    { id: 2, workPointId: 2, subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT", deadline: null },
  ];
  const agg = (targetId: number, sum: number): TargetAggregate => ({ targetId, sum, entryCount: sum, latestValue: null, completed: false, firstDate: null, lastDate: null });
  const measure = (today: Date, sums: [number, number]) => {
    const dates = { pointDeadline: d(2026, 6, 30) };
    const asOf = resolveAsOf(2025, today, dates);
    const progress = computePlanProgress({ year: 2025, asOf, points, targets, aggregates: [agg(1, sums[0]), agg(2, sums[1])] });
    return { asOf: iso(asOf), statuses: progress.points.map((p) => p.status), daysLeft: progress.points[0].daysLeft, yearLeft: progress.daysLeftInYear };
  };

  // Capped at 31 December (the old rule), point 1 stayed 181 days from its deadline for ever.
  it.each([
    // today, approved sessions [point 1, point 2], as of, statuses, days left on point 1
    [d(2025, 12, 31), [4, 3], "2025-12-31", ["ON_TRACK", "BEHIND"], 181], // 6 × 365/546 = 4.01 → 4 due
    [d(2026, 3, 1), [3, 3], "2026-03-01", ["BEHIND", "OVERDUE"], 121], // 6 × 425/546 = 4.67 → 5 due
    [d(2026, 3, 1), [5, 4], "2026-03-01", ["ON_TRACK", "DONE"], 121],
    [d(2026, 6, 30), [5, 4], "2026-06-30", ["BEHIND", "DONE"], 0],
    [d(2026, 7, 1), [5, 4], "2026-07-01", ["OVERDUE", "DONE"], -1],
    [d(2026, 11, 22), [5, 4], "2026-07-01", ["OVERDUE", "DONE"], -1],
    [d(2026, 11, 22), [6, 4], "2026-07-01", ["DONE", "DONE"], -1],
  ] as const)("on %s with %j sessions", (today, sums, asOf, statuses, daysLeft) => {
    const m = measure(today, [...sums] as [number, number]);
    expect(m.asOf).toBe(asOf);
    expect(m.statuses).toEqual(statuses);
    expect(m.daysLeft).toBe(daysLeft);
  });

  it("once past, the plan year itself has no days left", () => {
    expect(measure(d(2026, 11, 22), [5, 4]).yearLeft).toBe(0);
  });
});
