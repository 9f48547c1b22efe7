import { describe, expect, it } from "vitest";
import { planFromDocument } from "../import-document";
import type { GridCell, SourceBlock, SourceDocument } from "../readers/document";
import { detectColumns, roleOfHeader } from "./columns";

/** Rows in a compact notation: "<" = merged from the left, "^" = merged from above. */
function grid(rows: string[][]): GridCell[][] {
  return rows.map((row) => row.map((text) => (text === "<" ? { text: "", mergedFrom: "left" as const } : text === "^" ? { text: "", mergedFrom: "above" as const } : { text })));
}

function doc(blocks: SourceBlock[]): SourceDocument {
  return { format: "docx", blocks, warnings: [] };
}

const para = (text: string): SourceBlock => ({ kind: "paragraph", text });
const table = (rows: string[][], extra: Partial<Extract<SourceBlock, { kind: "table" }>> = {}): SourceBlock => ({ kind: "table", rows: grid(rows), ...extra });

const HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"];

describe("roleOfHeader", () => {
  it.each([
    ["序号", "number"], ["序 号", "number"], ["编号", "number"],
    ["重点任务", "task"], ["工作任务", "task"], ["任务内容", "task"], ["工作要点", "task"],
    ["具体措施", "measures"], ["工作措施", "measures"], ["目标要求", "measures"], ["具体工作措施及目标", "measures"],
    ["牵头单位", "lead"], ["牵头科室", "lead"], ["责任单位", "lead"], ["责任部门", "lead"], ["责任\n科室", "lead"],
    ["配合单位", "support"], ["协办单位", "support"], ["配合科室", "support"],
    ["完成时限", "deadline"], ["时间节点", "deadline"], ["完成时间", "deadline"],
    ["责任人", "responsible"], ["分管领导", "responsible"],
    ["备注", "note"], ["类别", "section"],
    ["2025年", null], ["", null], ["深入学习习近平法治思想", null],
  ])("%s → %s", (text, role) => {
    expect(roleOfHeader(text)).toBe(role);
  });
});

describe("detectColumns", () => {
  it("finds the header below a title row and reads a two-row header", () => {
    const rows = grid([
      ["2025年法治建设工作任务分解表", "<", "<", "<", "<"],
      ["序号", "工作任务", "责任分工", "<", "完成时限"],
      ["^", "^", "牵头科室", "配合科室", "^"],
      ["1", "学习", "综合科", "研究室", "6月底前"],
    ]);
    expect(detectColumns(rows)).toEqual({
      headerRow: 2,
      roles: ["number", "task", "lead", "support", "deadline"],
      headers: ["序号", "工作任务", "牵头科室", "配合科室", "完成时限"],
    });
  });

  it("refuses to guess when no header names the task", () => {
    expect(detectColumns(grid([["1", "学习", "综合科"], ["2", "培训", "研究室"]]))).toBeNull();
  });
});

