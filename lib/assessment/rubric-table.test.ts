import { describe, expect, it } from "vitest";
import { cell, type GridCell, type SourceDocument } from "@/lib/plan/readers/document";
import { NEEDS_POINTS_MESSAGE, NO_RUBRIC_TABLE_MESSAGE, parsePoints, RubricNeedsPointsColumn, rubricFromDocument, splitTitle } from "./rubric-table";

const up = () => cell("", "above");
const left = () => cell("", "left");
const c = (t: string) => cell(t);
const doc = (...tables: GridCell[][][]): SourceDocument => ({ format: "docx", blocks: tables.map((rows) => ({ kind: "table" as const, rows })), warnings: [] });
const brief = (rows: ReturnType<typeof rubricFromDocument>["rows"]) => rows.map((r) => `${r.level}|${r.title}|${r.points ?? ""}`);

describe("parsePoints and splitTitle", () => {
  it.each([["2", 2], ["2分", 2], ["2.5 分", 2.5], ["２", 2], ["", null]] as const)("%s", (text, n) => expect(parsePoints(text)).toBe(n));
  it("reports text that is no number", () => expect(parsePoints("酌情")).toBeNaN());
  it.each([
    ["一、依法决策（20分）", "依法决策", 20],
    ["（二）合法性审核", "合法性审核", null],
    ["1.建立台账", "建立台账", null],
    ["学法制度(共10分)", "学法制度", 10],
  ] as const)("%s", (text, title, subtotal) => expect(splitTitle(text)).toEqual({ title, subtotal }));
});

describe("rubricFromDocument", () => {
  it("three level columns with merged cells, the points on the leaves", () => {
    const rows = [
      [c("一级指标"), c("二级指标"), c("三级指标"), c("评分标准"), c("分值")],
      [c("一、党政主要负责人履职（6分）"), c("学法"), c("会前学法"), c("全年会前学法不少于4次，每少一次扣0.5分"), c("2")],
      [up(), up(), c("中心组学法"), c("未开展不得分"), c("2")],
      [up(), c("述法"), c("年终述法"), c("按完成比例计分"), c("2分")],
      [c("二、依法决策"), c("合法性审核"), c("重大决策合法性审核"), c("未审核不得分"), c("3")],
      [c("合计"), left(), left(), c(""), c("9")],
    ];
    const parsed = rubricFromDocument(doc(rows));
    expect(brief(parsed.rows)).toEqual(["1|党政主要负责人履职|6", "2|学法|", "3|会前学法|2", "3|中心组学法|2", "2|述法|", "3|年终述法|2", "1|依法决策|", "2|合法性审核|", "3|重大决策合法性审核|3"]);
    expect(parsed.total).toBe(9);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.rows[2]).toMatchObject({ rule: "DEDUCTION", deduction: 0.5 });
    expect(parsed.rows[3]).toMatchObject({ rule: "ALL_OR_NOTHING" });
    expect(parsed.rows[5]).toMatchObject({ rule: "PROPORTIONAL" });
  });

  it("考核内容 under a merged 二级 cell is a level of its own; empty cells count as merged", () => {
    const rows = [
      [c("序号"), c("考核项目"), c("考核内容"), c("分值（分）"), c("评分细则")],
      [c("1"), c("制度建设"), c("建立法治建设工作台账"), c("2"), c("建立法治建设工作台账，2 分；未建立不得分")],
      [c(""), c(""), c("制定年度工作要点"), c("1"), c("未制定不得分")],
      [c("2"), c("学法用法"), c("组织专题学习"), c("3"), c("每少一次扣1分")],
    ];
    const parsed = rubricFromDocument(doc(rows));
    expect(brief(parsed.rows)).toEqual(["1|制度建设|", "2|建立法治建设工作台账|2", "2|制定年度工作要点|1", "1|学法用法|", "2|组织专题学习|3"]);
    expect(parsed.total).toBe(6);
  });

  it("考核内容 beside one level per row is the leaf's text", () => {
    const rows = [
      [c("考核指标"), c("考核内容"), c("评分标准"), c("分值")],
      [c("法治学习"), c("领导干部学法"), c("未开展不得分"), c("2")],
      [c("法治宣传"), c("开展宪法宣传周活动"), c("未开展不得分"), c("1")],
    ];
    const parsed = rubricFromDocument(doc(rows));
    expect(brief(parsed.rows)).toEqual(["1|法治学习|2", "1|法治宣传|1"]);
    expect(parsed.rows[0]!.content).toBe("领导干部学法");
  });

  it("heading rows across the table open top-level indicators; a two-row header; the header repeated on the next page", () => {
    const header1 = [c("考核指标"), left(), c("评分标准"), c("分值")];
    const header2 = [c("一级指标"), c("二级指标"), up(), up()];
    const rows = [header1, header2, [c("一、依法履职"), left(), left(), left()], [c("决策"), c("合法性审核"), c("未审核不得分"), c("2")]];
    const page2 = [[c("一级指标"), c("二级指标"), c("评分标准"), c("分值")], [c("监督"), c("接受监督"), c("酌情"), c("1")]];
    const parsed = rubricFromDocument(doc(rows, page2));
    expect(brief(parsed.rows)).toEqual(["1|依法履职|", "2|决策|", "3|合法性审核|2", "2|监督|", "3|接受监督|1"]);
  });

  it("warns about a leaf without 分值, text in the 分值 column and subtotals that do not add up", () => {
    const rows = [
      [c("一级指标"), c("二级指标"), c("评分标准"), c("分值")],
      [c("学法（5分）"), c("会前学法"), c("不得分"), c("2")],
      [up(), c("中心组学法"), c("不得分"), c("酌情")],
    ];
    const parsed = rubricFromDocument(doc(rows));
    expect(parsed.warnings.join("\n")).toContain("第3行的分值“酌情”不是数字");
    expect(parsed.warnings.join("\n")).toContain("没有分值");
    expect(parsed.warnings.join("\n")).toContain("标明 5 分，其下各项分值合计 2 分");
  });

  it("asks for the 分值 column when the header names none, and reads it once chosen", () => {
    const rows = [[c("一级指标"), c("评分标准"), c("标准")], [c("台账"), c("未建立不得分"), c("2")]];
    expect(() => rubricFromDocument(doc(rows))).toThrow(NEEDS_POINTS_MESSAGE);
    try {
      rubricFromDocument(doc(rows));
    } catch (error) {
      expect(error).toBeInstanceOf(RubricNeedsPointsColumn);
      expect((error as RubricNeedsPointsColumn).headers).toEqual(["一级指标", "评分标准", "标准"]);
    }
    expect(brief(rubricFromDocument(doc(rows), { pointsColumn: 2 }).rows)).toEqual(["1|台账|2"]);
  });

  it("refuses a document without a rubric table", () => {
    expect(() => rubricFromDocument(doc([[c("序号"), c("重点任务"), c("牵头单位")], [c("1"), c("学习"), c("综合科")]]))).toThrow(NO_RUBRIC_TABLE_MESSAGE);
    expect(() => rubricFromDocument({ format: "docx", blocks: [{ kind: "paragraph", text: "考核" }], warnings: [] })).toThrow(NO_RUBRIC_TABLE_MESSAGE);
  });
});
