import { describe, expect, it } from "vitest";
import { calendarDate as d, computePlanProgress, emptyRollup, type PointDef, type TargetDef } from "@/lib/progress";
import type { PlanProgressData } from "@/lib/progress/queries";
import { pickYear, resolveScope, sameDayPreviousYear } from "./data";
import { attentionRows, officeRanking, percent, planLedgerHref, rateDelta, sectionBars, statusGrid, statusLedgerHref, upcomingDeadlines } from "./view";

const asOf = d(2026, 11, 22);
const point = (id: number, extra: Partial<PointDef> = {}): PointDef => ({
  id, number: id, title: `要点${id}。`, sectionId: 1, leadOfficeId: 1, supportOfficeIds: [], deadline: null, startDate: null, completedAt: null, approvedEntryCount: 0, ...extra,
});
const targets: TargetDef[] = [
  { id: 1, workPointId: 1, subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT", deadline: null },
  { id: 2, workPointId: 4, subject: "培训人数", comparator: ">=", value: 200, unit: "人次", kind: "SUM", deadline: d(2026, 12, 10) },
];
const points = [
  point(1),
  point(2, { sectionId: 1, leadOfficeId: 2, supportOfficeIds: [1], deadline: d(2026, 6, 30) }),
  point(3, { sectionId: 2, leadOfficeId: 2, completedAt: d(2026, 3, 1) }),
  point(4, { sectionId: 2, leadOfficeId: 3, deadline: d(2026, 12, 31) }),
];
const progress = computePlanProgress({
  year: 2026, asOf, points, targets,
  aggregates: [
    { targetId: 1, sum: 1, entryCount: 1, latestValue: null, completed: false, firstDate: null, lastDate: null },
    { targetId: 2, sum: 150, entryCount: 2, latestValue: null, completed: false, firstDate: null, lastDate: null },
  ],
});
const data: PlanProgressData = {
  plan: { id: 1, year: 2026, title: "2026年工作要点", status: "PUBLISHED" },
  sections: [{ id: 1, ordinal: 1, title: "学习" }, { id: 2, ordinal: 2, title: "制度" }],
  targetDefs: new Map(targets.map((t) => [t.id, t])),
  deadlineText: new Map(),
  progress,
  officeId: null,
};
const names = new Map([[1, "综合科"], [2, "研究室"], [3, "人事科"]]);

describe("dashboard view models", () => {
  it("section bars link to the section's counted entries (approved, no 协办, up to the day measured)", () => {
    const bars = sectionBars(data);
    expect(bars.map((b) => [b.label, b.pointCount, b.href])).toEqual([
      ["一、", 2, "/ledger?year=2026&sectionId=1&status=APPROVED&counted=1&to=2026-11-22"],
      ["二、", 2, "/ledger?year=2026&sectionId=2&status=APPROVED&counted=1&to=2026-11-22"],
    ]);
    // Section 1: point 1 滞后, point 2 逾期; section 2: point 4 滞后 (point 3 is done).
    expect(bars.map((b) => [b.behind, b.behindHref])).toEqual([
      [2, "/ledger?year=2026&pointIds=1%2C2"],
      [1, "/ledger?year=2026&pointIds=4"],
    ]);
    // In an office's scope the links keep to the points it leads or cooperates on.
    expect(sectionBars({ ...data, officeId: 2 })[0].href).toBe("/ledger?year=2026&sectionId=1&pointOfficeId=2&status=APPROVED&counted=1&to=2026-11-22");
    expect(sectionBars({ ...data, officeId: -1 })[0].href).not.toContain("pointOfficeId");
  });

  it("headline figures and status tiles drill down to the entries behind them", () => {
    expect(planLedgerHref(data)).toBe("/ledger?year=2026&status=APPROVED&counted=1&to=2026-11-22");
    expect(planLedgerHref({ ...data, officeId: 3 })).toBe("/ledger?year=2026&pointOfficeId=3&status=APPROVED&counted=1&to=2026-11-22");
    expect(statusLedgerHref(data, "BEHIND")).toBe("/ledger?year=2026&pointIds=1%2C4");
    expect(statusLedgerHref(data, "OVERDUE")).toBe("/ledger?year=2026&pointIds=2");
    expect(statusLedgerHref(data, "DONE")).toBe("/ledger?year=2026&pointIds=3");
    expect(statusLedgerHref(data, "NOT_STARTED")).toBeNull();
    // A finished year: no date limit (every entry of the year is dated before the day measured).
    const finished = { ...data, progress: { ...progress, asOf: d(2027, 1, 1) } };
    expect(planLedgerHref(finished)).toBe("/ledger?year=2026&status=APPROVED&counted=1");
  });

  it("attention rows: 逾期 first, with the figures behind the light and the projection", () => {
    const rows = attentionRows(data, names);
    expect(rows.map((r) => [r.number, r.status])).toEqual([[2, "OVERDUE"], [1, "BEHIND"], [4, "BEHIND"]]);
    const first = rows.find((r) => r.number === 1)!;
    expect(first.actualVsTarget).toBe("专题学习 1/4次");
    expect(first.leadOffice).toBe("综合科");
    expect(first.expected).toBe("4次");
    expect(first.projection).toBe("按当前进度预计年底完成 1 次，低于目标 4 次"); // 1 / (326/365) = 1.12: one whole session
    expect(first.actualHref).toBe("/ledger?year=2026&pointId=1&targetId=1&status=APPROVED&counted=1&to=2026-11-22");
    expect(rows[0].shortfall).toBe("该项工作尚未完成，完成时限为2026年6月30日");
  });

  it("upcoming deadlines list unfinished points and targets due within 30 days", () => {
    const rows = upcomingDeadlines(data, names, 30);
    expect(rows.map((r) => [r.number, r.what, r.daysLeft])).toEqual([[4, "培训人数（不少于200人次）", 18]]);
    expect(rows[0].entriesHref).toBe("/ledger?year=2026&pointId=4&targetId=2&status=APPROVED&counted=1&to=2026-11-22");
    expect(upcomingDeadlines(data, names, 60).map((r) => r.number)).toEqual([4, 1, 4]);
  });

  it("office ranking: by what the office owes on its lead points, then by lead completion; ties share a rank", () => {
    const rows = officeRanking(progress.offices, [...names].map(([id, name]) => ({ id, name, shortName: name.slice(0, 2) })), 2026, asOf);
    // 研究室 completes more of its lead point (50 %) than 综合科 (25 %), but that point is overdue: it owes most.
    expect(rows.map((r) => [r.name, r.rank, r.owes])).toEqual([["人事科", 1, "滞后 1 项"], ["综合科", 2, "滞后 1 项"], ["研究室", 3, "逾期 1 项"]]);
    // Roll-ups count every office's entries on the points the office leads (or cooperates on),
    // so the links filter by the point's office, not by the office that recorded the entry.
    expect(rows[0].href).toBe("/ledger?year=2026&leadOfficeId=3&status=APPROVED&counted=1&to=2026-11-22");
    expect(rows.find((r) => r.name === "综合科")!.supportHref).toBe("/ledger?year=2026&supportOfficeId=1&status=APPROVED&counted=1&to=2026-11-22");
    const same = { ...emptyRollup(), pointCount: 2, rate: 0.5 };
    const tied = officeRanking([{ officeId: 2, lead: same, support: emptyRollup() }, { officeId: 1, lead: same, support: emptyRollup() }], [], 2026);
    expect(tied.map((r) => [r.officeId, r.rank])).toEqual([[1, 1], [2, 1]]);
  });

  it("the status grid filters by status and marks the viewer's office", () => {
    const cells = statusGrid(progress.points, "BEHIND", 3);
    expect(cells.map((c) => [c.number, c.title, c.dot, c.mine])).toEqual([[1, "要点1", "bg-yellow-600", false], [4, "要点4", "bg-yellow-600", true]]);
  });

  it("formats rates and deltas", () => {
    expect(percent(0.4567)).toBe("45.7%");
    expect(rateDelta(0.5, 0.375)).toBe("提高 12.5 个百分点");
    expect(rateDelta(0.067, 0.167)).toBe("下降 10 个百分点");
    expect(rateDelta(0.5, 0.5)).toBe("持平");
  });
});

describe("dashboard scope", () => {
  it("opens on the current year if planned, else the latest", () => {
    expect(pickYear([2025, 2026], null, asOf)).toBe(2026);
    expect(pickYear([2024, 2025], null, asOf)).toBe(2025);
    expect(pickYear([2025, 2026], 2025, asOf)).toBe(2025);
    expect(pickYear([2025, 2026], 1999, asOf)).toBe(2026);
    expect(pickYear([], null, asOf)).toBeNull();
  });

  it("compares with the same day a year earlier", () => {
    expect(sameDayPreviousYear(d(2028, 2, 29)).toISOString().slice(0, 10)).toBe("2027-02-28");
    expect(sameDayPreviousYear(asOf).toISOString().slice(0, 10)).toBe("2025-11-22");
  });

  it("STAFF are held to their office; readers of all pick one", () => {
    expect(resolveScope({ role: "STAFF", officeId: 3 }, 5, [3, 5])).toEqual({ officeId: 3, locked: true });
    expect(resolveScope({ role: "STAFF", officeId: null }, null, [3])).toEqual({ officeId: -1, locked: true });
    expect(resolveScope({ role: "LEADER", officeId: null }, 5, [3, 5])).toEqual({ officeId: 5, locked: false });
    expect(resolveScope({ role: "VIEWER", officeId: null }, 9, [3, 5])).toEqual({ officeId: null, locked: false });
  });
});
