import { describe, expect, it } from "vitest";
import { calendarDate } from "@/lib/progress";
import { dashboardHref, ledgerHref } from "./links";

describe("drill-down links", () => {
  it("put the ledger's filters in a fixed order, dates as yyyy-mm-dd, and leave empty ones out", () => {
    expect(ledgerHref({ year: 2026, status: "APPROVED", from: calendarDate(2026, 3, 1), to: calendarDate(2026, 3, 31), officeId: null })).toBe(
      "/ledger?year=2026&status=APPROVED&from=2026-03-01&to=2026-03-31",
    );
    expect(ledgerHref({ year: 2026, pointId: 7, targetId: 3, q: "学习 培训" })).toBe("/ledger?year=2026&pointId=7&targetId=3&q=%E5%AD%A6%E4%B9%A0+%E5%9F%B9%E8%AE%AD");
  });

  it("dashboard links keep the year, office and status", () => {
    expect(dashboardHref({ year: 2025, officeId: 3, status: "BEHIND" }, "#points")).toBe("/dashboard?year=2025&officeId=3&status=BEHIND#points");
    expect(dashboardHref({})).toBe("/dashboard");
  });
});
