import { describe, expect, it } from "vitest";
import { calendarDate as d, dayIndex } from "./dates";
import { elapsedShare, resolvePeriod } from "./pacing";

function share(year: number, asOf: Date, start: Date | null = null, deadline: Date | null = null): number {
  return elapsedShare(resolvePeriod(year, start, deadline), dayIndex(asOf));
}

describe("elapsed share of the plan year", () => {
  it.each([
    ["day before the year", d(2024, 12, 31), 0],
    ["1 January", d(2025, 1, 1), 1 / 365],
    ["30 June", d(2025, 6, 30), 181 / 365],
    ["1 July", d(2025, 7, 1), 182 / 365],
    ["30 December", d(2025, 12, 30), 364 / 365],
    ["31 December", d(2025, 12, 31), 1],
    ["after the year", d(2026, 3, 1), 1],
  ])("2025, %s", (_label, asOf, expected) => {
    expect(share(2025, asOf)).toBeCloseTo(expected, 12);
  });

  it("30 June 2025 is just under half", () => {
    expect(share(2025, d(2025, 6, 30))).toBeCloseTo(0.4959, 4);
  });

  it.each([
    ["29 February", d(2024, 2, 29), 60 / 366],
    ["30 June", d(2024, 6, 30), 182 / 366],
    ["30 December", d(2024, 12, 30), 365 / 366],
  ])("leap year 2024, %s", (_label, asOf, expected) => {
    expect(share(2024, asOf)).toBeCloseTo(expected, 12);
  });

  it("leap year 2024 ends at exactly 1", () => {
    expect(share(2024, d(2024, 12, 31))).toBe(1);
  });

  it("ignores the time of day of asOf", () => {
    expect(share(2025, new Date("2025-06-30T23:59:00Z"))).toBeCloseTo(181 / 365, 12);
  });
});

describe("periods other than the calendar year", () => {
  it.each([
    // start 1 July, deadline 31 December: 184 days; 30 September is day 92.
    ["own start, before it", d(2025, 7, 1), null, d(2025, 6, 30), 0],
    ["own start, first day", d(2025, 7, 1), null, d(2025, 7, 1), 1 / 184],
    ["own start, middle", d(2025, 7, 1), null, d(2025, 9, 30), 0.5],
    ["deadline 30 June, 31 March", null, d(2025, 6, 30), d(2025, 3, 31), 90 / 181],
    ["deadline 30 June, after it", null, d(2025, 6, 30), d(2025, 8, 1), 1],
    // 2025 plan, deadline 2026-06-30: 365 + 181 = 546 days.
    ["deadline next year, 31 Dec 2025", null, d(2026, 6, 30), d(2025, 12, 31), 365 / 546],
    ["deadline next year, on it", null, d(2026, 6, 30), d(2026, 6, 30), 1],
    // start in the previous year (carried-over point): honoured as given.
    ["start last year", d(2024, 7, 1), null, d(2024, 12, 31), 184 / 549],
  ])("%s", (_label, start, deadline, asOf, expected) => {
    expect(share(2025, asOf, start, deadline)).toBeCloseTo(expected, 12);
  });

  it("a deadline before the start collapses the period to the start day", () => {
    const period = resolvePeriod(2025, d(2025, 5, 1), d(2025, 3, 31));
    expect(period).toEqual({ startDay: dayIndex(d(2025, 5, 1)), deadlineDay: dayIndex(d(2025, 5, 1)) });
    expect(elapsedShare(period, dayIndex(d(2025, 4, 30)))).toBe(0);
    expect(elapsedShare(period, dayIndex(d(2025, 5, 1)))).toBe(1);
  });
});
