import { describe, expect, it } from "vitest";
import { calendarDate } from "@/lib/progress";
import { countedFilter, dashboardHref, ledgerHref } from "./links";

describe("drill-down links", () => {
  it("put the ledger's filters in a fixed order, dates as yyyy-mm-dd, and leave empty ones out", () => {
    expect(ledgerHref({ year: 2026, status: "APPROVED", from: calendarDate(2026, 3, 1), to: calendarDate(2026, 3, 31), officeId: null })).toBe(
      "/ledger?year=2026&status=APPROVED&from=2026-03-01&to=2026-03-31",
    );
    expect(ledgerHref({ year: 2026, pointId: 7, targetId: 3, q: "学习 培训" })).toBe("/ledger?year=2026&pointId=7&targetId=3&q=%E5%AD%A6%E4%B9%A0+%E5%9F%B9%E8%AE%AD");
  });

  it("office filters by the point's offices, point lists and counted=1", () => {
    expect(ledgerHref({ year: 2026, leadOfficeId: 3, status: "APPROVED", counted: true })).toBe("/ledger?year=2026&leadOfficeId=3&status=APPROVED&counted=1");
    expect(ledgerHref({ year: 2026, supportOfficeId: 4, pointOfficeId: 5, counted: false })).toBe("/ledger?year=2026&supportOfficeId=4&pointOfficeId=5");
    expect(ledgerHref({ year: 2026, pointIds: [3, 7] })).toBe("/ledger?year=2026&pointIds=3%2C7");
    expect(ledgerHref({ year: 2026, pointIds: [] })).toBe("/ledger?year=2026");
  });

  it("counted entries: approved, no 协办, dated up to the day measured while the year runs", () => {
    expect(ledgerHref(countedFilter(2026, calendarDate(2026, 3, 5)))).toBe("/ledger?year=2026&status=APPROVED&counted=1&to=2026-03-05");
    expect(ledgerHref(countedFilter(2025, calendarDate(2026, 1, 1)))).toBe("/ledger?year=2025&status=APPROVED&counted=1");
  });

  it("dashboard links keep the year, office and status", () => {
    expect(dashboardHref({ year: 2025, officeId: 3, status: "BEHIND" }, "#points")).toBe("/dashboard?year=2025&officeId=3&status=BEHIND#points");
    expect(dashboardHref({})).toBe("/dashboard");
  });
});
