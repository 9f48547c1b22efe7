import { describe, expect, it } from "vitest";
import { calendarDate as d } from "@/lib/progress/dates";
import { duePeriod, isPastDue, periodFromKey, periodOf, periodsOfYear, periodsOverlapping, writablePeriods } from "./periods";

const iso = (date: Date) => date.toISOString().slice(0, 10);
const MONTHLY = { cycle: "MONTHLY", dueDay: 5 } as const;
const QUARTERLY = { cycle: "QUARTERLY", dueDay: 10 } as const;

describe("periodOf", () => {
  it.each([
    [d(2026, 11, 17), MONTHLY, "2026-11", "2026年11月", "2026-11-01", "2026-11-30", "2026-12-05"],
    [d(2026, 12, 31), MONTHLY, "2026-12", "2026年12月", "2026-12-01", "2026-12-31", "2027-01-05"],
    [d(2028, 2, 29), MONTHLY, "2028-02", "2028年2月", "2028-02-01", "2028-02-29", "2028-03-05"],
    [d(2026, 11, 17), QUARTERLY, "2026-Q4", "2026年第四季度", "2026-10-01", "2026-12-31", "2027-01-10"],
    [d(2026, 1, 1), QUARTERLY, "2026-Q1", "2026年第一季度", "2026-01-01", "2026-03-31", "2026-04-10"],
    [d(2026, 6, 30), { cycle: "MONTHLY", dueDay: 40 } as const, "2026-06", "2026年6月", "2026-06-01", "2026-06-30", "2026-07-28"],
  ] as const)("%s (%o) → %s", (day, config, key, label, start, end, due) => {
    const p = periodOf(day, config);
    expect([p.key, p.label, iso(p.start), iso(p.end), iso(p.due)]).toEqual([key, label, start, end, due]);
  });
});

describe("periodFromKey", () => {
  it.each([
    ["2026-03", MONTHLY, "2026年3月"],
    ["2026-13", MONTHLY, null],
    ["2026-Q3", MONTHLY, null],
    ["2026-Q3", QUARTERLY, "2026年第三季度"],
    ["2026-03", QUARTERLY, null],
    ["x", MONTHLY, null],
  ] as const)("%s under %o → %s", (key, config, label) => {
    expect(periodFromKey(key, config)?.label ?? null).toBe(label);
  });
});

describe("due and writable periods", () => {
  it.each([
    [d(2026, 12, 4), MONTHLY, "2026-11"],
    [d(2026, 12, 1), MONTHLY, "2026-11"],
    [d(2026, 11, 30), MONTHLY, "2026-10"],
    [d(2026, 1, 3), MONTHLY, "2025-12"],
    [d(2026, 12, 4), QUARTERLY, "2026-Q3"],
  ] as const)("duePeriod(%s, %o) = %s", (today, config, key) => {
    expect(duePeriod(today, config).key).toBe(key);
  });

  it("the due day itself is in time, the day after is late", () => {
    const nov = periodFromKey("2026-11", MONTHLY)!;
    expect(isPastDue(nov, d(2026, 12, 5))).toBe(false);
    expect(isPastDue(nov, d(2026, 12, 6))).toBe(true);
  });

  it("lists the periods begun by today, latest first; a year of 12 months or 4 quarters", () => {
    expect(writablePeriods(2026, d(2026, 3, 2), MONTHLY).map((p) => p.key)).toEqual(["2026-03", "2026-02", "2026-01"]);
    expect(writablePeriods(2027, d(2026, 12, 4), MONTHLY)).toEqual([]);
    expect(periodsOfYear(2026, MONTHLY)).toHaveLength(12);
    expect(periodsOfYear(2026, QUARTERLY).map((p) => p.key)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
  });
});

describe("periodsOverlapping", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it.each<[string, string, string[]]>([
    ["2026-11-01", "2026-11-22", ["2026-Q4", "2026-11"]],
    ["2026-10-01", "2026-11-22", ["2026-Q4", "2026-11", "2026-10"]],
    ["2026-09-30", "2026-10-01", ["2026-Q4", "2026-10", "2026-Q3", "2026-09"]],
    ["2026-12-31", "2026-12-31", ["2026-Q4", "2026-12"]],
    ["2025-12-20", "2026-01-05", ["2026-Q1", "2026-01", "2025-Q4", "2025-12"]],
  ])("%s to %s", (start, end, keys) => {
    expect(periodsOverlapping(day(start), day(end)).map((p) => p.key)).toEqual(keys);
  });
});
