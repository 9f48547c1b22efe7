import { describe, expect, it } from "vitest";
import { achieved, carriedOver, replaceYear, shiftIsoDay, shiftYears, targetMet, unfinishedAtYearEnd, type TargetFact } from "./copy";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const q = (value: number, date = "2025-03-01", completes = false) => ({ value, completes, date: d(date) });

describe("shiftYears", () => {
  it.each([
    ["2025-06-30", 1, "2026-06-30"],
    ["2025-12-31", 1, "2026-12-31"],
    ["2024-02-29", 1, "2025-02-28"],
    ["2028-02-29", 1, "2029-02-28"],
    ["2027-02-28", 1, "2028-02-28"],
    ["2025-01-01", 5, "2030-01-01"],
    ["2030-03-31", -5, "2025-03-31"],
  ])("%s + %i year(s) → %s", (from, years, to) => {
    expect(shiftYears(d(from), years).toISOString().slice(0, 10)).toBe(to);
  });

  it("keeps the time of day", () => {
    expect(shiftYears(new Date("2025-05-04T08:30:00.000Z")).toISOString()).toBe("2026-05-04T08:30:00.000Z");
  });

  it("shifts ISO days and leaves empty or malformed ones alone", () => {
    expect(shiftIsoDay("2024-02-29", 1)).toBe("2025-02-28");
    expect(shiftIsoDay("2025-06-30", 5)).toBe("2030-06-30");
    expect(shiftIsoDay("", 1)).toBe("");
    expect(shiftIsoDay("6月底前", 1)).toBe("6月底前");
  });
});

describe("replaceYear", () => {
  it.each([
    ["市政协办公室 2025 年机关法治建设工作要点", "市政协办公室 2026 年机关法治建设工作要点"],
    ["2025年6月底前", "2026年6月底前"],
    ["12025 and 20250 stay", "12025 and 20250 stay"],
    ["年底前", "年底前"],
  ])("%s → %s", (from, to) => expect(replaceYear(from, 2025, 2026)).toBe(to));
});

describe("targetMet and achieved", () => {
  const t = (over: Partial<TargetFact>): TargetFact => ({ comparator: ">=", kind: "COUNT", value: 4, quantities: [], ...over });
  it.each<[string, TargetFact, boolean]>([
    ["no quantities", t({}), false],
    ["3 of 4", t({ quantities: [q(1), q(1), q(1)] }), false],
    ["4 of 4", t({ quantities: [q(1), q(2), q(1)] }), true],
    ["6 of 4", t({ quantities: [q(3), q(3)] }), true],
    ["SUM 120 of 200 人次", t({ kind: "SUM", value: 200, quantities: [q(120)] }), false],
    ["SUM 412 of 200 人次", t({ kind: "SUM", value: 200, quantities: [q(412)] }), true],
    ["fractions add up exactly", t({ kind: "SUM", value: 0.3, quantities: [q(0.1), q(0.2)] }), true],
    ["limit <= 2 with 2", t({ comparator: "<=", value: 2, quantities: [q(1), q(1)] }), true],
    ["limit <= 2 with 3", t({ comparator: "<=", value: 2, quantities: [q(2), q(1)] }), false],
    ["limit <= 0 with nothing", t({ comparator: "<=", value: 0 }), true],
    ["= 100% reached", t({ comparator: "=", kind: "PERCENT", value: 100, quantities: [q(100)] }), true],
    ["PERCENT: the latest reading stands", t({ kind: "PERCENT", value: 95, quantities: [q(96, "2025-03-01"), q(90, "2025-11-01")] }), false],
    ["PERCENT latest reading meets", t({ kind: "PERCENT", value: 95, quantities: [q(90, "2025-03-01"), q(97, "2025-11-01")] }), true],
    ["BOOLEAN not completed", t({ kind: "BOOLEAN", value: 1, quantities: [q(0)] }), false],
    ["BOOLEAN completed", t({ kind: "BOOLEAN", value: 1, quantities: [q(0, "2025-05-01", true)] }), true],
  ])("%s", (_name, target, met) => {
    expect(targetMet(target)).toBe(met);
  });

  it("sums COUNT quantities", () => {
    expect(achieved({ kind: "COUNT", quantities: [q(1), q(2)] })).toBe(3);
  });
});

describe("unfinishedAtYearEnd (one rule for the plan copy and the report's part 四)", () => {
  const mark = d("2025-12-01");
  it.each<[string, { completedAt: Date | null; targetsMet: boolean[] }, boolean]>([
    ["targets, one unmet, no mark", { completedAt: null, targetsMet: [true, false] }, true],
    ["targets, all met, no mark", { completedAt: null, targetsMet: [true, true] }, false],
    ["targets unmet, completion mark", { completedAt: mark, targetsMet: [false] }, false],
    ["no targets, completion mark", { completedAt: mark, targetsMet: [] }, false],
    ["no targets, no mark", { completedAt: null, targetsMet: [] }, true],
  ])("%s → %s", (_name, point, expected) => {
    expect(unfinishedAtYearEnd(point)).toBe(expected);
  });
});

describe("carriedOver", () => {
  const met = { comparator: ">=" as const, kind: "COUNT" as const, value: 1, quantities: [q(1)] };
  const unmet = { comparator: ">=" as const, kind: "COUNT" as const, value: 4, quantities: [q(1)] };
  it.each([
    ["completion mark, targets unmet", { completedAt: d("2025-12-01"), targets: [unmet] }, false],
    ["no mark, all targets met", { completedAt: null, targets: [met, met] }, false],
    ["no mark, one target unmet", { completedAt: null, targets: [met, unmet] }, true],
    // Nothing shows a target-less point was done but its completion mark: it is carried over.
    ["no mark, no targets", { completedAt: null, targets: [] }, true],
    ["mark, no targets", { completedAt: d("2025-12-01"), targets: [] }, false],
  ])("%s → %s", (_name, point, expected) => {
    expect(carriedOver(point)).toBe(expected);
  });
});
