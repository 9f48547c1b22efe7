import { describe, expect, it } from "vitest";
import {
  calendarDate,
  calendarDayAt,
  dateFromDayIndex,
  dayIndex,
  daysInYear,
  daysLeftInYear,
  formatChineseDate,
  formatMonthDay,
} from "./dates";

describe("dayIndex", () => {
  it.each([
    ["1970-01-01T00:00:00Z", 0],
    ["1970-01-02T00:00:00Z", 1],
    ["2025-06-30T00:00:00Z", 20269],
    ["2025-06-30T23:59:59.999Z", 20269],
    ["2024-02-29T12:00:00Z", 19782],
  ])("%s → day %i", (iso, expected) => {
    expect(dayIndex(new Date(iso))).toBe(expected);
  });

  it("round-trips through dateFromDayIndex", () => {
    expect(dateFromDayIndex(20269).toISOString()).toBe("2025-06-30T00:00:00.000Z");
  });

  it("rejects an invalid date", () => {
    expect(() => dayIndex(new Date("not a date"))).toThrow(RangeError);
  });
});

describe("calendarDate", () => {
  it("builds UTC midnight with a 1-based month", () => {
    expect(calendarDate(2024, 2, 29).toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });

  it.each([
    [2025, 2, 29],
    [2025, 13, 1],
    [2025, 4, 31],
  ])("rejects %i-%i-%i", (y, m, d) => {
    expect(() => calendarDate(y, m, d)).toThrow(RangeError);
  });
});

describe("calendarDayAt", () => {
  it.each([
    // 07:00 on 1 July in Beijing is still 30 June in UTC.
    ["2025-06-30T23:00:00Z", 480, "2025-07-01T00:00:00.000Z"],
    ["2025-06-30T15:59:59Z", 480, "2025-06-30T00:00:00.000Z"],
    ["2025-06-30T16:00:00Z", 480, "2025-07-01T00:00:00.000Z"],
    ["2025-06-30T23:00:00Z", 0, "2025-06-30T00:00:00.000Z"],
  ])("%s at UTC%+i min → %s", (iso, offset, expected) => {
    expect(calendarDayAt(new Date(iso), offset).toISOString()).toBe(expected);
  });

  it("defaults to China time", () => {
    expect(calendarDayAt(new Date("2025-12-31T16:30:00Z")).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("year helpers", () => {
  it.each([
    [2023, 365],
    [2024, 366],
    [2025, 365],
    [2100, 365],
    [2000, 366],
  ])("daysInYear(%i) = %i", (year, days) => {
    expect(daysInYear(year)).toBe(days);
  });

  it.each([
    [calendarDate(2025, 1, 1), 364],
    [calendarDate(2024, 1, 1), 365],
    [calendarDate(2025, 6, 30), 184],
    [calendarDate(2025, 12, 31), 0],
  ])("daysLeftInYear(%s) = %i", (asOf, days) => {
    expect(daysLeftInYear(asOf)).toBe(days);
  });

  it("formats dates the way official documents do", () => {
    expect(formatMonthDay(calendarDate(2025, 6, 30))).toBe("6月30日");
    expect(formatChineseDate(calendarDate(2026, 1, 5))).toBe("2026年1月5日");
  });
});
