import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NO_STRUCTURE_WARNING, parsePlanText } from "./parse";
import type { ParsedPlan } from "./types";

const FIXTURE = path.resolve(__dirname, "../../tests/fixtures/rule-of-law-plan-2025.txt");

const allPoints = (plan: ParsedPlan) => plan.sections.flatMap((section) => section.points);
const allTargets = (plan: ParsedPlan) => allPoints(plan).flatMap((point) => point.targets);
const lines = (...rows: string[]) => rows.join("\n");

/** Hard-wraps paragraphs every `width` characters, the way text copied from a PDF looks. */
function wrapLikePdf(paragraphs: readonly string[], width = 28): string {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    for (let i = 0; i < paragraph.length; i += width) out.push(paragraph.slice(i, i + width));
  }
  return out.join("\n");
}

describe("the 2025 plan fixture (PDF copy)", () => {
  const plan = parsePlanText(readFileSync(FIXTURE, "utf8"));

  it("finds title, year, unit and preamble", () => {
    expect(plan.title).toBe("市政协办公室2025年机关法治建设工作要点");
    expect(plan.year).toBe(2025);
    expect(plan.unitName).toBe("市政协办公室");
    expect(plan.preamble).toMatch(/^2025年，XX市政协办公室法治建设工作将坚持.*贡献政协力量。$/);
    expect(plan.warnings).toEqual([]);
  });

  it("has 3 sections of 4 points numbered 1–12", () => {
    expect(plan.sections.map((s) => [s.number, s.title, s.points.length])).toEqual([
      ["一", "强化法治思想引领", 4],
      ["二", "完善法治建设制度体系", 4],
      ["三", "推进依法履职尽责", 4],
    ]);
    expect(allPoints(plan).map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(allPoints(plan)[0]?.title).toBe("深入学习习近平法治思想");
    expect(allPoints(plan)[11]?.title).toBe("依法参与立法协商");
  });

  it("joins PDF line breaks inside sentences", () => {
    const first = allPoints(plan)[0]!;
    expect(first.text).toContain("作为首要政治任务");
    expect(first.text).toContain("全年组织专题学习不少于4次，确保学习全覆盖、无死角。");
    expect(plan.normalizedText).not.toMatch(/作为首\n要/);
  });

  it("extracts exactly the three targets", () => {
    const targets = allTargets(plan).map((t) => ({ subject: t.subject, comparator: t.comparator, value: t.value, unit: t.unit, kind: t.kind }));
    expect(targets).toEqual([
      { subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT" },
      { subject: "专题培训班", comparator: ">=", value: 1, unit: "期", kind: "COUNT" },
      { subject: "培训人数", comparator: ">=", value: 200, unit: "人次", kind: "SUM" },
    ]);
    expect(allPoints(plan)[0]?.targets).toHaveLength(1);
    expect(allPoints(plan)[3]?.targets).toHaveLength(2);
    expect(plan.unassignedTargets).toEqual([]);
  });

  it("gives target offsets into normalizedText", () => {
    expect(allTargets(plan).map((t) => plan.normalizedText.slice(t.start, t.end))).toEqual([
      "专题学习不少于4次", "专题培训班不少于1期", "培训人数不少于200人次",
    ]);
  });
});

describe("heading levels", () => {
  it("一、 + （一）: the （一） items are points", () => {
    const plan = parsePlanText(lines(
      "2025年工作要点", "一、加强学习", "（一）组织专题学习。全年组织专题学习不少于4次。", "（二）开展培训。每年培训一次。",
      "二、完善制度", "（一）健全制度。完善制度。",
    ));
    expect(plan.sections.map((s) => s.points.map((p) => [p.number, p.title]))).toEqual([
      [[1, "组织专题学习"], [2, "开展培训"]],
      [[1, "健全制度"]],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it("一、 + 1. (a skipped level): the 1. items are points", () => {
    const plan = parsePlanText(lines("一、加强学习", "1.组织专题学习。全年学习。", "2.开展培训。", "二、完善制度", "3.健全制度。"));
    expect(plan.sections.map((s) => s.points.map((p) => p.number))).toEqual([[1, 2], [3]]);
  });

  it("一、 → （一） → 1.: the 1. items stay in the point text", () => {
    const plan = parsePlanText(lines("一、加强学习", "（一）组织学习", "1.集中学习。每月一次。", "2.个人自学。", "（二）开展培训。"));
    const [first, second] = plan.sections[0]!.points;
    expect(first).toMatchObject({ number: 1, title: "组织学习", text: "1.集中学习。每月一次。\n2.个人自学。" });
    expect(second).toMatchObject({ number: 2, title: "开展培训" });
  });

  it("一、 + （1） (two skipped levels)", () => {
    const plan = parsePlanText(lines("一、加强学习", "（1）集中学习。", "（2）个人自学。"));
    expect(plan.sections[0]!.points.map((p) => p.title)).toEqual(["集中学习", "个人自学"]);
  });

  it("（一） + 1. without 一、: （一） are sections", () => {
    const plan = parsePlanText(lines("（一）加强学习", "1.集中学习。", "（二）完善制度", "2.健全制度。"));
    expect(plan.sections.map((s) => [s.number, s.title, s.points.length])).toEqual([["一", "加强学习", 1], ["二", "完善制度", 1]]);
  });

  it("accepts numbering that runs on across sections or restarts, and warns about gaps", () => {
    expect(parsePlanText(lines("一、甲", "1.学习。", "2.培训。", "二、乙", "3.制度。")).warnings).toEqual([]);
    expect(parsePlanText(lines("一、甲", "1.学习。", "2.培训。", "二、乙", "1.制度。")).warnings).toEqual([]);
    expect(parsePlanText(lines("一、甲", "1.学习。", "3.培训。")).warnings).toEqual(["工作要点编号不连续：1之后是3"]);
    expect(parsePlanText(lines("一、甲", "1.学习。", "三、乙", "2.培训。")).warnings).toEqual(["章节编号不连续：第2个章节的编号是“三”"]);
  });

  it("a single level of numbering becomes one implicit section", () => {
    const plan = parsePlanText(lines("1.组织专题学习。全年组织专题学习不少于4次。", "2.开展培训。"));
    expect(plan.sections).toHaveLength(1);
    expect(plan.sections[0]).toMatchObject({ number: "", title: "" });
    expect(plan.sections[0]!.points.map((p) => p.title)).toEqual(["组织专题学习", "开展培训"]);
    expect(plan.warnings).toContain("只识别到一级编号，已将各条作为工作要点归入一个未命名章节");
  });

  it("warns when a section has no points", () => {
    const plan = parsePlanText(lines("一、加强学习", "1.学习。", "二、工作要求", "各科室要高度重视。"));
    expect(plan.sections[1]!.points).toEqual([]);
    expect(plan.warnings).toContain("第二部分“工作要求”下未识别到工作要点");
  });

  it("text without headings: no sections and a warning, targets unassigned", () => {
    const plan = parsePlanText("今年要加强学习，全年组织专题学习不少于4次。\n各科室要抓好落实。");
    expect(plan.sections).toEqual([]);
    expect(plan.warnings).toContain(NO_STRUCTURE_WARNING);
    expect(plan.unassignedTargets.map((t) => t.subject)).toEqual(["专题学习"]);
  });

  it("keeps inline 一是…二是… lists in the point text", () => {
    const plan = parsePlanText(lines("一、加强学习", "1.抓好学习。一是集中学习；二是个人自学；三是专题研讨。"));
    expect(plan.sections[0]!.points[0]!.text).toBe("一是集中学习；二是个人自学；三是专题研讨。");
  });
});

describe("run-in titles", () => {
  it.each([
    ["1.深入学习习近平法治思想。把学习作为首要政治任务。", "深入学习习近平法治思想", "把学习作为首要政治任务。"],
    ["（一）组织专题学习。全年组织专题学习不少于4次。", "组织专题学习", "全年组织专题学习不少于4次。"],
    ["1.组织专题学习", "组织专题学习", "全年组织。"],
    ["1.深入学习！全年组织。", "深入学习", "全年组织。"],
  ])("%s", (heading, title, text) => {
    const source = heading.endsWith("。") ? `一、学习\n${heading}` : `一、学习\n${heading}\n全年组织。`;
    const point = parsePlanText(source).sections[0]!.points[0]!;
    expect(point.title).toBe(title);
    expect(point.text).toBe(text);
  });
});

describe("PDF line breaks", () => {
  const paragraphs = [
    "2025年，市政协办公室法治建设工作坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神。",
    "一、强化法治思想引领",
    "1.深入学习习近平法治思想。把学习习近平法治思想作为首要政治任务，全年组织专题学习不少于4次，确保学习全覆盖、无死角。",
    "2.开展专题培训。每年举办专题培训班不少于1期，培训人数不少于200人次。",
  ];

  it("joins hard-wrapped lines and keeps heading lines", () => {
    const plan = parsePlanText(`市政协办公室2025年机关法治建设工作要点\n${wrapLikePdf(paragraphs)}`);
    expect(plan.preamble).toBe(paragraphs[0]);
    expect(plan.sections[0]!.points.map((p) => p.title)).toEqual(["深入学习习近平法治思想", "开展专题培训"]);
    expect(allTargets(plan).map((t) => t.subject)).toEqual(["专题学习", "专题培训班", "培训人数"]);
  });

  it("does not take a wrapped line starting with “二、三中全会” or an unexpected “3.” for a heading", () => {
    const text = lines(
      "市政协办公室2025年机关法治建设工作要点",
      "一、强化法治思想引领",
      "1.深入学习习近平法治思想。全面贯彻落实党的二十届",
      "二、三中全会精神，把学习习近平法治思想作为首要政治",
      "任务，全年组织专题学习不少于4次，确保学习全覆盖、",
      "3.5倍的增长并不是目标，制度建设还要坚持做到心中有数",
      "3.合理安排学习内容，深入学习贯彻习近平法治思想，确",
      "保学习取得实效。",
      "2.开展专题培训。每年举办专题培训班不少于1期。",
    );
    const plan = parsePlanText(text);
    expect(plan.sections).toHaveLength(1);
    const points = plan.sections[0]!.points;
    expect(points.map((p) => p.number)).toEqual([1, 2]);
    expect(points[0]!.text).toContain("二十届二、三中全会精神");
    expect(points[0]!.text).toContain("心中有数3.合理安排");
  });

  it("joins across page breaks and drops page numbers", () => {
    const text = lines(
      "市政协办公室2025年机关法治建设工作要点",
      "一、强化法治思想引领",
      "1.深入学习习近平法治思想。把学习习近平法治思想作为首要",
      "政治任务，纳入市政协党组理论学习中心组、机关集体学习、",
      "",
      "— 2 —",
      "",
      "党支部“三会一课”等重要学习内容，全年组织专题学习不少于",
      "4次，确保学习全覆盖、无死角。",
    );
    const point = parsePlanText(text).sections[0]!.points[0]!;
    expect(point.text).toBe("把学习习近平法治思想作为首要政治任务，纳入市政协党组理论学习中心组、机关集体学习、党支部“三会一课”等重要学习内容，全年组织专题学习不少于4次，确保学习全覆盖、无死角。");
    expect(point.targets.map((t) => t.value)).toEqual([4]);
  });
});

describe("full-width and mixed punctuation", () => {
  it("parses full-width digits, 1．/2、 markers and half-width brackets/commas/colons", () => {
    const plan = parsePlanText(lines(
      "２０２５年工作要点",
      "一、加强学习",
      "１．组织专题学习。全年组织专题学习不少于４次,确保全覆盖。(牵头科室:综合科;完成时限:6月底前)",
      "2、开展培训。培训人数不少于　200　人次。",
      "３．健全制度。办复率100％。",
    ));
    expect(plan.year).toBe(2025);
    const points = plan.sections[0]!.points;
    expect(points.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(points[0]).toMatchObject({ text: "全年组织专题学习不少于4次，确保全覆盖。", leadOffice: "综合科", deadline: "2025-06-30" });
    expect(allTargets(plan).map((t) => [t.subject, t.comparator, t.value, t.unit])).toEqual([
      ["专题学习", ">=", 4, "次"], ["培训人数", ">=", 200, "人次"], ["办复率", "=", 100, "%"],
    ]);
  });
});

describe("offices and deadlines", () => {
  it("reads label lines after a point and removes them from its text", () => {
    const plan = parsePlanText(lines(
      "市政协办公室2025年机关法治建设工作要点",
      "一、加强学习",
      "1.组织专题学习。全年组织专题学习不少于4次。",
      "牵头科室：机关党委；配合科室：综合科、人事科",
      "完成时限：第三季度",
      "2.开展培训。每年培训一次。（牵头科室：人事科；完成时限：6月底前）",
      "3.健全制度。完善制度。",
      "责任单位：综合科 责任人：张三 完成时限：2026年6月底前",
      "4.长期工作。持续抓好。牵头单位：综合科、研究室；完成时限：长期坚持",
    ));
    const [p1, p2, p3, p4] = plan.sections[0]!.points;
    expect(p1).toMatchObject({ text: "全年组织专题学习不少于4次。", leadOffice: "机关党委", supportOffices: ["综合科", "人事科"], deadline: "2025-09-30", deadlineText: "第三季度" });
    expect(p2).toMatchObject({ text: "每年培训一次。", leadOffice: "人事科", deadline: "2025-06-30", deadlineText: "6月底前" });
    expect(p3).toMatchObject({ leadOffice: "综合科", responsible: "张三", deadline: "2026-06-30" });
    expect(p4).toMatchObject({ text: "持续抓好。", leadOffice: "综合科", supportOffices: ["研究室"], deadline: "2025-12-31" });
    expect(plan.warnings).toEqual(["第4项有多个牵头科室，已将“综合科”作为牵头科室，其余列为配合科室"]);
  });

  it("ends a paragraph at a closing label group, so the next paragraph is not glued on", () => {
    const plan = parsePlanText("一、学习\n1.组织学习。每月一次。（牵头科室：综合科；完成时限：6月底前）\n另行制定学习计划。");
    expect(plan.sections[0]!.points[0]!.text).toBe("每月一次。\n另行制定学习计划。");
  });

  it("removes labels from a run-in title", () => {
    const point = parsePlanText("一、学习\n1.组织专题学习（牵头科室：综合科）。全年学习。").sections[0]!.points[0]!;
    expect(point).toMatchObject({ title: "组织专题学习", text: "全年学习。", leadOffice: "综合科" });
  });

  it("uses defaultYear when the text names no year, and warns when there is none", () => {
    const text = "一、学习\n1.组织学习。\n完成时限：6月底前";
    expect(parsePlanText(text, { defaultYear: 2026 }).sections[0]!.points[0]!.deadline).toBe("2026-06-30");
    const withoutYear = parsePlanText(text);
    expect(withoutYear.year).toBeNull();
    expect(withoutYear.sections[0]!.points[0]!.deadline).toBeNull();
    expect(withoutYear.warnings).toContain("第1项完成时限“6月底前”：未识别到年度，无法换算为日期");
  });

  it("warns about labels that belong to no point", () => {
    const plan = parsePlanText("一、学习\n牵头科室：综合科\n1.组织学习。");
    expect(plan.warnings).toContain("第一部分第一个工作要点之前的牵头科室、完成时限等信息未归入任何工作要点");
  });

  it("warns about deadlines it cannot read", () => {
    const plan = parsePlanText("2025年要点\n一、学习\n1.组织学习。\n完成时限：按上级要求");
    expect(plan.sections[0]!.points[0]).toMatchObject({ deadline: null, deadlineText: "按上级要求" });
    expect(plan.warnings).toContain("第1项完成时限“按上级要求”无法识别为日期");
  });
});

describe("title, year and unit", () => {
  it.each([
    ["市政协办公室 2025 年机关法治建设工作要点\n一、学习\n1.学习。", "市政协办公室2025年机关法治建设工作要点", 2025, "市政协办公室"],
    ["二〇二六年法治建设工作计划\n一、学习\n1.学习。", "二〇二六年法治建设工作计划", 2026, null],
    // The 导语 names no unit: "……关键之年XX市政协办公室" is a phrase, the unit comes from the settings.
    ["法治建设工作要点\n2025年，XX市政协办公室将加强学习。\n一、学习\n1.学习。", "法治建设工作要点", 2025, null],
    ["工作要点\n2025年是推进西部发展的区域性中心城市的关键之年XX市政协办公室将加强学习。\n一、学习\n1.学习。", "工作要点", 2025, null],
    ["市政协办公室2025年机关法治建设\n工作要点\n一、学习\n1.学习。", "市政协办公室2025年机关法治建设工作要点", 2025, "市政协办公室"],
    ["一、学习\n1.学习。", "", null, null],
    ["2025年市政协办公室机关法治建设工作要点\n一、学习\n1.学习。", "2025年市政协办公室机关法治建设工作要点", 2025, "市政协办公室"],
    ["法治建设工作安排\n今年，机关将加强学习。\n一、学习\n1.学习。", "法治建设工作安排", null, null],
    ["关于加强机关法治建设的若干措施\n为加强法治建设，制定本措施。\n一、学习\n1.学习。", "关于加强机关法治建设的若干措施", null, null],
    ["附件1\n\n政协安化县委员会办公室2025年工作方案\n一、学习\n1.学习。", "政协安化县委员会办公室2025年工作方案", 2025, "政协安化县委员会办公室"],
  ] as Array<[string, string, number | null, string | null]>)("%j", (text, title, year, unitName) => {
    expect(parsePlanText(text)).toMatchObject({ title, year, unitName });
  });

  it("puts preamble targets in unassignedTargets", () => {
    const plan = parsePlanText("2025年要点\n全年开展普法活动不少于10场。\n一、学习\n1.学习。");
    expect(plan.unassignedTargets.map((t) => [t.subject, t.value, t.unit])).toEqual([["普法活动", 10, "场"]]);
    expect(plan.normalizedText.slice(plan.unassignedTargets[0]!.start, plan.unassignedTargets[0]!.end)).toBe("普法活动不少于10场");
  });
});

describe("degenerate input", () => {
  it.each(["", "   \n\n  ", "\u0000\u0001", "。。。", "一、", "1."])("%j does not throw", (text) => {
    const plan = parsePlanText(text);
    expect(Array.isArray(plan.sections)).toBe(true);
    expect(Array.isArray(plan.warnings)).toBe(true);
  });

  it("reports empty text", () => {
    expect(parsePlanText("").warnings).toContain("文本为空");
  });
});
