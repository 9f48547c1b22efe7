import { describe, expect, it } from "vitest";
import { doubledWords, gluedVerbs, normalizeQuotes, quoteViolations, shortTitle, titleAsPredicate } from "./wording";
import { entryOutcome, parseParticipants, recordedQuantities } from "./quantities";
import { placeholdersIn } from "./gaps";
import { deadlinePhrase } from "./draft-outlook";

describe("normalizeQuotes / quoteViolations", () => {
  it.each([
    ["依法开展‘参政议政’", "依法开展“参政议政”"],
    ['落实"谁执法谁普法"责任制', "落实“谁执法谁普法”责任制"],
    ["围绕“做好“12·4”宣传”开展", "围绕“做好‘12·4’宣传”开展"],
    ["“未闭合", "“未闭合”"],
    ["多余”右引号", "多余右引号"],
  ])("%s → %s", (input, output) => {
    expect(normalizeQuotes(input)).toBe(output);
    expect(quoteViolations(output)).toEqual([]);
  });

  it.each(["‘依法开展参政议政’", "“外“内”外”", "“未闭合"])("flags %s", (text) => {
    expect(quoteViolations(text).length).toBeGreaterThan(0);
  });
});

describe("titleAsPredicate", () => {
  it.each([
    ["法治建设专题协商会", undefined, "召开法治建设专题协商会"],
    ["习近平法治思想专题培训班（第一期）", undefined, "举办习近平法治思想专题培训班（第一期）"],
    ["邀请法律专家参与专题协商", undefined, "邀请法律专家参与专题协商"],
    ["政协网站开设法治建设专栏", undefined, "政协网站开设法治建设专栏"],
    ["制度信息化管理平台上线", undefined, "制度信息化管理平台上线"],
    ["法治政府建设专项民主监督", undefined, "开展法治政府建设专项民主监督"],
    ["专题学习：宪法和政协章程", undefined, "围绕“宪法和政协章程”组织专题学习"],
    ["专题学习：“12·4”国家宪法日主题学习", undefined, "围绕“‘12·4’国家宪法日主题学习”组织专题学习"],
    ["法治思想与政协履职", { verb: "开展", noun: "专题研讨" }, "围绕“法治思想与政协履职”开展专题研讨"],
    ["‘法治机关’创建", undefined, "开展“法治机关”创建"],
  ])("%s → %s", (title, form, expected) => {
    const predicate = titleAsPredicate(title, form);
    expect(predicate).toBe(expected);
    expect(doubledWords(predicate)).toEqual([]);
    expect(gluedVerbs(predicate)).toEqual([]);
  });
});

describe("doubledWords / gluedVerbs", () => {
  it.each([
    ["举办“习近平法治思想专题培训班（第一期）”培训班", true],
    ["开展“专题学习：宪法”专题研讨", true],
    ["组织专题学习学习", true],
    ["落实“谁执法谁普法”普法责任制", false],
    ["围绕“学习宪法”组织专题学习", false],
    ["层层压实责任", false],
  ])("%s doubled: %s", (text, doubled) => {
    expect(doubledWords(text).length > 0).toBe(doubled);
  });

  it.each([["开展邀请法律专家参与专题协商", 1], ["组织召开专题会议", 0], ["开展专项监督", 0]])("%s glued: %i", (text, n) => {
    expect(gluedVerbs(text)).toHaveLength(n);
  });
});

describe("quantities", () => {
  it.each([
    ["围绕优化法治化营商环境开展专题协商，形成建议12条。", "", ["形成建议12条"], null],
    ["开展宪法宣传、法律咨询，发放宣传资料500余份。", "", ["发放宣传资料500余份"], null],
    ["组织机关干部62人参加，围绕宪法开展学习交流。", "", [], 62],
    ["2025年3月召开会议。", "45人", [], 45],
    ["就2部地方性法规草案提出修改意见15条。", "", ["就2部地方性法规草案提出修改意见15条"], null],
    ["分三批次进行。", "机关干部", [], null],
  ])("%s", (description, participants, clauses, attendance) => {
    const outcome = entryOutcome({ description, participants });
    expect(outcome.clauses).toEqual(clauses);
    expect(outcome.attendance).toBe(attendance);
  });

  it("counts every number with a unit, never dates", () => {
    expect(recordedQuantities({ description: "2025年6月，就2部草案提出意见15条，组织30人参加。", participants: "" }).map((q) => q.text)).toEqual(["2部", "15条", "30人次"]);
    expect(parseParticipants("约60人")).toBe(60);
    expect(parseParticipants("委员")).toBeNull();
  });
});

describe("placeholders and deadlines", () => {
  it.each([
    ["（请补充：原因分析）与待补充", ["（请补充：原因分析）", "待补充"]],
    ["具体情况待完善。", ["待完善"]],
    ["无。", []],
    ["（待补充）", ["（待补充）"]],
  ])("%s", (text, expected) => {
    expect(placeholdersIn(text)).toEqual(expected);
  });

  it.each([
    ["2025-06-30", "6月30日前"],
    ["2025-12-31", null],
    ["6月底前", "6月底前"],
    ["三季度", "三季度前"],
    ["全年", null],
    [null, null],
  ])("deadline %s → %s", (deadline, phrase) => {
    expect(deadlinePhrase(deadline)).toBe(phrase);
  });

  it("keeps the first clause of a long point title", () => {
    expect(shortTitle("深入学习宣传习近平法治思想，把学习贯彻引向深入。")).toBe("深入学习宣传习近平法治思想");
  });
});
