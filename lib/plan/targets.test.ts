import { describe, expect, it } from "vitest";
import { extractTargets, splitSentences } from "./targets";
import type { Comparator, TargetKind } from "./types";

type TargetCase = [input: string, subject: string, comparator: Comparator, value: number, unit: string, kind: TargetKind];

// Real phrasings from plans and 任务分解表 (already normalised, as parsePlanText passes them).
const TARGET_CASES: TargetCase[] = [
  ["全年组织专题学习不少于4次，确保学习全覆盖、无死角。", "专题学习", ">=", 4, "次", "COUNT"],
  ["培训人数不少于200人次。", "培训人数", ">=", 200, "人次", "SUM"],
  ["每年举办专题培训班不少于1期。", "专题培训班", ">=", 1, "期", "COUNT"],
  ["每季度至少开展一次法治学习。", "法治学习", ">=", 1, "次", "COUNT"],
  ["全年召开法治工作专题会议不少于两次。", "法治工作专题会议", ">=", 2, "次", "COUNT"],
  ["编发法治宣传信息不少于十二篇。", "法治宣传信息", ">=", 12, "篇", "COUNT"],
  ["报送法治信息不少于二十四条。", "法治信息", ">=", 24, "条", "COUNT"],
  ["组织旁听庭审活动不少于1场。", "旁听庭审活动", ">=", 1, "场", "COUNT"],
  ["提交法治领域提案不少于6件。", "法治领域提案", ">=", 6, "件", "COUNT"],
  ["参训人员达到50人以上。", "参训人员", ">=", 50, "人", "SUM"],
  ["群众满意度提升30%以上。", "群众满意度", ">=", 30, "%", "PERCENT"],
  ["学法考法覆盖率达到100%。", "学法考法覆盖率", ">=", 100, "%", "PERCENT"],
  ["提案办复率100%。", "提案办复率", "=", 100, "%", "PERCENT"],
  ["会议议题不超过5项。", "会议议题", "<=", 5, "项", "COUNT"],
  ["年度考核不合格人数控制在2人以内。", "年度考核不合格人数", "<=", 2, "人", "SUM"],
  ["办理群众来信不得少于10件。", "群众来信", ">=", 10, "件", "COUNT"],
  ["形成高质量调研报告至少3篇。", "高质量调研报告", ">=", 3, "篇", "COUNT"],
  ["机关干部年度学法不少于40学时。", "机关干部年度学法", ">=", 40, "学时", "SUM"],
  ["开展法律咨询活动不低于3场。", "法律咨询活动", ">=", 3, "场", "COUNT"],
  ["法治培训参训率不低于95%。", "法治培训参训率", ">=", 95, "%", "PERCENT"],
  ["每名委员至少提交1件提案。", "提案", ">=", 1, "件", "COUNT"],
  ["举办法治讲座两期以上。", "法治讲座", ">=", 2, "期", "COUNT"],
  ["聘请法律顾问不少于1名。", "法律顾问", ">=", 1, "名", "COUNT"],
  ["设置普法宣传点位不少于5处。", "设置普法宣传点位", ">=", 5, "处", "COUNT"],
  ["组建法律服务小组不少于3个。", "法律服务小组", ">=", 3, "个", "COUNT"],
  ["委员提案满意率达95%。", "委员提案满意率", ">=", 95, "%", "PERCENT"],
  ["全年编发《法治简报》不少于6期。", "《法治简报》", ">=", 6, "期", "COUNT"],
  ["组织开展法治讲座不少于3次。", "法治讲座", ">=", 3, "次", "COUNT"],
  ["一是集中学习每月不少于1次；", "集中学习", ">=", 1, "次", "COUNT"],
  ["反映社情民意信息不少于 15 条。", "反映社情民意信息", ">=", 15, "条", "COUNT"],
  ["公文审核差错不多于2份。", "公文审核差错", "<=", 2, "份", "COUNT"],
  ["全年开展“委员讲法”活动最少4次。", "“委员讲法”活动", ">=", 4, "次", "COUNT"],
];

describe("extractTargets: quantitative targets", () => {
  it.each(TARGET_CASES)("%s", (input, subject, comparator, value, unit, kind) => {
    const targets = extractTargets(input);
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ subject, comparator, value, unit, kind });
  });

  it("finds two targets in one sentence and keeps the whole sentence as their text", () => {
    const sentence = "每年举办专题培训班不少于1期，培训人数不少于200人次。";
    const targets = extractTargets(sentence);
    expect(targets.map((t) => [t.subject, t.value, t.unit])).toEqual([["专题培训班", 1, "期"], ["培训人数", 200, "人次"]]);
    expect(targets.every((t) => t.text === sentence)).toBe(true);
  });

  it("reports offsets of the target phrase relative to the input", () => {
    const input = "把学习作为首要政治任务。全年组织专题学习不少于4次，确保全覆盖。";
    const [target] = extractTargets(input);
    expect(target).toBeDefined();
    expect(input.slice(target!.start, target!.end)).toBe("专题学习不少于4次");
    expect(target!.text).toBe("全年组织专题学习不少于4次，确保全覆盖。");
  });

  it("includes 以上 in the highlighted phrase", () => {
    const input = "群众满意度提升30%以上。";
    const [target] = extractTargets(input);
    expect(input.slice(target!.start, target!.end)).toBe("群众满意度提升30%以上");
  });
});

// Numbers that are achievements, dates, slogans, money or placeholders — never targets.
const NON_TARGET_CASES: string[] = [
  "2024年全年组织专题学习20余次。",
  "在“12·4”国家宪法日期间组织普法活动。",
  "积极组织参加“12.4”国家宪法日活动。",
  "2025年，市政协办公室法治建设工作将坚持以习近平新时代中国特色社会主义思想为指导。",
  "6月底前完成制度修订。",
  "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
  "纳入党支部“三会一课”等重要学习内容。",
  "打造“四化”委员工作室。",
  "一以贯之抓好落实。",
  "以上工作由综合科负责。",
  "县级以上人民政府依法履职。",
  "安排专项经费5万元以上。",
  "办理提案不少于X件。",
  "组织专题学习不少于XX次。",
  "开展法律咨询等活动300余场次。",
  "召开第十二次全体会议。",
  "围绕法治XX建设中的重点难点问题。",
  "推动法治建设达到一个新的水平。",
  "新录用人员试用期不少于3个月。",
  "全面贯彻党的二十届二中、三中全会精神。",
  "深刻领悟“两个确立”的决定性意义。",
  "2024年共提交提案111件，经审查立案91件。",
  "累计培训300人次。",
  "《XX政协》杂志。",
  "在15个工作日内办结。",
];

describe("extractTargets: numbers that are not targets", () => {
  it.each(NON_TARGET_CASES)("%s", (input) => {
    expect(extractTargets(input)).toEqual([]);
  });
});

describe("splitSentences", () => {
  it.each([
    ["一。二；三！四？五", ["一。", "二；", "三！", "四？", "五"]],
    ["没有句号", ["没有句号"]],
    ["", []],
  ] as Array<[string, string[]]>)("%s", (input, expected) => {
    expect(splitSentences(input).map((s) => s.text)).toEqual(expected);
  });
});
