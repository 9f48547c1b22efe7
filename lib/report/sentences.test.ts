import { describe, expect, it } from "vitest";
import {
  chineseNumeral,
  describeEntries,
  carryOverReason,
  describeEntry,
  describeShortfall,
  describeTarget,
  formatChineseDate,
  formatPercent,
  targetFigure,
} from "./sentences";
import type { ReportEntryFact, ReportTargetFact } from "./types";

function target(overrides: Partial<ReportTargetFact>): ReportTargetFact {
  const base: ReportTargetFact = {
    targetId: 1,
    subject: "专题学习",
    comparator: ">=",
    value: 4,
    unit: "次",
    kind: "COUNT",
    actual: 4,
    met: true,
    rawRate: 1,
    sourceText: "全年组织专题学习不少于 4 次,确保学习全覆盖、无死角。",
    entryIds: [1, 2, 3, 4],
  };
  return { ...base, ...overrides };
}

const training = { subject: "培训人数", value: 200, unit: "人次", kind: "SUM", sourceText: "培训人数不少于 200 人次" } as const;

describe("describeTarget", () => {
  it.each([
    ["met exactly", target({}), "全年组织专题学习4次，完成“不少于4次”的年度目标"],
    ["exceeded (count)", target({ actual: 6, rawRate: 1.5 }), "全年组织专题学习6次，超额完成“不少于4次”的年度目标"],
    [
      "exceeded (sum of people)",
      target({ ...training, actual: 412, rawRate: 2.06 }),
      "全年培训412人次，完成“不少于200人次”年度目标的206%",
    ],
    ["partly met", target({ actual: 3, met: false, rawRate: 0.75 }), "全年组织专题学习3次，完成年度目标“不少于4次”的75%"],
    ["partly met never rounds up to 100%", target({ ...training, actual: 199, met: false, rawRate: 0.995 }), "全年培训199人次，完成年度目标“不少于200人次”的99%"],
    ["not started", target({ actual: 0, met: false, rawRate: 0 }), "专题学习尚未开展，年度目标为“不少于4次”"],
    [
      "verb taken from the plan sentence",
      target({ subject: "专题培训班", value: 1, unit: "期", actual: 1, sourceText: "每年举办专题培训班不少于 1 期" }),
      "全年举办专题培训班1期，完成“不少于1期”的年度目标",
    ],
    [
      "BOOLEAN met",
      target({ kind: "BOOLEAN", subject: "建立法治建设工作制度", value: 1, unit: "", actual: 1 }),
      "已完成“建立法治建设工作制度”",
    ],
    [
      "BOOLEAN not met",
      target({ kind: "BOOLEAN", subject: "建立法治建设工作制度", value: 1, unit: "", actual: 0, met: false }),
      "“建立法治建设工作制度”尚未完成",
    ],
    [
      "PERCENT met",
      target({ kind: "PERCENT", subject: "办复率", comparator: "=", value: 100, unit: "%", actual: 100 }),
      "办复率达到100%，完成年度目标",
    ],
    [
      "PERCENT not met",
      target({ kind: "PERCENT", subject: "办复率", value: 95, unit: "%", actual: 90, met: false, rawRate: 0.947 }),
      "办复率为90%，距“不低于95%”的年度目标尚差5个百分点",
    ],
    [
      "= met",
      target({ comparator: "=", value: 4, actual: 4, sourceText: "全年组织专题学习4次" }),
      "全年组织专题学习4次，完成“4次”的年度目标",
    ],
    [
      "<= met",
      target({ subject: "行政诉讼败诉案件", comparator: "<=", value: 1, unit: "件", actual: 0, rawRate: 0 }),
      "全年行政诉讼败诉案件0件，控制在“不超过1件”的目标以内",
    ],
    [
      "<= exceeded",
      target({ subject: "会议", comparator: "<=", value: 10, unit: "次", actual: 12, met: false, rawRate: 1.2, sourceText: "全年召开会议不超过10次" }),
      "全年召开会议12次，超出“不超过10次”的年度目标2次",
    ],
  ])("%s", (_case, fact, expected) => {
    expect(describeTarget(fact)).toBe(expected);
    // The sources key must be a literal part of the sentence.
    expect(expected).toContain(targetFigure(fact));
  });
});

