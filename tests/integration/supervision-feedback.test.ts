/**
 * 进展反馈 against a real database: one note per point and period by the lead office, prefilled from
 * the period's ledger; which notes are missing per office; the cycle setting; 待我处理. Seeded on
 * 22 November 2026: 综合科 leads points 1, 3, 6 and 8 of the 2026 plan.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, businessCounts, createTestDb, userByName, type TestDb } from "@/tests/support/test-db";
import { calendarDate } from "@/lib/progress";
import { saveNoteSchema } from "@/lib/supervision/schemas";
import { saveProgressNote, updateFeedbackSettings } from "@/lib/supervision/feedback-mutations";
import { feedbackForm, feedbackOverview, missingFeedbackNotes } from "@/lib/supervision/feedback-queries";
import { notesOfPeriod } from "@/lib/supervision/queries";
import { loadSupervisionTasks } from "@/lib/supervision/tasks";
import { periodFromKey } from "@/lib/supervision/periods";
import { NOT_ALLOWED_MESSAGE, NOT_FOUND_MESSAGE } from "@/lib/supervision/access";
import { requestExtension } from "@/lib/supervision/mutations";

const TODAY = calendarDate(2026, 11, 22);
const DEC4 = calendarDate(2026, 12, 4);
let t: TestDb;
const ids = { p1: 0, p3: 0, p5: 0, p8: 0, zonghe: 0 };

async function as(username: string) {
  const user = await userByName(t.db, username);
  return { ...actor(user), officeId: user.officeId };
}
const note = (workPointId: number, period: string, text = "本月组织专题学习一次，下月开展培训。") => saveNoteSchema.parse({ workPointId: String(workPointId), period, text });

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
  const plan = await t.db.plan.findUniqueOrThrow({ where: { year: 2026 }, include: { points: true } });
  const byNumber = (n: number) => plan.points.find((p) => p.number === n)!.id;
  Object.assign(ids, { p1: byNumber(1), p3: byNumber(3), p5: byNumber(5), p8: byNumber(8) });
  ids.zonghe = (await t.db.office.findUniqueOrThrow({ where: { name: "综合科" } })).id;
}, 120_000);
afterAll(async () => t.cleanup());

describe("writing a progress note", () => {
  it("the lead office writes one note per point and period; writing again corrects it", async () => {
    const staff = await as("staff-zonghe");
    const first = await saveProgressNote(t.db, staff, note(ids.p1, "2026-10"), { today: TODAY });
    expect(first.created).toBe(true);
    const second = await saveProgressNote(t.db, staff, note(ids.p1, "2026-10", "更正：本月组织专题学习两次。"), { today: TODAY });
    expect(second.created).toBe(false);
    expect(second.note).toMatchObject({ id: first.note.id, text: "更正：本月组织专题学习两次。", version: 2, officeId: ids.zonghe });
    expect(await t.db.progressNote.count({ where: { workPointId: ids.p1 } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { entity: "ProgressNote", entityId: String(first.note.id) } })).toBe(2);
  });

  it("refuses a period not begun, of another year or another cycle, another office's point and other roles; nothing written", async () => {
    const staff = await as("staff-zonghe");
    const before = await businessCounts(t.db);
    await expect(saveProgressNote(t.db, staff, note(ids.p1, "2026-12"), { today: TODAY })).rejects.toThrow("该反馈周期尚未开始，不能提前填写");
    await expect(saveProgressNote(t.db, staff, note(ids.p1, "2025-10"), { today: TODAY })).rejects.toThrow("反馈周期不属于该要点的计划年度");
    await expect(saveProgressNote(t.db, staff, note(ids.p1, "2026-Q3"), { today: TODAY })).rejects.toThrow("反馈周期不属于该要点的计划年度");
    await expect(saveProgressNote(t.db, await as("staff-yanjiu"), note(ids.p1, "2026-10"), { today: TODAY })).rejects.toThrow(NOT_FOUND_MESSAGE);
    await expect(saveProgressNote(t.db, await as("leader"), note(ids.p1, "2026-10"), { today: TODAY })).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    expect(await businessCounts(t.db)).toEqual(before);
  });

  it("the demo seeds last month's notes of two points (seeded on 22 November: October's)", async () => {
    expect((await notesOfPeriod(t.db, 2026, "2026-10")).map((n) => [n.pointNumber, n.officeName])).toEqual([
      [1, "综合科"], // written by the first test
      [2, "研究室"],
      [3, "综合科"],
    ]);
  });

  it("the form is prefilled from the period's ledger records", async () => {
    const rows = await feedbackForm(t.db, periodFromKey("2026-02")!, ids.zonghe);
    expect(rows.map((r) => r.number)).toEqual([1, 3, 6, 8]);
    expect(rows.find((r) => r.number === 3)!.prefill).toBe("2月20日 法治建设专栏更新（宣传活动）");
    expect(rows.find((r) => r.number === 1)!.prefill).toBe("");
  });
});

describe("missing notes", () => {
  it("on 4 December the November notes are due: every open lead point without one, by office", async () => {
    const { period, missing } = await missingFeedbackNotes(t.db, { today: DEC4 });
    expect(period.key).toBe("2026-11");
    const zonghe = missing.filter((m) => m.officeId === ids.zonghe).map((m) => m.number);
    expect(zonghe).toEqual([1, 3, 6, 8]);
    // Point 5 was completed in March: it owes nothing.
    expect(missing.some((m) => m.pointId === ids.p5)).toBe(false);

    await saveProgressNote(t.db, await as("coordinator"), note(ids.p8, "2026-11"), { today: DEC4 });
    const after = await missingFeedbackNotes(t.db, { today: DEC4, officeId: ids.zonghe });
    expect(after.missing.map((m) => m.number)).toEqual([1, 3, 6]);

    const overview = await feedbackOverview(t.db, { today: DEC4 });
    const row = overview.offices.find((o) => o.officeId === ids.zonghe)!;
    expect(row).toMatchObject({ officeName: "综合科", owed: 4, written: 1 });
    expect((await notesOfPeriod(t.db, 2026, "2026-11")).map((n) => [n.pointNumber, n.officeName])).toEqual([[8, "综合科"]]);
  });

  it("待我处理 tells the office what it still owes, and the leader what waits for a decision", async () => {
    const staff = await userByName(t.db, "staff-zonghe");
    const tasks = await loadSupervisionTasks(t.db, { id: staff.id, role: "STAFF", officeId: staff.officeId }, DEC4);
    expect(tasks.missingFeedback).toEqual({ count: 3, periodLabel: "2026年11月", due: "2026年12月5日" });
    await requestExtension(t.db, await as("staff-zonghe"), { workPointId: ids.p8, proposedDeadline: calendarDate(2026, 12, 20), reason: "等待上级文件" }, { today: TODAY });
    const leader = await userByName(t.db, "leader");
    const leaderTasks = await loadSupervisionTasks(t.db, { id: leader.id, role: "LEADER", officeId: null }, DEC4);
    expect(leaderTasks.extensionsToDecide.map((i) => [i.pointNumber, i.note])).toEqual([[8, "申请延期至2026年12月20日"]]);
    expect(leaderTasks.missingFeedback).toBeNull();
  });

  it("the 法治办 sets a quarterly cycle; staff may not", async () => {
    await expect(updateFeedbackSettings(t.db, await as("staff-zonghe"), { cycle: "QUARTERLY", dueDay: 10 })).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    await updateFeedbackSettings(t.db, await as("coordinator"), { cycle: "QUARTERLY", dueDay: 10 });
    const { period } = await missingFeedbackNotes(t.db, { today: DEC4 });
    expect([period.key, period.due.toISOString().slice(0, 10)]).toEqual(["2026-Q3", "2026-10-10"]);
    await updateFeedbackSettings(t.db, await as("coordinator"), { cycle: "MONTHLY", dueDay: 5 });
  });
});
