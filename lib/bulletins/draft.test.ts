import { describe, expect, it } from "vitest";
import { bulletinTitle, draftBulletin, latePointText, upcomingText, noteClause, NOTE_MAX, periodLabel, splitBulletinContent, type BulletinFacts, type LatePointFact } from "./draft";
import { bulletinFileName, editBlockedReason, transitionBlockedReason } from "./workflow";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const base: BulletinFacts = {
  year: 2026,
  number: 3,
  periodStart: d("2026-11-01"),
  periodEnd: d("2026-11-30"),
  totals: { points: 12, done: 5, onTrack: 4, behind: 1, overdue: 2, notStarted: 0, rate: 0.6234 },
  finished: [{ number: 5, title: "开展宪法宣传周活动", officeName: "研究室", deadline: d("2026-12-10") }],
  late: [
    { number: 8, title: "建设法治平台", officeName: "综合科", deadline: d("2026-09-30"), status: "OVERDUE", daysLate: 61 },
    { number: 9, title: "完善制度", officeName: "综合科", deadline: d("2026-12-31"), status: "BEHIND", daysLate: 0 },
    { number: 2, title: "组织培训", officeName: "研究室", deadline: d("2026-10-31"), status: "OVERDUE", daysLate: 30 },
  ],
  upcoming: [{ number: 11, title: "年度总结", officeName: "综合科", deadline: d("2026-12-20") }],
  approvedEntries: 17,
};

describe("draftBulletin", () => {
  const cases: { name: string; facts: Partial<BulletinFacts>; contains: string[]; excludes?: string[] }[] = [
    {
      name: "overall figures",
      facts: {},
      contains: ["截至2026年11月30日，2026年度工作要点共12项，已完成5项，正常推进4项，滞后1项，逾期2项，总体完成率62.3%", "审核通过工作台账17条"],
      excludes: ["尚未开始"],
    },
    { name: "period in the preface", facts: {}, contains: ["现将2026年11月1日至11月30日工作进展情况通报如下"] },
    { name: "finished this period", facts: {}, contains: ["本期新完成工作要点1项：第5项“开展宪法宣传周活动”（研究室）。"] },
    { name: "nothing finished", facts: { finished: [] }, contains: ["本期没有新完成的工作要点。"] },
    {
      name: "late points grouped by office, in the given order",
      facts: {},
      contains: ["综合科：第8项“建设法治平台”已逾期61天（完成时限9月30日）；第9项“完善制度”进度滞后（完成时限12月31日）。", "研究室：第2项“组织培训”已逾期30天（完成时限10月31日）。"],
    },
    { name: "nothing late", facts: { late: [] }, contains: ["目前没有滞后或逾期的工作要点。", "请各科室继续对照完成时限"], excludes: ["分析滞后原因"] },
    { name: "upcoming deadlines", facts: {}, contains: ["未来30天内到期的未完成工作要点1项：第11项“年度总结”（综合科，12月20日到期）。"] },
    { name: "no upcoming deadlines", facts: { upcoming: [] }, contains: ["未来30天内没有到期的未完成工作要点。"] },
    { name: "a point without lead office", facts: { finished: [{ number: 1, title: "学习", officeName: "", deadline: d("2026-12-31") }] }, contains: ["第1项“学习”（未指定牵头科室）"] },
    { name: "not started mentioned only when there are some", facts: { totals: { ...base.totals, notStarted: 3 } }, contains: ["尚未开始3项"] },
  ];
  it.each(cases)("$name", ({ facts, contains, excludes }) => {
    const { title, content } = draftBulletin({ ...base, ...facts });
    expect(title).toBe("关于2026年度法治建设工作要点落实情况的通报（第3期）");
    for (const text of contains) expect(content).toContain(text);
    for (const text of excludes ?? []) expect(content).not.toContain(text);
  });

  it("names offices, never people, and its headings split into parts", () => {
    const { content } = draftBulletin(base);
    const split = splitBulletinContent(content);
    expect(split.preface).toContain("现将");
    expect(split.parts.map((p) => p.heading)).toEqual(["一、总体进展", "二、本期完成情况", "三、滞后和逾期情况", "四、近期到期事项", "五、下一步工作要求"]);
    expect(split.parts[2].content.split("\n")).toHaveLength(2);
  });
});

