/**
 * 情况通报 against the seeded demo data: drafted from the figures (offices, never people), edited,
 * sent for approval, returned with a comment, approved by a leader, exported as GB/T 9704 .docx.
 * Only the 法治办 drafts and edits; only a leader decides; refused calls write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { actor, createTestDb, tableCounts, userByName, type TestDb } from "@/tests/support/test-db";
import { calendarDate } from "@/lib/progress";
import { bulletinTransitionSchema, generateBulletinSchema, saveBulletinSchema } from "@/lib/bulletins/schemas";
import { generateBulletin, saveBulletin, transitionBulletin } from "@/lib/bulletins/mutations";
import { bulletinDocxInput } from "@/lib/bulletins/queries";
import { buildReportDocx } from "@/lib/report/docx";

const TODAY = calendarDate(2026, 11, 22);
let t: TestDb;
type Actor = ReturnType<typeof actor>;
const who: Record<string, Actor> = {};

async function docxText(id: number): Promise<{ body: string; headers: string }> {
  const input = await bulletinDocxInput(t.db, id);
  const zip = await JSZip.loadAsync(await buildReportDocx(input!));
  const body = await zip.file("word/document.xml")!.async("string");
  const headerFiles = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
  const headers = (await Promise.all(headerFiles.map((f) => zip.file(f)!.async("string")))).join("");
  return { body: body.replace(/<[^>]+>/g, ""), headers: headers.replace(/<[^>]+>/g, "") };
}

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
  for (const name of ["coordinator", "leader", "staff-zonghe", "viewer"]) who[name] = actor(await userByName(t.db, name));
}, 120_000);
afterAll(async () => t.cleanup());

describe("drafting", () => {
  let firstId = 0;
  it("drafts the first bulletin of the year from the data", async () => {
    const input = generateBulletinSchema.parse({ year: "2026", periodStart: "2026-11-01", periodEnd: "2026-11-22" });
    const b = await generateBulletin(t.db, who.coordinator, input, { today: TODAY });
    firstId = b.id;
    expect(b).toMatchObject({ year: 2026, number: 1, status: "DRAFT", title: "关于2026年度法治建设工作要点落实情况的通报（第1期）" });
    expect(b.content).toContain("现将2026年11月1日至11月22日工作进展情况通报如下");
    expect(b.content).toMatch(/截至2026年11月22日，2026年度工作要点共\d+项/);
    for (const heading of ["一、总体进展", "二、本期完成情况", "三、滞后和逾期情况", "四、近期到期事项", "五、下一步工作要求"]) expect(b.content).toContain(heading);
    // Offices are named with their late points (demo: 综合科 has late points); people never are.
    expect(b.content).toMatch(/综合科：第\d+项“[^”]+”(已逾期\d+天|进度滞后)/);
    const people = await t.db.user.findMany({ select: { displayName: true } });
    for (const p of people) expect(b.content).not.toContain(p.displayName);
    expect(await t.db.auditLog.count({ where: { entity: "Bulletin", entityId: String(b.id), action: "generate" } })).toBe(1);
  });

  it("continues the numbering and the period from the last bulletin", async () => {
    const b = await generateBulletin(t.db, who.coordinator, generateBulletinSchema.parse({ year: "2026" }), { today: calendarDate(2026, 11, 30) });
    expect(b.number).toBe(2);
    expect(b.periodStart.toISOString().slice(0, 10)).toBe("2026-11-23");
    expect(b.periodEnd.toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(b.title).toContain("（第2期）");
    expect(firstId).toBeGreaterThan(0);
  });

  it.each([
    [{ year: "2026", periodEnd: "2026-12-31" }, "通报期间的截止日期不能晚于今天"],
    [{ year: "2026", periodStart: "2026-11-20", periodEnd: "2026-11-10" }, "通报期间的截止日期不能早于开始日期"],
    [{ year: "2026", periodStart: "2025-12-01", periodEnd: "2026-11-10" }, "通报期间的开始日期须在2026年内"],
    [{ year: "2031" }, "没有2031年度的工作要点，无法生成通报"],
  ])("refuses %o and writes nothing", async (form, message) => {
    const before = await tableCounts(t.db);
    await expect(generateBulletin(t.db, who.coordinator, generateBulletinSchema.parse(form), { today: TODAY })).rejects.toThrow(message);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it.each(["leader", "staff-zonghe", "viewer"])("%s may not draft", async (name) => {
    const before = await tableCounts(t.db);
    await expect(generateBulletin(t.db, who[name], generateBulletinSchema.parse({ year: "2026", periodStart: "2026-01-01", periodEnd: "2026-02-01" }), { today: TODAY })).rejects.toThrow("您没有执行此操作的权限");
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe("edit, approval and export", () => {
  it("runs 草稿 → 送审 → 退回 → 送审 → 已审定, telling the next person each time", async () => {
    const b = await generateBulletin(t.db, who.coordinator, generateBulletinSchema.parse({ year: "2026", periodStart: "2026-10-01", periodEnd: "2026-10-31", docNumber: "法治办通〔2026〕9号" }), { today: TODAY });
    const form = (version: number, content: string) => saveBulletinSchema.parse({ id: String(b.id), version: String(version), title: b.title, docNumber: b.docNumber, content });
    const saved = await saveBulletin(t.db, who.coordinator, form(1, `开头补充说明：本期通报经法治办核对。\n${b.content}\n\n补充说明：本期通报经法治办核对。  `));
    expect(saved).toEqual({ changed: true, version: 2 });
    // A stale version is a conflict; a leader cannot edit.
    await expect(saveBulletin(t.db, who.coordinator, form(1, "旧版本"))).rejects.toThrow("该记录已被他人修改");
    await expect(saveBulletin(t.db, who.leader, form(2, "领导改稿"))).rejects.toThrow("您没有执行此操作的权限");

    const step = (version: number, comment = "") => bulletinTransitionSchema.parse({ id: String(b.id), version: String(version), comment });
    // Only a leader decides; the coordinator cannot approve their own draft.
    await transitionBulletin(t.db, who.coordinator, "submit", step(2));
    await expect(transitionBulletin(t.db, who.coordinator, "approve", step(3))).rejects.toThrow("您没有执行此操作的权限");
    await expect(saveBulletin(t.db, who.coordinator, form(3, "送审中修改"))).rejects.toThrow("通报已送审，不能修改");
    const leaderNote = await t.db.notification.findFirst({ where: { userId: who.leader.id!, title: { startsWith: "待审定" } } });
    expect(leaderNote?.link).toBe(`/supervision/bulletins/${b.id}`);

    await expect(transitionBulletin(t.db, who.leader, "return", step(3))).rejects.toThrow("退回时请填写修改意见");
    const returned = await transitionBulletin(t.db, who.leader, "return", step(3, "请补充各科室的整改措施"));
    expect(returned).toMatchObject({ status: "DRAFT", returnComment: "请补充各科室的整改措施" });
    expect(await t.db.notification.count({ where: { userId: who.coordinator.id!, title: { startsWith: "已退回" }, body: { contains: "整改措施" } } })).toBe(1);

    await saveBulletin(t.db, who.coordinator, form(4, `开头补充说明：本期通报经法治办核对。\n${b.content}\n各科室已报送整改措施。`));
    await transitionBulletin(t.db, who.coordinator, "submit", step(5));
    const draftDocx = await docxText(b.id);
    expect(draftDocx.headers).toContain("草稿");

    const approved = await transitionBulletin(t.db, who.leader, "approve", step(6));
    expect(approved).toMatchObject({ status: "APPROVED", approvedById: who.leader.id, returnComment: "" });
    expect(await t.db.notification.count({ where: { userId: who.coordinator.id!, title: { startsWith: "已审定" } } })).toBe(1);
    await expect(transitionBulletin(t.db, who.leader, "approve", step(7))).rejects.toThrow("通报当前为“已审定”状态，不能审定通过");
    expect((await t.db.auditLog.findMany({ where: { entity: "Bulletin", entityId: String(b.id) }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "generate", "update", "submit", "return", "update", "submit", "approve",
    ]);

    const finalDocx = await docxText(b.id);
    expect(finalDocx.headers).not.toContain("草稿");
    expect(finalDocx.body).toContain("关于2026年度法治建设工作要点落实情况的通报");
    expect(finalDocx.body).toContain("法治办通〔2026〕9号");
    expect(finalDocx.body).toContain("各科室、委室：");
    expect(finalDocx.body).toContain("一、总体进展");
    expect(finalDocx.body).toContain("各科室已报送整改措施。");
    // Each preface line is a paragraph of its own.
    const zip = await JSZip.loadAsync(await buildReportDocx((await bulletinDocxInput(t.db, b.id))!));
    const paragraphs = [...(await zip.file("word/document.xml")!.async("string")).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ""));
    expect(paragraphs).toContain("开头补充说明：本期通报经法治办核对。");
  });
});

describe("进展反馈 and 延期申请 in the draft", () => {
  it("quotes the lead office's latest note of the period and states an approved extension; a declined one changes nothing", async () => {
    const { buildBulletinFacts } = await import("@/lib/bulletins/facts");
    const { draftBulletin } = await import("@/lib/bulletins/draft");
    const start = calendarDate(2026, 11, 1);
    const end = calendarDate(2026, 11, 22);
    const before = (await buildBulletinFacts(t.db, 2026, 9, start, end))!;
    const overdue = before.late.filter((p) => p.status === "OVERDUE" && p.officeName);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const [noted, extended] = overdue;
    const row = (n: number) => t.db.workPoint.findFirstOrThrow({ where: { number: n, plan: { year: 2026 } } });
    const [notedRow, extendedRow] = [await row(noted.number), await row(extended.number)];
    const otherOffice = await t.db.office.findFirstOrThrow({ where: { id: { not: extendedRow.leadOfficeId! } } });
    const author = (await userByName(t.db, "staff-zonghe")).id;
    const note = (workPointId: number, officeId: number, period: string, text: string) =>
      t.db.progressNote.create({ data: { workPointId, officeId, period, text, authorId: author } });
    await note(notedRow.id, notedRow.leadOfficeId!, "2026-10", "十月：完成需求调研。");
    await note(notedRow.id, notedRow.leadOfficeId!, "2026-11", "十一月：已完成招标，正在部署。");
    await note(extendedRow.id, otherOffice.id, "2026-11", "非牵头科室的反馈");
    const decide = (status: string, day: number, decidedAt: string) =>
      t.db.deadlineExtension.create({
        data: {
          workPointId: extendedRow.id, officeId: extendedRow.leadOfficeId!, currentDeadline: extendedRow.deadline!, proposedDeadline: calendarDate(2026, 11, day),
          reason: "等待上级文件", status, requestedById: author, decidedById: who.leader.id, decidedAt: new Date(decidedAt),
        },
      });
    await decide("DECLINED", 15, "2026-09-02T02:00:00Z");

    const text = (facts: NonNullable<typeof before>) => draftBulletin(facts).content;
    const declinedOnly = (await buildBulletinFacts(t.db, 2026, 9, start, end))!;
    const lineOf = (content: string, n: number) => content.split("\n").find((l) => l.includes(`第${n}项`))!;
    expect(lineOf(text(declinedOnly), extended.number)).toBe(lineOf(text(before), extended.number));
    expect(text(declinedOnly)).toContain("（科室反馈：十一月：已完成招标，正在部署）");
    expect(text(declinedOnly)).not.toContain("十月：完成需求调研");
    expect(text(declinedOnly)).not.toContain("非牵头科室的反馈");

    // Approved before the later refusal: the approval stands.
    await decide("APPROVED", 10, "2026-09-01T02:00:00Z");
    const after = (await buildBulletinFacts(t.db, 2026, 9, start, end))!;
    const point = after.late.find((p) => p.number === extended.number)!;
    expect(point).toMatchObject({ status: "OVERDUE", daysLate: 12, extension: { originalDeadline: extendedRow.deadline } });
    expect(text(after)).toContain(`原定${extendedRow.deadline!.getUTCMonth() + 1}月${extendedRow.deadline!.getUTCDate()}日完成，经批准延期至11月10日，已逾期12天`);
    expect(text(after)).not.toContain("11月15日");

    // A period that takes in October and November: the latest (November) note is quoted.
    const longer = draftBulletin((await buildBulletinFacts(t.db, 2026, 9, calendarDate(2026, 10, 1), end))!).content;
    expect(longer).toContain("（科室反馈：十一月：已完成招标，正在部署）");
    expect(longer).not.toContain("十月：完成需求调研");
  });
});
