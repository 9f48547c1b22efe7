import { describe, expect, it } from "vitest";
import { draftPart, draftReport, pickNotableEntries, reportPreface } from "./draft";
import { classifyParagraph } from "./docx";
import { facts, point1, point4, studyEntries } from "./fixture-facts";
import { pointShortfall } from "./draft-outlook";
import type { DraftPart, ReportFacts, ReportPointFact } from "./types";

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

  it("writes part 一 as themes with 一是…二是… built from the data, after the year's totals", () => {
    const lines = part(report.parts, "part1").content.split("\n");
    expect(lines.map(classifyParagraph)).toEqual(["body", "level3", "level3"]);
    expect(lines[0]).toBe(
      "2025年，围绕年度工作要点，全年共组织专题学习4次、开展专题研讨1次、举办专家讲座1场、举办培训班2期、推进制度建设事项1项；" +
        "年度工作要点确定的4项任务已完成3项。主要工作如下：",
    );
    expect(lines[1]).toBe(
      "1.强化法治思想引领。一是深入学习习近平法治思想。全年组织专题学习6次，超额完成“不少于4次”的年度目标。" +
        "专题学习主题涵盖学习宪法、习近平法治思想的核心要义、法治思想与政协履职、学习民法典等。" +
        "二是开展法治思想专题培训。全年举办专题培训班1期，完成“不少于1期”的年度目标；培训412人次，完成“不少于200人次”年度目标的206%。" +
        "举办培训班2期，主要有举办习近平法治思想专题培训班、围绕“法治素养提升”举办培训班。",
    );
    expect(lines[2]).toBe(
      "2.完善法治建设制度体系。一是建立法治建设工作制度。已完成“建立法治建设工作制度”。印发《XX市政协办公室法治建设工作制度》。" +
        "二是推进制度的信息化建设。（请补充：该项工作的具体举措和成效）",
    );
  });

  it("maps each figure phrase of part 一 to the entries behind it", () => {
    const { content, sources } = part(report.parts, "part1");
    expect(sources["组织专题学习6次"]).toEqual([101, 102, 103, 104, 105, 106]);
    expect(sources["举办专题培训班1期"]).toEqual([201]);
    expect(sources["培训412人次"]).toEqual([201, 202]);
    expect(sources["已完成“建立法治建设工作制度”"]).toEqual([301]);
    expect(sources["举办培训班2期"]).toEqual([201, 202]);
    for (const phrase of Object.keys(sources)) expect(content).toContain(phrase);
  });

  it("prompts general shortfalls and causes in part 二 when nothing is behind", () => {
    const { content, sources } = part(report.parts, "part2");
    expect(content).toContain("仍存在一些不足：一是（请补充：");
    expect(content.split("\n").at(-1)).toMatch(/^（请补充原因分析：[^）]+）$/u);
    expect(sources).toEqual({});
  });

  it("covers the statutory duties in part 三, prompting where nothing is recorded", () => {
    const { content, sources } = part(report.parts, "part3");
    expect(content.split("\n")).toEqual([
      "1.带头学法，筑牢法治根基。2月20日，主持党组理论学习中心组专题学习习近平法治思想。",
      "2.依法决策，落实合法性审核。（请补充：提请党组会议、秘书长办公会研究的重大决策事项数，以及经合法性审核的件数）",
      "3.述职述法，自觉接受监督。（请补充：主要负责人在年度述职中述法的情况）",
      "4.带头普法，营造法治氛围。（请补充：主要负责人落实“谁执法谁普法”普法责任制、带头普法的情况）",
      "5.研究部署和督察，压实工作责任。全年研究部署和督办法治建设工作2次：3月28日，主持召开法治建设工作专题会议；8月6日，对法治建设工作台账作出批示。",
    ]);
    expect(content).not.toMatch(/[^\d]1次/u);
    expect(sources["全年研究部署和督办法治建设工作2次"]).toEqual([402, 403]);
    expect(sources["主持召开法治建设工作专题会议"]).toEqual([402]);
  });

  it("plans next year from the plan's changes, rectification and a prompt in part 四; part 五 defaults to 无", () => {
    expect(part(report.parts, "part4").content.split("\n")).toEqual([
      "2026年，XX市政协办公室将坚持以习近平法治思想为指导，针对存在的不足，重点做好以下工作：",
      "1.抓好年度工作要点落实。对照2026年工作要点，逐项明确责任科室和完成时限，推动各项任务落实到位。",
      "2.抓好问题整改。针对本报告所列不足，分析原因、逐项明确整改措施、责任科室和完成时限，跟踪问效，确保整改到位。",
      "3.创新工作举措。（请补充：下一年度拟推出的新举措）",
    ]);
    expect(part(report.parts, "part5").content).toBe("无。");
  });

  it("names what next year's plan adds", () => {
    const next = facts({
      nextYearPlan: {
        year: 2026,
        sections: [{ title: "强化法治思想引领", points: [{ number: 1, title: "深入学习习近平法治思想" }, { number: 2, title: "开展行政复议法专题宣传，扩大覆盖面" }] }],
      },
    });
    expect(draftPart(next, "part4").content).toContain("2026年工作要点新增“开展行政复议法专题宣传”等1项任务");
  });
});