describe("small rules", () => {
  it.each([
    [d("2026-11-01"), d("2026-11-30"), "2026年11月1日至11月30日"],
    [d("2026-12-01"), d("2027-01-05"), "2026年12月1日至2027年1月5日"],
  ])("periodLabel %s", (start, end, label) => expect(periodLabel(start, end)).toBe(label));

  it.each([
    ["submit", "DRAFT", null],
    ["submit", "IN_REVIEW", "通报当前为“送审”状态，不能送领导审定"],
    ["approve", "IN_REVIEW", null],
    ["approve", "DRAFT", "通报当前为“草稿”状态，不能审定通过"],
    ["return", "APPROVED", "通报当前为“已审定”状态，不能退回修改"],
  ] as const)("%s from %s", (transition, status, reason) => expect(transitionBlockedReason(transition, status)).toBe(reason));

  it("edits drafts only", () => {
    expect(editBlockedReason("DRAFT")).toBeNull();
    expect(editBlockedReason("IN_REVIEW")).toContain("已送审");
    expect(editBlockedReason("APPROVED")).toContain("已审定");
  });

  it("file names", () => {
    expect(bulletinFileName(bulletinTitle(2026, 1))).toBe("关于2026年度法治建设工作要点落实情况的通报（第1期）.docx");
    expect(bulletinFileName('a/b:"c"')).toBe("abc.docx");
  });
});

describe("late points with 延期申请 and 进展反馈", () => {
  const late = (over: Partial<LatePointFact>): LatePointFact => ({
    number: 8, title: "建设法治平台", officeName: "综合科", deadline: d("2026-09-30"), status: "OVERDUE", daysLate: 61, ...over,
  });
  it.each<[string, Partial<LatePointFact>, string]>([
    ["overdue, plain", {}, "第8项“建设法治平台”已逾期61天（完成时限9月30日）"],
    ["behind, plain", { status: "BEHIND", daysLate: 0, deadline: d("2026-12-31") }, "第8项“建设法治平台”进度滞后（完成时限12月31日）"],
    ["overdue on an approved extension", { deadline: d("2026-11-15"), daysLate: 15, extension: { originalDeadline: d("2026-09-30") } }, "第8项“建设法治平台”原定9月30日完成，经批准延期至11月15日，已逾期15天"],
    ["behind on an approved extension", { status: "BEHIND", daysLate: 0, deadline: d("2026-12-20"), extension: { originalDeadline: d("2026-10-31") } }, "第8项“建设法治平台”原定10月31日完成，经批准延期至12月20日，进度滞后"],
    ["extension of a point without a deadline of its own", { status: "BEHIND", daysLate: 0, deadline: d("2026-12-20"), extension: { originalDeadline: null } }, "第8项“建设法治平台”经批准延期至12月20日，进度滞后"],
    ["the office's feedback", { note: "平台已完成招标，正在部署。" }, "第8项“建设法治平台”已逾期61天（完成时限9月30日）（科室反馈：平台已完成招标，正在部署）"],
    ["feedback on several lines", { note: "一、已招标\n二、正在部署\n" }, "第8项“建设法治平台”已逾期61天（完成时限9月30日）（科室反馈：一、已招标 二、正在部署）"],
    ["blank feedback is left out", { note: "  \n " }, "第8项“建设法治平台”已逾期61天（完成时限9月30日）"],
    ["extension and feedback", { deadline: d("2026-11-15"), daysLate: 15, extension: { originalDeadline: d("2026-09-30") }, note: "等待上级批复" }, "第8项“建设法治平台”原定9月30日完成，经批准延期至11月15日，已逾期15天（科室反馈：等待上级批复）"],
    ["no extension (null)", { extension: null, note: null }, "第8项“建设法治平台”已逾期61天（完成时限9月30日）"],
  ])("%s", (_name, over, expected) => {
    const point = late(over);
    expect(latePointText(point)).toBe(expected);
    const { content } = draftBulletin({ ...base, late: [point] });
    expect(content.split("\n")).toContain(`综合科：${expected}。`);
  });

  it("cuts a long note and keeps the paragraph one line", () => {
    const clause = noteClause("进展".repeat(100))!;
    expect([...clause]).toHaveLength(NOTE_MAX + 2);
    expect(clause.endsWith("……")).toBe(true);
    const { content } = draftBulletin({ ...base, late: [late({ note: `第一行\n${"进展".repeat(100)}` })] });
    expect(splitBulletinContent(content).parts[2].content.split("\n")).toHaveLength(1);
  });
});

describe("upcomingText", () => {
  it.each<[string, boolean | undefined, string]>([
    ["own deadline", undefined, "第11项“年度总结”（综合科，12月20日到期）"],
    ["own deadline (false)", false, "第11项“年度总结”（综合科，12月20日到期）"],
    ["approved extension", true, "第11项“年度总结”（综合科，经批准延期至12月20日）"],
  ])("%s", (_name, extended, expected) => {
    const point = { number: 11, title: "年度总结", officeName: "综合科", deadline: d("2026-12-20"), extended };
    expect(upcomingText(point)).toBe(expected);
    expect(draftBulletin({ ...base, upcoming: [point] }).content).toContain(`未来30天内到期的未完成工作要点1项：${expected}。`);
  });
});
