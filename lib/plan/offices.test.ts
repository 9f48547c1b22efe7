import { describe, expect, it } from "vitest";
import { endsWithLabelGroup, findLabelSpans, parseLabels, removeSpans, startsWithLabel } from "./offices";

describe("parseLabels", () => {
  it.each([
    ["牵头科室：机关党委；配合科室：综合科、人事科", { leadOffices: ["机关党委"], supportOffices: ["综合科", "人事科"], responsible: null, deadlineText: null }],
    ["牵头单位：综合科；配合单位：研究室，提案委", { leadOffices: ["综合科"], supportOffices: ["研究室", "提案委"], responsible: null, deadlineText: null }],
    ["责任科室：人事科 责任人：张三 完成时限：6月底前", { leadOffices: ["人事科"], supportOffices: [], responsible: "张三", deadlineText: "6月底前" }],
    ["责任单位：办公室；完成时限：2026年6月底前。", { leadOffices: ["办公室"], supportOffices: [], responsible: null, deadlineText: "2026年6月底前" }],
    ["完成时限：全年", { leadOffices: [], supportOffices: [], responsible: null, deadlineText: "全年" }],
    ["牵头科室：综合科、机关党委；配合科室：机关党委、信息科等", { leadOffices: ["综合科", "机关党委"], supportOffices: ["信息科"], responsible: null, deadlineText: null }],
  ] as const)("%s", (text, expected) => {
    expect(parseLabels([text])).toEqual(expected);
  });
});

describe("findLabelSpans / removeSpans", () => {
  it.each([
    ["全年组织专题学习不少于4次。（牵头科室：综合科；完成时限：6月底前）", "全年组织专题学习不少于4次。", ["（牵头科室：综合科；完成时限：6月底前）"]],
    ["全年组织专题学习不少于4次。牵头科室：综合科；完成时限：6月底前", "全年组织专题学习不少于4次。", ["牵头科室：综合科；完成时限：6月底前"]],
    ["（一）加强学习（牵头科室：综合科）。全年学习。", "（一）加强学习。全年学习。", ["（牵头科室：综合科）"]],
    ["明确责任人和完成时限，加强跟踪督办。", "明确责任人和完成时限，加强跟踪督办。", []],
    ["制定《XX市政协办公室法治建设工作制度》（试行）。", "制定《XX市政协办公室法治建设工作制度》（试行）。", []],
  ] as const)("%s", (paragraph, cleaned, labelTexts) => {
    const spans = findLabelSpans(paragraph);
    expect(spans.map((span) => paragraph.slice(span.start, span.end))).toEqual(labelTexts);
    expect(removeSpans(paragraph, spans)).toBe(cleaned);
  });
});

describe("startsWithLabel", () => {
  it.each([
    ["牵头科室：机关党委", true],
    ["（牵头科室：综合科；完成时限：6月底前）", true],
    ["完成时限 ：年底前", true],
    ["责任人：张三", true],
    ["牵头抓总，统筹协调", false],
    ["明确完成时限", false],
  ] as Array<[string, boolean]>)("%s → %s", (line, expected) => {
    expect(startsWithLabel(line)).toBe(expected);
  });
});

describe("endsWithLabelGroup", () => {
  it.each([
    ["每年培训一次。（牵头科室：人事科；完成时限：6月底前）", true],
    ["（完成时限：年底前）", true],
    ["制定《工作制度》（试行）", false],
    ["每年培训一次。", false],
  ] as Array<[string, boolean]>)("%s → %s", (line, expected) => {
    expect(endsWithLabelGroup(line)).toBe(expected);
  });
});