describe("describeShortfall", () => {
  it.each([
    ["partly met", target({ ...training, actual: 150, met: false, rawRate: 0.75 }), "培训人数仅完成150人次，距“不少于200人次”的目标尚差50人次"],
    ["not started", target({ actual: 0, met: false, rawRate: 0 }), "专题学习尚未开展，年度目标为“不少于4次”"],
    [
      "PERCENT",
      target({ kind: "PERCENT", subject: "办复率", comparator: "=", value: 100, unit: "%", actual: 92, met: false }),
      "办复率为92%，距“100%”的目标尚差8个百分点",
    ],
  ])("%s", (_case, fact, expected) => {
    expect(describeShortfall(fact)).toBe(expected);
  });
});

describe("formatChineseDate", () => {
  it.each([
    ["2025-03-12", false, "3月12日"],
    ["2026-01-15", true, "2026年1月15日"],
    ["2025-11-05", true, "2025年11月5日"],
    // Stored as UTC midnight and as China midnight: both mean 12 March.
    ["2025-03-12T00:00:00.000Z", false, "3月12日"],
    ["2025-03-11T16:00:00.000Z", false, "3月12日"],
  ])("%s (withYear %s) → %s", (iso, withYear, expected) => {
    expect(formatChineseDate(iso, { withYear })).toBe(expected);
  });

  it("accepts a Date", () => {
    expect(formatChineseDate(new Date("2026-01-15T02:00:00Z"), { withYear: true })).toBe("2026年1月15日");
  });

  it("rejects garbage", () => {
    expect(() => formatChineseDate("not a date")).toThrow(RangeError);
  });
});

describe("formatPercent and chineseNumeral", () => {
  it.each([
    [2.06, "206%"],
    [0.75, "75%"],
    [1, "100%"],
    [0.333, "33%"],
  ])("formatPercent(%s) → %s", (rate, expected) => {
    expect(formatPercent(rate)).toBe(expected);
  });

  it.each([
    [1, "一"],
    [10, "十"],
    [14, "十四"],
    [20, "二十"],
    [23, "二十三"],
  ])("chineseNumeral(%s) → %s", (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });
});

function entry(overrides: Partial<ReportEntryFact>): ReportEntryFact {
  return { id: 1, date: "2025-03-12", form: "集中学习", title: "学习宪法", officeName: "办公室", category: "NORMAL", ...overrides };
}

