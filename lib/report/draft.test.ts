import { describe, expect, it } from "vitest";
import { draftPart, draftReport, pickNotableEntries, reportPreface } from "./draft";
import { classifyParagraph } from "./docx";
import { facts, point1, point4, studyEntries } from "./fixture-facts";
import type { DraftPart, ReportFacts } from "./types";

function part(parts: DraftPart[], key: DraftPart["key"]): DraftPart {
  const found = parts.find((p) => p.key === key);
  if (!found) throw new Error(`missing ${key}`);
  return found;
}

describe("draftReport", () => {
  const report = draftReport(facts());

  it("has the title, the preface and the five headings in order", () => {
    expect(report.title).toBe("XX市政协办公室2025年法治建设年度工作报告");
    expect(report.preface).toMatch(/^2025年，XX市政协办公室坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，/);
    expect(report.preface).toMatch(/现将2025年度法治建设工作情况报告如下。$/);
    expect(report.parts.map((p) => p.heading)).toEqual([
      "一、主要举措和成效",
      "二、存在的不足和原因",
      "三、党政主要负责人履行推进法治建设第一责任人职责情况",
      "四、下一年度推进法治建设的主要安排",
      "五、其他需要报告的情况",
    ]);
    for (const p of report.parts) expect(p.content).not.toContain(p.heading);
  });

  it("writes part 一 as subsections and run-in point paragraphs built from the data", () => {
    const lines = part(report.parts, "part1").content.split("\n");
    expect(lines[0]).toBe("（一）强化法治思想引领");
    expect(lines.map(classifyParagraph)).toEqual(["level2", "level3", "level3", "level2", "level3", "level3"]);
    expect(lines[1]).toBe(
      "1.深入学习习近平法治思想。全年组织专题学习6次，超额完成“不少于4次”的年度目标。" +
        "一是3月12日以集中学习形式开展“学习宪法”专题学习；二是4月9日以集中学习形式开展“习近平法治思想的核心要义”专题学习；" +
        "三是5月14日开展“法治思想与政协履职”专题研讨；四是9月10日举办行政法专题讲座。",
    );
    expect(lines[2]).toContain("4.开展法治思想专题培训。全年举办专题培训班1期，完成“不少于1期”的年度目标；培训412人次，完成“不少于200人次”年度目标的206%。");
    expect(lines[4]).toBe("7.建立法治建设工作制度。已完成“建立法治建设工作制度”。5月20日，印发《XX市政协办公室法治建设工作制度》。");
    expect(lines[5]).toBe("8.推进制度的信息化建设。该项工作按计划推进，具体成效待补充。");
  });

  it("maps each figure phrase of part 一 to the entries behind it", () => {
    const { content, sources } = part(report.parts, "part1");
    expect(sources["组织专题学习6次"]).toEqual([101, 102, 103, 104, 105, 106]);
    expect(sources["举办专题培训班1期"]).toEqual([201]);
    expect(sources["培训412人次"]).toEqual([201, 202]);
    expect(sources["已完成“建立法治建设工作制度”"]).toEqual([301]);
    expect(sources["3月12日以集中学习形式开展“学习宪法”专题学习"]).toEqual([101]);
    for (const phrase of Object.keys(sources)) expect(content).toContain(phrase);
  });

  it("keeps a modest generic part 二 when nothing is behind, with a placeholder for reasons", () => {
    const { content, sources } = part(report.parts, "part2");
    expect(content).toContain("存在一些薄弱环节");
    expect(content.split("\n").at(-1)).toBe("（请补充原因分析）");
    expect(sources).toEqual({});
  });

  it("groups the first responsible person's entries in part 三", () => {
    const { content, sources } = part(report.parts, "part3");
    expect(content.split("\n")).toEqual([
      "1.批示督办，压实工作责任。全年作出批示1次：8月6日对法治建设工作台账作出批示。",
      "2.带头学法，筑牢法治根基。全年带头学法1次：2月20日主持党组理论学习中心组专题学习习近平法治思想。",
      "3.主持研究，推动工作落实。全年主持研究法治建设工作1次：3月28日主持召开法治建设工作专题会议。",
    ]);
    expect(sources["带头学法1次"]).toEqual([401]);
    expect(sources["3月28日主持召开法治建设工作专题会议"]).toEqual([402]);
  });

  it("plans next year from the next plan in part 四, and part 五 defaults to 无", () => {
    expect(part(report.parts, "part4").content.split("\n")).toEqual([
      "2026年，XX市政协办公室将继续深入学习贯彻习近平法治思想，重点做好以下工作：",
      "1.强化法治思想引领。重点抓好深入学习习近平法治思想、开展法治思想专题培训等工作。",
    ]);
    expect(part(report.parts, "part5").content).toBe("无。");
  });
});

