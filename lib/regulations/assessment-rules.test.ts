import { describe, expect, it } from "vitest";
import {
  BEFORE_EFFECTIVE_MESSAGE,
  FUTURE_DATE_MESSAGE,
  NONE_WITH_RECTIFICATION_MESSAGE,
  RECTIFICATION_REQUIRED_MESSAGE,
  RECTIFIED_BEFORE_ASSESSED_MESSAGE,
  RECTIFIED_FUTURE_MESSAGE,
  RECTIFIED_ON_NOT_DONE_MESSAGE,
  RECTIFIED_ON_REQUIRED_MESSAGE,
  assessmentErrors,
  assessmentEvidenceLine,
  nextLastReviewedOn,
  type RectificationStatus,
} from "./assessment-rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = d("2026-06-20");
const EFFECTIVE = d("2025-03-01");

describe("assessmentErrors", () => {
  it.each<[string, string, string, RectificationStatus, string | null, Record<string, string>]>([
    ["no rectification needed", "2026-06-10", "", "NONE", null, {}],
    ["rectification under way", "2026-06-10", "用印审批单补签", "OPEN", null, {}],
    ["rectified on a later day", "2026-06-10", "用印审批单补签", "DONE", "2026-06-15", {}],
    ["rectified the same day, assessed today", "2026-06-20", "补登记", "DONE", "2026-06-20", {}],
    ["assessed on the effective day", "2025-03-01", "", "NONE", null, {}],
    ["a future assessment date", "2026-06-21", "", "NONE", null, { assessedOn: FUTURE_DATE_MESSAGE }],
    ["before the rule took effect", "2025-02-28", "", "NONE", null, { assessedOn: BEFORE_EFFECTIVE_MESSAGE }],
    ["无需整改 with a rectification text", "2026-06-10", "补签", "NONE", null, { rectificationStatus: NONE_WITH_RECTIFICATION_MESSAGE }],
    ["整改中 without a text", "2026-06-10", "  ", "OPEN", null, { rectification: RECTIFICATION_REQUIRED_MESSAGE }],
    ["已整改 without a date", "2026-06-10", "补签", "DONE", null, { rectifiedOn: RECTIFIED_ON_REQUIRED_MESSAGE }],
    ["已整改 before the assessment", "2026-06-10", "补签", "DONE", "2026-06-09", { rectifiedOn: RECTIFIED_BEFORE_ASSESSED_MESSAGE }],
    ["已整改 in the future", "2026-06-10", "补签", "DONE", "2026-06-21", { rectifiedOn: RECTIFIED_FUTURE_MESSAGE }],
    ["a completion date while 整改中", "2026-06-10", "补签", "OPEN", "2026-06-12", { rectifiedOn: RECTIFIED_ON_NOT_DONE_MESSAGE }],
    ["a completion date with 无需整改", "2026-06-10", "", "NONE", "2026-06-12", { rectifiedOn: RECTIFIED_ON_NOT_DONE_MESSAGE }],
  ])("%s", (_label, assessedOn, rectification, rectificationStatus, rectifiedOn, expected) => {
    expect(
      assessmentErrors({ assessedOn: d(assessedOn), rectification, rectificationStatus, rectifiedOn: rectifiedOn ? d(rectifiedOn) : null }, { today: TODAY, effectiveOn: EFFECTIVE }),
    ).toEqual(expected);
  });

  it("accepts any past date when the rule has no effective date", () => {
    expect(assessmentErrors({ assessedOn: d("2001-01-01"), rectification: "", rectificationStatus: "NONE", rectifiedOn: null }, { today: TODAY, effectiveOn: null })).toEqual({});
  });
});

describe("nextLastReviewedOn", () => {
  it.each<[string | null, string, string]>([
    [null, "2026-06-10", "2026-06-10"],
    ["2025-01-01", "2026-06-10", "2026-06-10"],
    ["2026-07-01", "2026-06-10", "2026-07-01"],
    ["2026-06-10", "2026-06-10", "2026-06-10"],
  ])("from %s with an assessment on %s → %s", (current, assessed, expected) => {
    expect(nextLastReviewedOn(current ? d(current) : null, d(assessed)).toISOString().slice(0, 10)).toBe(expected);
  });
});

describe("assessmentEvidenceLine", () => {
  const base = { assessedOn: d("2026-06-10"), officeName: "综合科", method: "SELF", title: "XX市政协办公室印章管理规定", findings: "2份用印审批单缺少分管领导签字。" };
  it.each([
    [{ rectification: "", rectificationStatus: "NONE", rectifiedOn: null }, "2026年6月10日 综合科 自查《XX市政协办公室印章管理规定》，发现问题：2份用印审批单缺少分管领导签字，无需整改。"],
    [{ rectification: "补签并重新培训。", rectificationStatus: "OPEN", rectifiedOn: null }, "2026年6月10日 综合科 自查《XX市政协办公室印章管理规定》，发现问题：2份用印审批单缺少分管领导签字，整改情况：补签并重新培训（整改中）。"],
    [{ rectification: "补签", rectificationStatus: "DONE", rectifiedOn: d("2026-06-30") }, "2026年6月10日 综合科 自查《XX市政协办公室印章管理规定》，发现问题：2份用印审批单缺少分管领导签字，整改情况：补签（2026年6月30日已整改）。"],
  ])("%j", (rect, expected) => {
    expect(assessmentEvidenceLine({ ...base, ...rect })).toBe(expected);
  });
});