describe("describeEntry", () => {
  it.each([
    ["study with a bare topic", entry({}), "3月12日以集中学习形式开展“学习宪法”专题学习"],
    ["title already names the activity", entry({ form: "专家讲座", title: "民法典专题讲座" }), "3月12日举办民法典专题讲座"],
    ["seminar", entry({ form: "专题研讨", title: "法治思想与政协履职" }), "3月12日开展“法治思想与政协履职”专题研讨"],
    ["publicity", entry({ form: "宣传活动", title: "“12·4”国家宪法日宣传活动" }), "3月12日开展“12·4”国家宪法日宣传活动"],
    ["other forms keep their own wording", entry({ form: "制度建设", title: "印发《法治建设工作制度》。" }), "3月12日，印发《法治建设工作制度》"],
    // A title that starts with the activity's name is not wrapped in it a second time.
    ["title led by the noun and a colon", entry({ title: "专题学习：学习宪法" }), "3月12日以集中学习形式开展“学习宪法”专题学习"],
    ["title led by the noun and an ASCII colon", entry({ title: "专题学习: 习近平法治思想" }), "3月12日以集中学习形式开展“习近平法治思想”专题学习"],
    ["title led by the form name", entry({ title: "集中学习——民法典" }), "3月12日以集中学习形式开展“民法典”专题学习"],
    ["led by the noun, rest names the activity", entry({ form: "专家讲座", title: "专家讲座：行政法专题讲座" }), "3月12日举办行政法专题讲座"],
    ["seminar led by its noun", entry({ form: "专题研讨", title: "专题研讨：法治思想与政协履职" }), "3月12日开展“法治思想与政协履职”专题研讨"],
    ["training class led by its noun", entry({ form: "培训班", title: "培训班 法治素养提升" }), "3月12日举办“法治素养提升”培训班"],
    ["noun run into the title", entry({ title: "专题学习宪法修正案" }), "3月12日以集中学习形式开展专题学习宪法修正案"],
    ["only the noun and a colon", entry({ title: "专题学习：" }), "3月12日以集中学习形式开展专题学习"],
    ["another form's noun is kept", entry({ title: "专题研讨：学习宪法" }), "3月12日以集中学习形式开展“专题研讨：学习宪法”专题学习"],
  ])("%s", (_case, fact, expected) => {
    expect(describeEntry(fact)).toBe(expected);
  });

  it("adds the year when the entry falls outside the report year", () => {
    expect(describeEntry(entry({ date: "2026-01-08" }), { reportYear: 2025 })).toBe(
      "2026年1月8日以集中学习形式开展“学习宪法”专题学习",
    );
  });

  it("states a lone entry without 一是", () => {
    expect(describeEntries([entry({})])).toBe("3月12日以集中学习形式开展“学习宪法”专题学习");
  });

  it("enumerates with 一是…二是…三是", () => {
    const text = describeEntries([
      entry({ id: 1 }),
      entry({ id: 2, date: "2025-04-02", form: "专题研讨", title: "法治思想与政协履职" }),
      entry({ id: 3, date: "2025-05-20", form: "培训班", title: "习近平法治思想专题培训班" }),
    ]);
    expect(text).toBe(
      "一是3月12日以集中学习形式开展“学习宪法”专题学习；二是4月2日开展“法治思想与政协履职”专题研讨；三是5月20日举办习近平法治思想专题培训班",
    );
  });
});

describe("carryOverReason", () => {
  const unmet = target({ subject: "培训人数", value: 200, unit: "人次", kind: "SUM", actual: 150, met: false, rawRate: 0.75 });
  it.each<[string, Parameters<typeof carryOverReason>[0], string]>([
    ["an unmet target", { status: "BEHIND", targets: [target({}), unmet] }, "培训人数仅完成150人次，距“不少于200人次”的目标尚差50人次"],
    ["no targets, overdue", { status: "OVERDUE", targets: [] }, "该项工作已超过完成时限，尚未完成"],
    ["no targets, not started", { status: "NOT_STARTED", targets: [] }, "该项工作尚未开展"],
    ["no targets, under way", { status: "BEHIND", targets: [] }, "该项工作年内尚未完成"],
    ["overdue after an approved extension", { status: "OVERDUE", targets: [], extendedTo: "2025-11-30" }, "该项工作经批准延期至11月30日，逾期仍未完成"],
    ["not started, extended", { status: "NOT_STARTED", targets: [], extendedTo: "2025-12-20" }, "该项工作经批准延期至12月20日，尚未开展"],
    ["under way, extended", { status: "BEHIND", targets: [], extendedTo: "2025-10-08" }, "该项工作经批准延期至10月8日，年内尚未完成"],
    ["no extension (null)", { status: "OVERDUE", targets: [], extendedTo: null }, "该项工作已超过完成时限，尚未完成"],
    ["an unmet target wins over the extension", { status: "OVERDUE", targets: [unmet], extendedTo: "2025-11-30" }, "培训人数仅完成150人次，距“不少于200人次”的目标尚差50人次"],
  ])("%s", (_name, point, expected) => {
    expect(carryOverReason(point)).toBe(expected);
  });
});
