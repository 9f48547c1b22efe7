import { describe, expect, it } from "vitest";
import { classifyShufaEntry, draftShufa, leaderEntries, type ShufaEntry, type ShufaLeader } from "./shufa";

const principal: ShufaLeader = { id: 1, displayName: "王秘书长", isPrincipal: true };
const deputy: ShufaLeader = { id: 2, displayName: "陈副秘书长", isPrincipal: false };
let nextId = 1;
const entry = (over: Partial<ShufaEntry>): ShufaEntry => ({ id: nextId++, date: "2025-03-12", title: "活动", form: "其他", category: "NORMAL", participants: "", description: "", ...over });

const firstResponsibleStudy = entry({ date: "2025-05-09", title: "秘书长带头学法讲法治课", form: "集中学习", category: "FIRST_RESPONSIBLE", description: "以习近平法治思想为主题讲授专题党课。" });
const meeting = entry({ date: "2025-02-25", title: "秘书长主持召开法治建设专题会议", form: "专题研讨", category: "FIRST_RESPONSIBLE", description: "研究部署全年法治建设工作" });
const centralGroup = entry({ date: "2025-04-10", title: "党组理论学习中心组学习民法典", form: "集中学习" });
const preMeeting = entry({ date: "2025-06-03", title: "秘书长办公会会前学法", form: "集中学习" });
const deputyReview = entry({ date: "2025-07-01", title: "机关采购管理办法提交合法性审核", form: "制度建设", participants: "陈副秘书长" });
const deputyPublicity = entry({ date: "2025-12-04", title: "宪法宣传周普法活动", form: "宣传活动", description: "陈副秘书长带队" });
const unrelated = entry({ title: "研究室调研", form: "调研视察" });
const all = [firstResponsibleStudy, meeting, centralGroup, preMeeting, deputyReview, deputyPublicity, unrelated];

describe("classifyShufaEntry", () => {
  const cases: [string, Partial<ShufaEntry>, string][] = [
    ["a study form", { form: "集中学习", title: "学习宪法" }, "study"],
    ["学法 in the title", { form: "其他", title: "会前学法" }, "study"],
    ["合法性审核 wins over the form", { form: "专题研讨", title: "重大决策合法性审核" }, "legalReview"],
    ["合法性审查 in the description", { form: "制度建设", title: "修订制度", description: "经合法性审查" }, "legalReview"],
    ["宣传活动", { form: "宣传活动", title: "法律进机关" }, "publicity"],
    ["普法 in the title", { form: "其他", title: "普法责任清单落实" }, "publicity"],
    ["anything else", { form: "调研视察", title: "调研" }, "other"],
  ];
  it.each(cases)("%s", (_name, over, kind) => expect(classifyShufaEntry({ title: "", form: "", description: "", ...over })).toBe(kind));
});

describe("leaderEntries", () => {
  it("the principal leader: 第一责任人 entries, collective study, entries naming them; in date order", () => {
    expect(leaderEntries(principal, all).map((e) => e.title)).toEqual([meeting.title, centralGroup.title, firstResponsibleStudy.title, preMeeting.title]);
  });
  it("a deputy: collective study and entries naming them, not the principal's", () => {
    expect(leaderEntries(deputy, all).map((e) => e.title)).toEqual([centralGroup.title, preMeeting.title, deputyReview.title, deputyPublicity.title]);
  });
});

describe("draftShufa", () => {
  it("counts the principal's study with 会前学法 and 中心组学法, and asks for what the ledger lacks", () => {
    const draft = draftShufa({ year: 2025, unitName: "XX市政协办公室", leader: principal, entries: all });
    expect(draft.title).toBe("王秘书长2025年度述法报告");
    expect(draft.parts.map((p) => p.heading)).toEqual([
      "一、带头学法用法情况",
      "二、推进依法决策和合法性审核情况",
      "三、履行普法责任情况",
      "四、履行推进法治建设职责的其他情况",
      "五、存在的问题和整改措施",
    ]);
    const study = draft.parts[0].content;
    expect(study).toContain("2025年，本人参加学法活动3次，其中会前学法1次、中心组学法1次。");
    expect(study).toContain("一是4月10日，党组理论学习中心组学习民法典；二是5月9日，秘书长带头学法讲法治课，以习近平法治思想为主题讲授专题党课；三是6月3日，秘书长办公会会前学法。");
    expect(draft.parts[1].content).toMatch(/^（请补充/);
    expect(draft.parts[3].content).toBe("一是2月25日，秘书长主持召开法治建设专题会议，研究部署全年法治建设工作。");
    expect(draft.entryIds.sort()).toEqual([meeting.id, centralGroup.id, firstResponsibleStudy.id, preMeeting.id].sort());
  });

  it("a deputy's material: review and 普法 from entries naming them, no 第一责任人 part", () => {
    const draft = draftShufa({ year: 2025, unitName: "XX市政协办公室", leader: deputy, entries: all });
    expect(draft.parts.map((p) => p.heading.slice(0, 2))).toEqual(["一、", "二、", "三、", "四、"]);
    expect(draft.parts[1].content).toContain("提交合法性审核1项");
    expect(draft.parts[2].content).toContain("一是12月4日，宪法宣传周普法活动，陈副秘书长带队。");
    expect(draft.parts[3].heading).toBe("四、存在的问题和整改措施");
  });

  it("no doubled punctuation, whatever the entries end with", () => {
    const draft = draftShufa({ year: 2025, unitName: "X", leader: deputy, entries: [entry({ title: "会前学法。", form: "集中学习", description: "学习条例；" })] });
    expect(draft.parts[0].content).not.toMatch(/[。；，]{2}/u);
  });

  it("a leader with no records gets prompts in every part", () => {
    const draft = draftShufa({ year: 2025, unitName: "X", leader: deputy, entries: [] });
    expect(draft.parts.every((p) => p.content.startsWith("（请补充"))).toBe(true);
  });
});
