import { describe, expect, it } from "vitest";
import {
  DEFAULT_UNIT_NAME,
  effectiveSignature,
  effectiveSignDate,
  printedParts,
  saysNothing,
  signDateReportYear,
  unitSignOff,
} from "./output";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("unitSignOff and effectiveSignature", () => {
  it("fills in defaults before the settings are first saved", () => {
    expect(unitSignOff(null)).toEqual({ unitName: DEFAULT_UNIT_NAME, signature: DEFAULT_UNIT_NAME, reportDate: null });
    expect(unitSignOff({ unitName: "XX市政协办公室", signature: " " })).toEqual({ unitName: "XX市政协办公室", signature: "XX市政协办公室", reportDate: null });
  });

  const unit = unitSignOff({ unitName: "XX市政协办公室", signature: "政协XX市委员会办公室", reportDate: null });
  it.each([
    ["no override: the settings' signature", "", "政协XX市委员会办公室"],
    ["blank override", "  ", "政协XX市委员会办公室"],
    ["the report's own", "XX市政协办公室法治办", "XX市政协办公室法治办"],
  ])("%s", (_name, override, expected) => {
    expect(effectiveSignature(override, unit)).toBe(expected);
  });
});

describe("signDateReportYear", () => {
  it.each([
    ["2026-01-15", 2025],
    ["2026-03-31", 2025],
    ["2026-11-30", 2025],
    ["2025-12-01", 2025],
    ["2025-12-31", 2025],
    ["2026-12-28", 2026],
  ])("%s signs the %i report", (iso, year) => {
    expect(signDateReportYear(day(iso))).toBe(year);
  });
});

describe("effectiveSignDate", () => {
  const now = new Date("2026-02-03T20:00:00.000Z"); // 4 February in Beijing
  const finalized = day("2026-01-20");
  it.each<[string, { year: number; signedOn: Date | null; reportDate: Date | null }, string, string]>([
    ["the signing date wins over the settings date (issue 16)", { year: 2025, signedOn: finalized, reportDate: day("2026-01-15") }, "2026-01-20", "finalized"],
    ["settings date of this report, draft", { year: 2025, signedOn: null, reportDate: day("2026-01-15") }, "2026-01-15", "settings"],
    ["settings date of another year: the 定稿 date", { year: 2024, signedOn: day("2025-01-10"), reportDate: day("2026-01-15") }, "2025-01-10", "finalized"],
    ["no settings date: the 定稿 date", { year: 2025, signedOn: finalized, reportDate: null }, "2026-01-20", "finalized"],
    ["draft without a settings date: today in China", { year: 2025, signedOn: null, reportDate: null }, "2026-02-04", "today"],
    ["settings date of another year, draft: today", { year: 2026, signedOn: null, reportDate: day("2026-01-15") }, "2026-02-04", "today"],
  ])("%s", (_name, input, expected, source) => {
    const result = effectiveSignDate({ year: input.year, signedOn: input.signedOn, unit: { reportDate: input.reportDate }, now });
    expect(result.date.toISOString().slice(0, 10)).toBe(expected);
    expect(result.source).toBe(source);
  });
});

describe("part 五 is printed only when it says something", () => {
  it.each([
    ["无。", true],
    ["无", true],
    ["", true],
    [" \n ", true],
    ["（无）", true],
    ["无。另有说明。", false],
    ["本年度无其他需要报告的情况以外的事项。", false],
    ["2025年，机关接受了市委依法治市办的专项督察。", false],
  ])("saysNothing(%j) → %s", (content, expected) => {
    expect(saysNothing(content)).toBe(expected);
  });

  const parts = (part5: string) =>
    ["part1", "part2", "part3", "part4", "part5"].map((key) => ({ key, content: key === "part5" ? part5 : "无。" }));
  it("leaves out an empty part 五 but never the required parts, even when they say 无", () => {
    expect(printedParts(parts("无。")).map((p) => p.key)).toEqual(["part1", "part2", "part3", "part4"]);
    expect(printedParts(parts("")).map((p) => p.key)).toEqual(["part1", "part2", "part3", "part4"]);
    expect(printedParts(parts("其他情况说明。")).map((p) => p.key)).toEqual(["part1", "part2", "part3", "part4", "part5"]);
  });
});