describe("draftPart", () => {
  it("gives late and unmet points as material in part 二, with natural deadlines", () => {
    const behind = facts(
      {
        sections: [
          { number: "一", title: "强化法治思想引领", points: [point4(150)] },
          {
            number: "二",
            title: "完善法治建设制度体系",
            points: [
              { number: 8, title: "推进制度的信息化建设", status: "OVERDUE", leadOffice: null, deadline: "2025-09-30", completed: false, targets: [], entries: [] },
              { number: 9, title: "清理规范性文件", status: "OVERDUE", leadOffice: null, deadline: "全年", completed: false, targets: [], entries: [] },
              { number: 10, title: "修订议事规则", status: "OVERDUE", leadOffice: null, deadline: "6月底前", completed: false, targets: [], entries: [] },
            ],
          },
        ],
      },
      150,
    );
    const { content, sources } = draftPart(behind, "part2");
    expect(content).toContain(
      "一是部分工作推进不够到位，在“开展法治思想专题培训”方面，培训人数仅完成150人次，距“不少于200人次”的目标尚差50人次；" +
        "原定9月30日前完成的“推进制度的信息化建设”尚未完成；“清理规范性文件”年内未能完成；原定6月底前完成的“修订议事规则”尚未完成；二是（请补充：",
    );
    expect(content).not.toContain("完成时限（");
    expect(sources).toEqual({ 培训人数仅完成150人次: [201, 202] });
  });

  it.each<[string, Partial<ReportPointFact>, string | null]>([
    ["overdue, no extension", { status: "OVERDUE", deadline: "2025-09-30" }, "原定9月30日前完成的“推进制度的信息化建设”尚未完成"],
    ["overdue after an approved extension", { status: "OVERDUE", deadline: "2025-09-30", extendedTo: "2025-11-30" }, "原定9月30日前完成的“推进制度的信息化建设”经批准延期至11月30日，仍未完成"],
    ["overdue after an extension, plan deadline year-round", { status: "OVERDUE", deadline: "全年", extendedTo: "2025-11-30" }, "“推进制度的信息化建设”经批准延期至11月30日，仍未完成"],
    ["behind pace of the extended deadline", { status: "BEHIND", deadline: "6月底前", extendedTo: "2025-10-31" }, "“推进制度的信息化建设”经批准延期至10月31日，进度仍滞后"],
    ["not started, extended", { status: "NOT_STARTED", deadline: null, extendedTo: "2025-12-15" }, "“推进制度的信息化建设”经批准延期至12月15日，尚未开展"],
    ["finished within the extended deadline: not a shortfall", { status: "DONE", completed: true, deadline: "2025-09-30", extendedTo: "2025-11-30" }, null],
    ["on track of the extended deadline: not a shortfall", { status: "ON_TRACK", deadline: "2025-09-30", extendedTo: "2025-11-30" }, null],
  ])("part 二 material with 延期申请: %s", (_name, overrides, expected) => {
    const point: ReportPointFact = { number: 8, title: "推进制度的信息化建设", status: "OVERDUE", leadOffice: null, deadline: null, completed: false, targets: [], entries: [], ...overrides };
    expect(pointShortfall(point)).toBe(expected);
    const content = draftPart(facts({ sections: [{ number: "一", title: "完善法治建设制度体系", points: [point] }] }), "part2").content;
    if (expected) expect(content).toContain(`一是部分工作推进不够到位，${expected}；二是`);
    else expect(content).not.toContain("推进制度的信息化建设");
  });

  it.each([
    ["part3", { firstResponsibleEntries: [] }, "1.带头学法，筑牢法治根基。（请补充：主要负责人带头学习习近平法治思想和宪法法律法规的情况）"],
    ["part4", { nextYearPlan: null }, "1.抓好年度工作要点落实。（请补充：2026年工作要点确定的重点任务）"],
    [
      "part4",
      { nextYearPlan: null, carriedOverPoints: [{ number: 8, title: "推进制度的信息化建设", reason: "平台采购尚未完成。" }] },
      "2.抓好问题整改。针对2025年未完成的“推进制度的信息化建设”，分析原因",
    ],
  ] as const)("%s prompts when data is missing", (key, overrides, expected) => {
    expect(draftPart(facts(overrides as Partial<ReportFacts>), key).content).toContain(expected);
  });
});

describe("pickNotableEntries", () => {
  it("prefers one entry per form, then the earliest others, at most four, in date order", () => {
    expect(pickNotableEntries(studyEntries).map((e) => e.id)).toEqual([101, 102, 103, 105]);
    expect(pickNotableEntries(studyEntries, 2).map((e) => e.id)).toEqual([101, 103]);
  });

  it("counts a point's entries by form when no target counts them", () => {
    const noTarget = facts({ sections: [{ number: "一", title: "强化法治思想引领", points: [{ ...point1, targets: [] }] }] });
    const { content, sources } = draftPart(noTarget, "part1");
    expect(content).toContain("1.强化法治思想引领。组织专题学习4次，主题涵盖学习宪法、习近平法治思想的核心要义、学习民法典、学习党内法规；");
    expect(sources["组织专题学习4次"]).toEqual([101, 102, 104, 106]);
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
