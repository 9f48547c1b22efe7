import { describe, expect, it } from "vitest";
import { proposeScore, REASON_REQUIRED, scoreOutOfRange, scoreProblem, SCORE_TOO_PRECISE, suggestRule, type ScoreInput, type ScoreItem } from "./rules";

const item = (done: boolean, completion = done ? 1 : 0, label = "项"): ScoreItem => ({ label, done, completion });

describe("proposeScore", () => {
  const cases: Array<[string, ScoreInput, number | null, string]> = [
    ["all-or-nothing, all done", { rule: "ALL_OR_NOTHING", points: 2, items: [item(true), item(true)] }, 2, "全部完成，得满分 2 分"],
    ["all-or-nothing, one missing", { rule: "ALL_OR_NOTHING", points: 2, items: [item(true), item(false, 0.5, "要点8")] }, 0, "未完成：要点8，不得分"],
    ["proportional, half", { rule: "PROPORTIONAL", points: 3, items: [item(true), item(false, 0)] }, 1.5, "平均完成率 50%"],
    ["proportional, partial target", { rule: "PROPORTIONAL", points: 2, items: [item(false, 0.75, "专题学习 3/4 次")] }, 1.5, "2 × 75% = 1.5 分"],
    ["proportional, over-achievement capped", { rule: "PROPORTIONAL", points: 2, items: [item(true, 1.5)] }, 2, "100%"],
    ["proportional, thirds rounded", { rule: "PROPORTIONAL", points: 1, items: [item(true), item(false), item(false)] }, 0.33, "= 0.33 分"],
    ["deduction, one missing", { rule: "DEDUCTION", points: 2, deduction: 0.5, items: [item(true), item(false), item(true)] }, 1.5, "未完成 1 项 × 0.5 分，2 − 0.5 = 1.5 分"],
    ["deduction, floor at 0", { rule: "DEDUCTION", points: 1, deduction: 0.5, items: [item(false), item(false), item(false)] }, 0, "扣完为止"],
    ["deduction, none missing", { rule: "DEDUCTION", points: 4, deduction: 1, items: [item(true)] }, 4, "4 − 0 = 4 分"],
    ["deduction without amount", { rule: "DEDUCTION", points: 4, deduction: null, items: [item(true)] }, null, "未设每项扣分值"],
    ["manual", { rule: "MANUAL", points: 2, items: [item(true)] }, null, "人工评分"],
    ["nothing linked", { rule: "ALL_OR_NOTHING", points: 2, items: [] }, null, "未关联"],
    ["no 分值", { rule: "ALL_OR_NOTHING", points: 0, items: [item(true)] }, null, "未设分值"],
  ];
  it.each(cases)("%s", (_name, input, score, basis) => {
    const proposal = proposeScore(input);
    expect(proposal.score).toBe(score);
    expect(proposal.basis).toContain(basis);
  });
  it("never leaves 0..分值", () => {
    for (const rule of ["ALL_OR_NOTHING", "PROPORTIONAL", "DEDUCTION"] as const) {
      for (let n = 0; n < 6; n++) {
        const items = Array.from({ length: 5 }, (_, i) => item(i < n, i < n ? 1.2 : -0.3));
        const p = proposeScore({ rule, points: 3, deduction: 2, items });
        expect(p.score).not.toBeNull();
        expect(p.score!).toBeGreaterThanOrEqual(0);
        expect(p.score!).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe("scoreProblem", () => {
  const cases: Array<[number, number | null, string | null]> = [
    [0, 2, null],
    [2, 2, null],
    [1.25, 2, null],
    [2.5, 2, scoreOutOfRange(2)],
    [-0.5, 2, scoreOutOfRange(2)],
    [1.234, 2, SCORE_TOO_PRECISE],
    [Number.NaN, 2, "得分必须是数字"],
    [1, null, "该指标未设分值，不能评分"],
  ];
  it.each(cases)("%s of %s", (score, points, problem) => expect(scoreProblem(score, points)).toBe(problem));
  it("has a message for a missing reason", () => expect(REASON_REQUIRED).toContain("理由"));
});

describe("suggestRule", () => {
  const cases: Array<[string, string, number | null]> = [
    ["建立法治建设工作台账，2 分；未建立不得分", "ALL_OR_NOTHING", null],
    ["全年组织专题学习不少于4次，每少一次扣0.5分", "DEDUCTION", 0.5],
    ["每缺一项材料扣 1 分，扣完为止", "DEDUCTION", 1],
    ["按完成比例计分", "PROPORTIONAL", null],
    ["根据完成率计分", "PROPORTIONAL", null],
    ["视情况酌情扣分", "MANUAL", null],
  ];
  it.each(cases)("%s", (text, rule, deduction) => expect(suggestRule(text)).toEqual({ rule, deduction }));
});
