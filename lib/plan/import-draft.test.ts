import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "./parse";
import { draftCounts, draftNotices, draftProblems, draftToPayload, emptyTarget, matchOffice, toDraft, withYear, type OfficeRef } from "./import-draft";
import { importPlanSchema } from "./schemas";

const FIXTURE = path.resolve(__dirname, "../../tests/fixtures/rule-of-law-plan-2025.txt");
const OFFICES: OfficeRef[] = [
  { id: 1, name: "综合科", shortName: "综合", active: true },
  { id: 2, name: "研究室", shortName: "研究", active: true },
  { id: 3, name: "人事科", shortName: "人事", active: true },
  { id: 4, name: "社会法制委", shortName: "社法", active: true },
  { id: 5, name: "老干部科", shortName: "老干", active: false },
];
const defaults = { year: 2026, unitName: "XX市政协办公室" };

describe("matchOffice", () => {
  it.each<[string, number | null]>([
    ["综合科", 1],
    ["综合", 1],
    [" 研究室 ", 2],
    ["市政协办公室综合科", 1],
    ["社会法制", 4],
    ["老干部科", null],
    ["宣传科", null],
    ["委", null],
  ])("%s → %s", (name, id) => expect(matchOffice(name, OFFICES)).toBe(id));
});

describe("the import draft", () => {
  const parsed = parsePlanText(fs.readFileSync(FIXTURE, "utf8"));

  it("turns the fixture into 3 sections, 12 points and 3 targets that pass the save schema", () => {
    const draft = toDraft(parsed, OFFICES, defaults);
    expect(draftCounts(draft)).toEqual({ sections: 3, points: 12, targets: 3 });
    expect(draft.year).toBe("2025");
    expect(draftProblems(draft)).toEqual([]);
    const payload = importPlanSchema.parse(draftToPayload(draft));
    expect(payload.sections[0].points[0].targets[0]).toMatchObject({ subject: "专题学习", comparator: ">=", value: 4, unit: "次" });
  });

  it("moves the deadlines (dates) when the year changes, never the wording, and says where the wording names another year", () => {
    const draft = toDraft(parsed, OFFICES, defaults);
    draft.sections[0].points[0].deadline = "2025-06-30";
    draft.sections[0].points[0].deadlineText = "2025年6月底前";
    draft.sections[0].points[0].targets[0].deadline = "2025-12-31";
    const moved = withYear(draft, "2030");
    expect(moved.baseYear).toBe(2030);
    expect(moved.title).toBe(draft.title);
    expect(moved.preamble).toBe(draft.preamble);
    expect(moved.sections[0].points[0]).toMatchObject({ deadline: "2030-06-30", deadlineText: "2025年6月底前" });
    expect(draftNotices(moved).some((n) => n.includes("正文中写有 2025 年，与年度 2030 不同"))).toBe(true);
    expect(draftNotices(draft).some((n) => n.includes("正文中写有"))).toBe(false);
    expect(moved.sections[0].points[0].targets[0].deadline).toBe("2030-12-31");
    // A half-typed year changes nothing but the field.
    expect(withYear(draft, "20").sections[0].points[0].deadline).toBe("2025-06-30");
  });

  it("lists points without a 牵头科室 before saving", () => {
    const draft = toDraft(parsed, OFFICES, defaults);
    const points = draft.sections.flatMap((s) => s.points);
    for (const p of points) p.leadOfficeId = null;
    expect(draftNotices(draft)[0]).toBe(`全部 ${points.length} 条要点都未指定牵头科室，保存后请在要点中补充，否则无法督办和统计科室完成情况`);
    points[0].leadOfficeId = OFFICES[0].id;
    expect(draftNotices(draft)[0]).toBe(`以下 ${points.length - 1} 条要点未指定牵头科室：第 ${points.slice(1).map((p) => p.number).join("、")} 条`);
  });

  it("never invents a title: a document without one asks for it", () => {
    const draft = toDraft({ ...parsed, title: "" }, OFFICES, defaults);
    expect(draft.title).toBe("");
    expect(draftProblems(draft)).toContain("请填写标题");
  });

  it("asks for unknown offices, empty titles and invalid target values before saving", () => {
    const draft = toDraft(parsed, OFFICES, defaults);
    draft.sections[0].points[0].unknownLead = "宣传科";
    draft.sections[0].points[1].title = " ";
    draft.sections[0].points[2].targets.push({ ...emptyTarget(), subject: "宣传活动", value: "abc" });
    draft.year = "3000";
    expect(draftProblems(draft)).toEqual([
      "请填写有效的年度（2000—2100）",
      "要点 1：未找到科室“宣传科”，请选择对应科室",
      "要点 2：请填写标题",
      "要点 3 指标 1：目标值无效",
    ]);
  });

  it("matches offices named in the text and keeps the unknown ones for the prompt", () => {
    const withOffices = parsePlanText("2026年工作要点\n一、学习\n1.学习宪法。全年学习不少于4次。（牵头科室：综合科；配合科室：研究、宣传科；完成时限：6月底前）");
    const draft = toDraft(withOffices, OFFICES, defaults);
    const point = draft.sections[0].points[0];
    expect(point.leadOfficeId).toBe(1);
    expect(point.supportOfficeIds).toEqual([2]);
    expect(point.unknownSupport).toEqual(["宣传科"]);
    expect(point.deadline).toBe("2026-06-30");
  });
});
