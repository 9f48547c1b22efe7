import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "./parse";
import type { ParsedPlan, ParsedTarget } from "./types";

const FIXTURE = path.resolve(__dirname, "../../tests/fixtures/rule-of-law-plan-2025.txt");
const fixtureText = readFileSync(FIXTURE, "utf8");
const fixtureLines = fixtureText.split("\n").filter((line) => line !== "");

// Fragments that exercise every rule: headings of each level, labels, targets, non-targets.
const TRICKY_FRAGMENTS = [
  "一、", "（一）", "1.", "1、", "1．", "（1）", "①", "十二、", "二、三中全会", "12.4", "12·4",
  "牵头科室：", "配合科室：综合科、人事科", "完成时限：6月底前", "（牵头科室：综合科；完成时限：第三季度）", "责任人：",
  "不少于4次", "不少于 4 次", "200人次以上", "办复率100%", "达到", "以上", "以内", "两期", "二十四条",
  "X件", "XX次", "5万元以上", "一以贯之", "三会一课", "。", "，", "\n", "\n\n", "　", "— 2 —", "２０２５年", "二〇二五年",
  "工作要点", "\r\n", "\u2028", "（", "）", "《", "》", "“", "”",
];

const planText = fc.array(
  fc.oneof(
    fc.constantFrom(...(fixtureLines.length > 0 ? fixtureLines : ["一、强化法治思想引领"])),
    fc.constantFrom(...TRICKY_FRAGMENTS),
    fc.string({ unit: "binary", maxLength: 20 }),
  ),
  { maxLength: 60 },
).chain((parts) => fc.constantFrom(parts.join("\n"), parts.join(""), parts.join(" ")));

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function assertTargetShape(target: ParsedTarget, textLength: number): void {
  expect(typeof target.text).toBe("string");
  expect(typeof target.subject).toBe("string");
  expect([">=", "<=", "="]).toContain(target.comparator);
  expect(Number.isFinite(target.value)).toBe(true);
  expect(["COUNT", "SUM", "PERCENT", "BOOLEAN"]).toContain(target.kind);
  if (target.start !== -1) {
    expect(target.start).toBeGreaterThanOrEqual(0);
    expect(target.end).toBeGreaterThanOrEqual(target.start);
    expect(target.end).toBeLessThanOrEqual(textLength);
  }
}

/** Checks the invariants every parse must satisfy, whatever the input. */
function assertPlanShape(plan: ParsedPlan): void {
  expect(typeof plan.title).toBe("string");
  expect(plan.year === null || Number.isInteger(plan.year)).toBe(true);
  expect(plan.unitName === null || typeof plan.unitName === "string").toBe(true);
  expect(typeof plan.preamble).toBe("string");
  expect(typeof plan.normalizedText).toBe("string");
  expect(plan.warnings.every((w) => typeof w === "string")).toBe(true);
  for (const target of plan.unassignedTargets) assertTargetShape(target, plan.normalizedText.length);
  for (const section of plan.sections) {
    expect(typeof section.number).toBe("string");
    expect(typeof section.title).toBe("string");
    for (const point of section.points) {
      expect(Number.isInteger(point.number) && point.number > 0).toBe(true);
      expect(typeof point.title).toBe("string");
      expect(typeof point.text).toBe("string");
      expect(point.leadOffice === null || typeof point.leadOffice === "string").toBe(true);
      expect(Array.isArray(point.supportOffices)).toBe(true);
      expect(point.deadline === null || ISO_DATE_RE.test(point.deadline)).toBe(true);
      expect(typeof point.deadlineText).toBe("string");
      expect(point.responsible === null || typeof point.responsible === "string").toBe(true);
      for (const target of point.targets) assertTargetShape(target, plan.normalizedText.length);
    }
  }
}

describe("parsePlanText never throws and always returns a well-formed plan", () => {
  it("on arbitrary Unicode (including lone surrogates and control characters)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        assertPlanShape(parsePlanText(text));
      }),
      { numRuns: 300 },
    );
  });

  it("on mixes of plan lines and tricky fragments", () => {
    fc.assert(
      fc.property(planText, fc.option(fc.integer({ min: -5, max: 3000 }), { nil: undefined }), (text, defaultYear) => {
        assertPlanShape(parsePlanText(text, { defaultYear }));
      }),
      { numRuns: 300 },
    );
  });

  it("on values that are not strings (defensive: JS callers)", () => {
    for (const value of [undefined, null, 42, {}, []]) {
      assertPlanShape(parsePlanText(value as unknown as string));
    }
  });
});

// Speed is measured by `npm run bench` (plan_parse_100kb_ms); these only prove that big inputs finish.
describe("large inputs", () => {
  it("parses ~100 KB (the fixture repeated) ", () => {
    const big = fixtureText.repeat(Math.ceil(100_000 / fixtureText.length));
    expect(big.length).toBeGreaterThanOrEqual(100_000);
    const plan = parsePlanText(big);
    assertPlanShape(plan);
    expect(allSectionsCount(plan)).toBeGreaterThan(3);
  });

  it("parses a 100 KB line without punctuation or line breaks", () => {
    assertPlanShape(parsePlanText("全年组织专题学习不少于4次".repeat(8000)));
    assertPlanShape(parsePlanText("（".repeat(100_000)));
    assertPlanShape(parsePlanText("牵头科室：".repeat(20_000)));
    assertPlanShape(parsePlanText("1.".repeat(50_000)));
  });
});

function allSectionsCount(plan: ParsedPlan): number {
  return plan.sections.length;
}
