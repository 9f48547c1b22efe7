/**
 * "Missing feedback" reminders through the outbox: after the due day of the latest ended period, each
 * lead office with notes missing gets one notification per staff member, once; before the due day
 * nothing; an office whose notes are all written nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, createTestDb, userByName, type TestDb } from "@/tests/support/test-db";
import { calendarDate } from "@/lib/progress";
import { planFeedbackReminders } from "@/lib/outbound/feedback-reminders";
import { missingFeedbackNotes } from "@/lib/supervision/feedback-queries";
import { saveNoteSchema } from "@/lib/supervision/schemas";
import { saveProgressNote } from "@/lib/supervision/feedback-mutations";

const NO_CHANNELS = { smtp: null, webhookUrl: "" };
// 08:00 Beijing on the given day (the reminders' day starts then).
const at = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 1, 0));
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: calendarDate(2026, 11, 22) });
}, 120_000);
afterAll(async () => t.cleanup());

const feedbackNotices = (userId: number) => t.db.notification.count({ where: { userId, title: { startsWith: "进展反馈提醒" } } });

describe("missing-feedback reminders", () => {
  it("nothing on or before the due day", async () => {
    expect(await planFeedbackReminders(t.db, at(2026, 12, 5), NO_CHANNELS)).toBe(0);
    expect(await t.db.notification.count({ where: { title: { startsWith: "进展反馈提醒" } } })).toBe(0);
  });

  it("after the due day, each office owing notes is told once, naming the points", async () => {
    const zonghe = await userByName(t.db, "staff-zonghe");
    const { missing } = await missingFeedbackNotes(t.db, { today: calendarDate(2026, 12, 6) });
    const owed = missing.filter((m) => m.officeId === zonghe.officeId);
    expect(owed.length).toBeGreaterThan(0);

    const queued = await planFeedbackReminders(t.db, at(2026, 12, 6), NO_CHANNELS);
    expect(queued).toBeGreaterThan(0);
    expect(await feedbackNotices(zonghe.id)).toBe(1);
    const notice = await t.db.notification.findFirstOrThrow({ where: { userId: zonghe.id, title: { startsWith: "进展反馈提醒" } } });
    expect(notice.title).toBe(`进展反馈提醒：2026年11月尚有 ${owed.length} 项工作要点未反馈`);
    expect(notice.body).toContain(`第${owed[0].number}项`);
    expect(notice.link).toBe("/supervision/feedback");

    // Planned again (another tick, another instance): nothing new.
    expect(await planFeedbackReminders(t.db, at(2026, 12, 7), NO_CHANNELS)).toBe(0);
    expect(await feedbackNotices(zonghe.id)).toBe(1);
  });

  it("an office that has written all its notes is not reminded for the next period", async () => {
    const yanjiu = await userByName(t.db, "staff-yanjiu");
    const staff = { ...actor(yanjiu), officeId: yanjiu.officeId };
    const today = calendarDate(2027, 1, 3);
    const { period, missing } = await missingFeedbackNotes(t.db, { today });
    expect(period.key).toBe("2026-12");
    for (const m of missing.filter((x) => x.officeId === yanjiu.officeId)) {
      await saveProgressNote(t.db, staff, saveNoteSchema.parse({ workPointId: String(m.pointId), period: period.key, text: "本月按计划推进。" }), { today });
    }
    const before = await feedbackNotices(yanjiu.id);
    await planFeedbackReminders(t.db, at(2027, 1, 8), NO_CHANNELS);
    expect(await feedbackNotices(yanjiu.id)).toBe(before);
    const zonghe = await userByName(t.db, "staff-zonghe");
    expect(await feedbackNotices(zonghe.id)).toBe(2);
  });
});