describe("planFromDocument: task tables", () => {
  it("reads sections, vertical merges, repeated headers and offices", () => {
    const result = planFromDocument(
      doc([
        para("市政协办公室2025年机关法治建设工作要点任务分解表"),
        table([
          HEADER,
          ["一、强化法治思想引领", "<", "<", "<", "<", "<"],
          ["1", "深入学习习近平法治思想", "制定学习计划。", "综合科", "各科室", "3月底前"],
          ["^", "^", "全年组织专题学习不少于4次。", "综合科", "研究室", "年底前"],
          ["2", "开展法治思想专题培训", "举办专题培训班不少于1期，培训人数不少于200人次。", "人事科", "", "10月底前"],
          HEADER,
          ["二、完善法治建设制度体系", "<", "<", "<", "<", "<"],
          ["3", "健全政协履职工作制度", "修订完善履职工作制度。", "研究室", "综合科、提案科", "第三季度"],
        ], { headerRows: [0] }),
      ]),
    );
    const { plan, info } = result;
    expect(info.mode).toBe("table");
    expect(info.tables[0]?.roles).toEqual(["number", "task", "measures", "lead", "support", "deadline"]);
    expect(plan.year).toBe(2025);
    expect(plan.sections.map((s) => [s.number, s.title, s.points.length])).toEqual([
      ["一", "强化法治思想引领", 2],
      ["二", "完善法治建设制度体系", 1],
    ]);
    const [p1, p2] = plan.sections[0]!.points;
    expect(p1).toMatchObject({
      number: 1,
      title: "深入学习习近平法治思想",
      text: "制定学习计划。\n全年组织专题学习不少于4次。",
      leadOffice: "综合科",
      supportOffices: ["各科室", "研究室"],
      deadlineText: "3月底前；年底前",
      deadline: "2025-12-31",
    });
    expect(p1!.targets.map((t) => [t.subject, t.value, t.unit])).toEqual([["专题学习", 4, "次"]]);
    expect(p2!.targets.map((t) => [t.subject, t.value, t.unit])).toEqual([["专题培训班", 1, "期"], ["培训人数", 200, "人次"]]);
    const p3 = plan.sections[1]!.points[0]!;
    expect([p3.leadOffice, p3.supportOffices, p3.deadline]).toEqual(["研究室", ["综合科", "提案科"], "2025-09-30"]);
    // Target offsets point into normalizedText.
    const t = p1!.targets[0]!;
    expect(plan.normalizedText.slice(t.start, t.end)).toContain("4次");
  });

  it("reads section rows written as a Chinese numeral in the 序号 column", () => {
    const { plan } = planFromDocument(doc([table([
      ["序号", "工作要点", "责任科室", "时间节点"],
      ["一", "强化法治思想引领", "", ""],
      ["1", "深入学习习近平法治思想。全年组织专题学习不少于4次。", "综合科", "全年"],
      ["二", "推进依法履职", "", ""],
      ["2", "依法开展政治协商", "研究室", "年底前"],
    ])]), { defaultYear: 2026 });
    expect(plan.sections.map((s) => [s.number, s.title, s.points.map((p) => p.title)])).toEqual([
      ["一", "强化法治思想引领", ["深入学习习近平法治思想"]],
      ["二", "推进依法履职", ["依法开展政治协商"]],
    ]);
    expect(plan.sections[0]!.points[0]!.deadline).toBe("2026-12-31");
  });

  it("treats a task column merged over several numbered rows as the category", () => {
    const { plan } = planFromDocument(doc([table([
      ["序号", "重点任务", "具体措施", "牵头单位"],
      ["1", "强化法治思想引领", "深入学习习近平法治思想。全年组织专题学习不少于4次。", "综合科"],
      ["2", "^", "加强法治思想宣传教育。", "宣传科"],
      ["3", "完善制度体系", "健全政协履职工作制度。", "研究室"],
    ])]));
    expect(plan.sections.map((s) => [s.title, s.points.map((p) => [p.number, p.title, p.leadOffice])])).toEqual([
      ["强化法治思想引领", [[1, "深入学习习近平法治思想", "综合科"], [2, "加强法治思想宣传教育", "宣传科"]]],
      ["完善制度体系", [[3, "健全政协履职工作制度", "研究室"]]],
    ]);
  });

  it("continues a row split by a page break and a table whose header is not repeated", () => {
    const { plan } = planFromDocument(doc([
      table([HEADER, ["1", "加强法治宣传", "充分利用政协网站、微信等宣传阵地，开设法治", "宣传科", "", "全年"]], { page: 1 }),
      table([["", "", "建设专栏。", "", "", ""], ["2", "开展培训", "培训人数不少于200人次。", "人事科", "", "年底前"]], { page: 2 }),
    ]), { defaultYear: 2025 });
    const points = plan.sections.flatMap((s) => s.points);
    expect(points.map((p) => [p.number, p.text])).toEqual([
      [1, "充分利用政协网站、微信等宣传阵地，开设法治建设专栏。"],
      [2, "培训人数不少于200人次。"],
    ]);
  });

  it("numbers points itself when the table has no 序号 column; first office leads without a 配合 column", () => {
    const { plan } = planFromDocument(doc([table([
      ["工作任务", "责任单位", "完成时间"],
      ["深入学习习近平法治思想", "综合科、研究室", "2025年6月30日"],
      ["依法开展政治协商", "研究室", "年底前"],
    ])]), { defaultYear: 2025 });
    const points = plan.sections.flatMap((s) => s.points);
    expect(points.map((p) => [p.number, p.title, p.leadOffice, p.supportOffices, p.deadline])).toEqual([
      [1, "深入学习习近平法治思想", "综合科", ["研究室"], "2025-06-30"],
      [2, "依法开展政治协商", "研究室", [], "2025-12-31"],
    ]);
    expect(plan.warnings.join()).toContain("第一个作为牵头科室");
  });

  it("asks for a mapping when the header is not recognised, and reads the table with one", () => {
    const rows = [
      ["1", "深入学习习近平法治思想", "综合科", "6月底前"],
      ["2", "依法开展政治协商", "研究室", "年底前"],
    ];
    const unmapped = planFromDocument(doc([table(rows)]), { defaultYear: 2025 });
    expect(unmapped.info.needsMapping).toBe(true);
    expect(unmapped.info.tables[0]?.source).toBe("none");
    expect(unmapped.plan.sections.flatMap((s) => s.points)).toHaveLength(0);

    const mapped = planFromDocument(doc([table(rows)]), { defaultYear: 2025, mapping: { columns: ["number", "task", "lead", "deadline"], headerRow: -1 } });
    expect(mapped.info.needsMapping).toBe(false);
    expect(mapped.info.tables[0]?.source).toBe("chosen");
    expect(mapped.plan.sections.flatMap((s) => s.points).map((p) => [p.title, p.leadOffice, p.deadline])).toEqual([
      ["深入学习习近平法治思想", "综合科", "2025-06-30"],
      ["依法开展政治协商", "研究室", "2025-12-31"],
    ]);
  });

  it("enriches the points of a plan text from its annex table instead of duplicating them", () => {
    const { plan, info } = planFromDocument(doc([
      para("市政协办公室2025年机关法治建设工作要点"),
      para("一、强化法治思想引领"),
      para("1.深入学习习近平法治思想。全年组织专题学习不少于4次。"),
      para("2.开展法治思想专题培训。培训人数不少于200人次。"),
      para("附件：任务分解表"),
      table([
        ["序号", "工作任务", "牵头科室", "配合科室", "完成时限", "备注"],
        ["1", "深入学习习近平法治思想", "综合科", "研究室", "年底前", ""],
        ["2", "开展法治思想专题培训", "人事科", "", "10月底前", "举办专题培训班不少于1期"],
      ]),
    ]));
    expect(info.mode).toBe("text+table");
    const points = plan.sections.flatMap((s) => s.points);
    expect(points).toHaveLength(2);
    expect(points.map((p) => [p.leadOffice, p.supportOffices, p.deadline])).toEqual([
      ["综合科", ["研究室"], "2025-12-31"],
      ["人事科", [], "2025-10-31"],
    ]);
    expect(points[1]!.targets.map((t) => [t.subject, t.value])).toEqual([["培训人数", 200], ["专题培训班", 1]]);
  });

  it("opens sections from heading paragraphs written between tables", () => {
    const { plan } = planFromDocument(doc([
      para("一、强化法治思想引领"),
      table([["序号", "重点任务", "牵头单位"], ["1", "深入学习习近平法治思想", "综合科"]]),
      para("二、推进依法履职"),
      table([["序号", "重点任务", "牵头单位"], ["2", "依法开展政治协商", "研究室"]]),
    ]), { defaultYear: 2025 });
    expect(plan.sections.map((s) => [s.number, s.title, s.points.map((p) => p.number)])).toEqual([
      ["一", "强化法治思想引领", [1]],
      ["二", "推进依法履职", [2]],
    ]);
  });
});