describe("draftPart", () => {
  it("states shortfalls plainly in part 二", () => {
    const behind = facts(
      {
        sections: [
          { number: "一", title: "强化法治思想引领", points: [point4(150)] },
          {
            number: "二",
            title: "完善法治建设制度体系",
            points: [{ number: 8, title: "推进制度的信息化建设", status: "OVERDUE", leadOffice: null, deadline: "2025-09-30", completed: false, targets: [], entries: [] }],
          },
        ],
      },
      150,
    );
    const { content, sources } = draftPart(behind, "part2");
    expect(content).toContain(
      "一是‘开展法治思想专题培训’培训人数仅完成150人次，距“不少于200人次”的目标尚差50人次；" +
        "二是‘推进制度的信息化建设’已超过完成时限（2025年9月30日）仍未完成。",
    );
    expect(content.split("\n").at(-1)).toBe("（请补充原因分析）");
    expect(sources).toEqual({ 培训人数仅完成150人次: [201, 202] });
  });

  it.each([
    ["part3", { firstResponsibleEntries: [] }, "（请补充党政主要负责人履行推进法治建设第一责任人职责的情况。）"],
    ["part4", { nextYearPlan: null }, "（请补充下一年度推进法治建设的主要安排。）"],
    [
      "part4",
      { nextYearPlan: null, carriedOverPoints: [{ number: 8, title: "推进制度的信息化建设", reason: "平台采购尚未完成。" }] },
      "2026年，XX市政协办公室将继续深入学习贯彻习近平法治思想，重点做好以下工作：\n1.推进制度的信息化建设。平台采购尚未完成，2026年将继续推进落实。",
    ],
  ] as const)("%s falls back when data is missing", (key, overrides, expected) => {
    expect(draftPart(facts(overrides as Partial<ReportFacts>), key).content).toBe(expected);
  });
});

describe("pickNotableEntries", () => {
  it("prefers one entry per form, then the earliest others, at most four, in date order", () => {
    expect(pickNotableEntries(studyEntries).map((e) => e.id)).toEqual([101, 102, 103, 105]);
    expect(pickNotableEntries(studyEntries, 2).map((e) => e.id)).toEqual([101, 103]);
  });

  it("leads with the total when more entries exist than are shown and there is no target", () => {
    const noTarget = facts({ sections: [{ number: "一", title: "强化法治思想引领", points: [{ ...point1, targets: [] }] }] });
    const { content, sources } = draftPart(noTarget, "part1");
    expect(content).toContain("1.深入学习习近平法治思想。全年共开展相关活动6次，主要有：一是3月12日");
    expect(sources["开展相关活动6次"]).toEqual([101, 102, 103, 104, 105, 106]);
  });
});

describe("reportPreface", () => {
  it.each([
    ["XX市政协办公室", "充分发挥政协职能作用"],
    ["市政协机关", "充分发挥政协职能作用"],
    ["XX市司法局", "充分发挥职能作用"],
    ["XX区人民政府办公室", "充分发挥职能作用"],
  ])("%s → %s", (unitName, clause) => {
    const preface = reportPreface({ unitName, year: 2025 });
    expect(preface).toContain(`紧紧围绕中心工作，${clause}，对照年度法治建设工作要点`);
    // 政协 only where the unit is one.
    expect(preface.includes("政协")).toBe(unitName.includes("政协"));
  });

  it("follows the unit of the facts in the drafted report", () => {
    expect(draftReport(facts({ unitName: "XX市司法局" })).preface).not.toContain("政协");
  });
});
