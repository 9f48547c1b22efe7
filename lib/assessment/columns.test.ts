import { describe, expect, it } from "vitest";
import { cell } from "@/lib/plan/readers/document";
import { detectRubricColumns, resolveRoles, rubricRoleOfHeader, type RubricRole } from "./columns";

const row = (...texts: string[]) => texts.map((t) => cell(t));

describe("rubricRoleOfHeader", () => {
  const cases: Array<[string, RubricRole | null]> = [
    ["序号", "number"],
    ["一级指标", "level1"],
    ["一级\n指标", "level1"],
    ["考核项目", "level1"],
    ["考核类别", "level1"],
    ["二级指标", "level2"],
    ["三级指标", "level3"],
    ["考核指标", "level"],
    ["指标名称", "level"],
    ["考核内容", "content"],
    ["考核要点", "content"],
    ["工作任务", "content"],
    ["评分标准", "criteria"],
    ["评分细则", "criteria"],
    ["计分方法", "criteria"],
    ["考核标准", "criteria"],
    ["评分办法", "criteria"],
    ["分值", "points"],
    ["分值（分）", "points"],
    ["分 值", "points"],
    ["标准分", "points"],
    ["分数", "points"],
    ["权重", "points"],
    ["自评得分", "ignore"],
    ["考核得分", "ignore"],
    ["扣分", "ignore"],
    ["扣分情况", "ignore"],
    ["备注", "note"],
    ["考核方式", "note"],
    ["佐证材料", "note"],
    ["", null],
    ["依法决策", null],
    ["2", null],
  ];
  it.each(cases)("%s → %s", (header, role) => expect(rubricRoleOfHeader(header)).toBe(role));
});

describe("resolveRoles", () => {
  it("generic 指标 columns take the next levels in column order", () => {
    expect(resolveRoles(["level", "level", "content", "points"])).toEqual(["level1", "level2", "content", "points"]);
    expect(resolveRoles(["level1", "level", "criteria"])).toEqual(["level1", "level2", "criteria"]);
  });
  it("a role named twice keeps the first column", () => {
    expect(resolveRoles(["level1", "content", "content", "points", "points"])).toEqual(["level1", "content", "ignore", "points", "ignore"]);
  });
});

describe("detectRubricColumns", () => {
  it("finds the header below a title row", () => {
    const m = detectRubricColumns([row("2026年度法治建设考核指标", "", "", ""), row("一级指标", "二级指标", "评分标准", "分值"), row("依法决策", "合法性审核", "未审核不得分", "2")]);
    expect(m).toMatchObject({ headerRow: 1, roles: ["level1", "level2", "criteria", "points"] });
  });
  it("takes the lower row of a two-row header", () => {
    const top = [cell("考核指标"), cell("", "left"), cell("分值"), cell("评分标准")];
    const bottom = [cell("一级指标"), cell("二级指标"), cell("", "above"), cell("", "above")];
    expect(detectRubricColumns([top, bottom, row("a", "b", "1", "c")])).toMatchObject({ headerRow: 1, roles: ["level1", "level2", "points", "criteria"] });
  });
  it("a table without 分值 still has a header (the 分值 is asked for later)", () => {
    expect(detectRubricColumns([row("考核项目", "考核内容", "评分标准"), row("a", "b", "c")])?.roles).toEqual(["level1", "content", "criteria"]);
  });
  it("a task table (任务分解表) is not a rubric", () => {
    expect(detectRubricColumns([row("序号", "重点任务", "牵头单位", "完成时限"), row("1", "学习", "综合科", "年底前")])).toBeNull();
  });
});