describe("planFromDocument: frames and odd headers", () => {
  it("reads a one-column table as the paragraphs it frames", () => {
    const { plan, info } = planFromDocument(doc([table([["一、强化法治思想引领\n1.深入学习习近平法治思想。全年组织专题学习不少于4次。"]])]), { defaultYear: 2025 });
    expect(info.mode).toBe("text");
    expect(plan.sections.flatMap((s) => s.points).map((p) => p.targets.map((t) => t.value))).toEqual([[4]]);
  });

  it.each([["责任处（室）"], ["牵头"], ["责任主体"]])("takes %s as the lead column", (header) => {
    expect(roleOfHeader(header)).toBe("lead");
  });
});

describe("planFromDocument: more layouts seen in 分解表", () => {
  it("reads a section title written alone in the task column of a numbered table", () => {
    const { plan } = planFromDocument(doc([table([
      ["序号", "重点任务", "责任单位", "完成时限"],
      ["", "强化法治思想引领", "", ""],
      ["1", "深入学习习近平法治思想", "综合科", "全年"],
      ["", "推进依法履职", "", ""],
      ["2", "依法开展政治协商", "研究室", "年底前"],
    ])]), { defaultYear: 2025 });
    expect(plan.sections.map((s) => [s.title, s.points.map((p) => p.number)])).toEqual([["强化法治思想引领", [1]], ["推进依法履职", [2]]]);
  });

  it.each([
    ["牵头：综合科\n配合：研究室、人事科", "综合科", ["研究室", "人事科"]],
    ["综合科（牵头）、研究室", "综合科", ["研究室"]],
    ["牵头单位：综合科；配合单位：研究室", "综合科", ["研究室"]],
  ])("reads offices from a 责任单位 cell written as %j", (cellText, lead, support) => {
    const { plan } = planFromDocument(doc([table([["序号", "工作任务", "责任单位"], ["1", "深入学习习近平法治思想", cellText]])]), { defaultYear: 2025 });
    const point = plan.sections[0]!.points[0]!;
    expect([point.leadOffice, point.supportOffices]).toEqual([lead, support]);
    expect(plan.warnings.filter((w) => w.includes("多个牵头科室"))).toEqual([]);
  });
});

describe("planFromDocument: numbering and category columns", () => {
  it("takes （1） numbers as points, and 1.1 sub-numbers as more measures of the point above", () => {
    const paren = planFromDocument(doc([table([["序号", "重点任务"], ["（1）", "深入学习习近平法治思想"], ["（2）", "依法开展政治协商"]])]), { defaultYear: 2025 });
    expect(paren.plan.sections.flatMap((s) => s.points).map((p) => [p.number, p.title])).toEqual([[1, "深入学习习近平法治思想"], [2, "依法开展政治协商"]]);
    const sub = planFromDocument(doc([table([["序号", "重点任务", "具体措施"], ["1", "深入学习习近平法治思想", "制定计划。"], ["1.1", "", "组织专题学习不少于4次。"], ["2", "依法开展政治协商", "完善规则。"]])]), { defaultYear: 2025 });
    expect(sub.plan.sections.flatMap((s) => s.points).map((p) => [p.number, p.text])).toEqual([[1, "制定计划。\n组织专题学习不少于4次。"], [2, "完善规则。"]]);
  });

  it("opens a section whenever the 类别 column (merged down) changes", () => {
    const { plan } = planFromDocument(doc([table([
      ["类别", "序号", "重点任务", "牵头单位"],
      ["一、强化法治思想引领", "1", "深入学习习近平法治思想", "综合科"],
      ["^", "2", "加强法治思想宣传教育", "研究室"],
      ["二、完善制度体系", "3", "健全政协履职工作制度", "研究室"],
    ])]), { defaultYear: 2025 });
    expect(plan.sections.map((s) => [s.number, s.title, s.points.map((p) => p.number)])).toEqual([
      ["一", "强化法治思想引领", [1, 2]],
      ["二", "完善制度体系", [3]],
    ]);
  });
});
