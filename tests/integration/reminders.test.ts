import { afterAll, beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { actor, createTestDb, tableCounts, userByName, type TestDb } from "@/tests/support/test-db";
import { UserFacingError } from "@/lib/action-state";
import { calendarDate } from "@/lib/progress";
import { markAllReadSchema, replyReminderSchema, sendReminderSchema } from "@/lib/reminders/schemas";
import {
  markAllNotificationsRead,
  markNotificationRead,
  NOT_ALLOWED_MESSAGE,
  NOT_FOUND_MESSAGE,
  replyToReminder,
  safeInternalLink,
  sendReminder,
} from "@/lib/reminders/mutations";
import { latestRemindersByPoint, remindersForPoint } from "@/lib/reminders/queries";
import { loadSupervisionSheet } from "@/lib/reminders/sheet";
import { buildSupervisionDocx, supervisionFileName } from "@/lib/reminders/supervision-docx";

const TODAY = calendarDate(2026, 11, 22);
const opts = { today: TODAY };
let t: TestDb;
const ids = { point1: 0, point3: 0, point4: 0, zonghe: 0, yanjiu: 0 };

async function staffActor(username: string) {
  const user = await userByName(t.db, username);
  return { ...actor(user), officeId: user.officeId };
}

const send = (workPointId: number, extra: Record<string, string> = {}) =>
  sendReminderSchema.parse({ workPointId: String(workPointId), message: "请抓紧组织专题学习，按序时进度完成。", requestedBy: "2026-12-15", ...extra });

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
  const plan = await t.db.plan.findUniqueOrThrow({ where: { year: 2026 }, include: { points: true } });
  const byNumber = (n: number) => plan.points.find((p) => p.number === n)!.id;
  Object.assign(ids, { point1: byNumber(1), point3: byNumber(3), point4: byNumber(4) });
  ids.zonghe = (await t.db.office.findUniqueOrThrow({ where: { name: "综合科" } })).id;
  ids.yanjiu = (await t.db.office.findUniqueOrThrow({ where: { name: "研究室" } })).id;
  const hash = (await userByName(t.db, "staff-zonghe")).passwordHash;
  // A second, disabled colleague in 综合科 and a LEADER-less office mate: only active STAFF are notified.
  await t.db.user.create({ data: { username: "zonghe-2", displayName: "钱综合", role: "STAFF", officeId: ids.zonghe, passwordHash: hash } });
  await t.db.user.create({ data: { username: "zonghe-old", displayName: "孙离职", role: "STAFF", officeId: ids.zonghe, passwordHash: hash, active: false } });
}, 120_000);
afterAll(async () => t.cleanup());

describe("sending a 催办", () => {
  it("the leader reminds the lead office of a 滞后 point: reminder, notifications and audit in one go", async () => {
    const leader = await userByName(t.db, "leader");
    const result = await sendReminder(t.db, actor(leader), send(ids.point1), opts);
    expect(result.officeName).toBe("综合科");
    expect(result.notified).toBe(2);

    const reminder = await t.db.reminder.findUniqueOrThrow({ where: { id: result.reminder.id } });
    expect(reminder).toMatchObject({ workPointId: ids.point1, officeId: ids.zonghe, sentById: leader.id });
    expect(reminder.requestedBy?.toISOString()).toBe("2026-12-15T00:00:00.000Z");

    const notifications = await t.db.notification.findMany({ where: { reminderId: reminder.id }, include: { user: true } });
    expect(notifications.map((n) => n.user.username).sort()).toEqual(["staff-zonghe", "zonghe-2"]);
    expect(notifications[0].title).toContain("滞后");
    expect(notifications[0].link).toBe(`/points/${ids.point1}#reminder-${reminder.id}`);

    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "Reminder", entityId: String(reminder.id), action: "send" } });
    expect(audit.username).toBe("leader");
    expect(JSON.parse(audit.after!).pointStatus).toBe("BEHIND");
  });

  it("the coordinator may remind an 逾期 point", async () => {
    const coordinator = await userByName(t.db, "coordinator");
    const result = await sendReminder(t.db, actor(coordinator), send(ids.point4), opts);
    expect(result.officeName).toBe("人事科");
    expect(result.notified).toBe(0); // 人事科 has no staff account in the demo
  });

  it("refuses a point that is on track, with a clear message, and changes nothing", async () => {
    const leader = await userByName(t.db, "leader");
    const before = await tableCounts(t.db);
    await expect(sendReminder(t.db, actor(leader), send(ids.point3), opts)).rejects.toThrow(
      "该工作要点当前状态为“正常”，只有滞后或逾期的工作要点才能催办",
    );
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("refuses STAFF, VIEWER and ADMIN, a past requested date and an unknown point", async () => {
    const before = await tableCounts(t.db);
    for (const username of ["staff-zonghe", "viewer", "admin"]) {
      const user = await userByName(t.db, username);
      await expect(sendReminder(t.db, actor(user), send(ids.point1), opts)).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    }
    const leader = await userByName(t.db, "leader");
    await expect(sendReminder(t.db, actor(leader), send(ids.point1, { requestedBy: "2026-11-01" }), opts)).rejects.toThrow("不能早于今天");
    await expect(sendReminder(t.db, actor(leader), send(999_999), opts)).rejects.toBeInstanceOf(UserFacingError);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe("replying (反馈)", () => {
  const reply = (reminderId: number) =>
    replyReminderSchema.parse({ reminderId: String(reminderId), reply: "已安排12月上旬集中学习两次。", replyExpectedDate: "2026-12-20" });

  it("STAFF of another office cannot reply, nor can the leader; nothing changes", async () => {
    const reminder = await t.db.reminder.findFirstOrThrow({ where: { workPointId: ids.point1 } });
    const before = await tableCounts(t.db);
    await expect(replyToReminder(t.db, await staffActor("staff-yanjiu"), reply(reminder.id), opts)).rejects.toThrow(NOT_FOUND_MESSAGE);
    const leader = await userByName(t.db, "leader");
    await expect(replyToReminder(t.db, { ...actor(leader), officeId: null }, reply(reminder.id), opts)).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await t.db.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).reply).toBeNull();
  });

  it("STAFF of the lead office reply once: recorded on the reminder, sender notified, audited", async () => {
    const reminder = await t.db.reminder.findFirstOrThrow({ where: { workPointId: ids.point1 } });
    const staff = await staffActor("staff-zonghe");
    await replyToReminder(t.db, staff, reply(reminder.id), opts);
    const after = await t.db.reminder.findUniqueOrThrow({ where: { id: reminder.id } });
    expect(after.reply).toBe("已安排12月上旬集中学习两次。");
    expect(after.replyExpectedDate?.toISOString().slice(0, 10)).toBe("2026-12-20");
    expect(after.repliedById).toBe(staff.id);

    const toSender = await t.db.notification.findFirstOrThrow({ where: { reminderId: reminder.id, userId: reminder.sentById } });
    expect(toSender.title).toContain("督办反馈");
    expect(toSender.body).toContain("综合科反馈");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "Reminder", entityId: String(reminder.id), action: "reply" } });
    expect(JSON.parse(audit.before!).reply).toBeNull();
    expect(JSON.parse(audit.after!).reply).toBe(after.reply);

    const before = await tableCounts(t.db);
    await expect(replyToReminder(t.db, staff, reply(reminder.id), opts)).rejects.toThrow("已反馈");
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("the leader sees the reply; STAFF of another office see none of 综合科's reminders", async () => {
    const leader = await remindersForPoint(t.db, ids.point1, { role: "LEADER", officeId: null });
    expect(leader[0].reply).toBe("已安排12月上旬集中学习两次。");
    expect(leader[0].sentByName).toBe("王秘书长");
    expect(leader[0].repliedByName).toBe("张综合");
    expect(await remindersForPoint(t.db, ids.point1, { role: "STAFF", officeId: ids.yanjiu })).toEqual([]);
    expect(await remindersForPoint(t.db, ids.point1, { role: "ADMIN", officeId: null })).toEqual([]);
    const latest = await latestRemindersByPoint(t.db, [ids.point1, ids.point3, ids.point4], { role: "VIEWER", officeId: null });
    expect([...latest.keys()].sort()).toEqual([ids.point1, ids.point4].sort());
  });
});

describe("notifications", () => {
  it("a user marks only their own notifications read", async () => {
    const zonghe = await userByName(t.db, "staff-zonghe");
    const yanjiu = await userByName(t.db, "staff-yanjiu");
    const mine = await t.db.notification.findFirstOrThrow({ where: { userId: zonghe.id } });
    expect(await markNotificationRead(t.db, yanjiu.id, mine.id)).toBeNull();
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();
    expect(await markNotificationRead(t.db, zonghe.id, mine.id)).toBe(mine.link);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    const zonghe2 = await userByName(t.db, "zonghe-2");
    expect(await markAllNotificationsRead(t.db, zonghe2.id)).toBe(1);
    expect(await t.db.notification.count({ where: { userId: zonghe2.id, readAt: null } })).toBe(0);
  });

  it("redirects only to same-site paths", () => {
    expect(safeInternalLink("/points/3#reminder-1")).toBe("/points/3#reminder-1");
    expect(safeInternalLink("//evil.example/x")).toBe("/notifications");
    expect(safeInternalLink("https://evil.example")).toBe("/notifications");
    expect(safeInternalLink("/\\evil.example")).toBe("/notifications");
  });
});

describe("schemas are strict", () => {
  it("refuse unknown fields and impossible dates", () => {
    expect(sendReminderSchema.safeParse({ workPointId: "1", message: "请抓紧推进工作。", requestedBy: "2026-12-15", officeId: "3" }).success).toBe(false);
    expect(sendReminderSchema.safeParse({ workPointId: "1", message: "请抓紧推进工作。", requestedBy: "2026-02-30" }).success).toBe(false);
    expect(sendReminderSchema.safeParse({ workPointId: "1", message: "催", requestedBy: "2026-12-15" }).success).toBe(false);
    expect(replyReminderSchema.safeParse({ reminderId: "1", reply: "已完成相关工作。", replyExpectedDate: "2026-12-20", repliedById: "1" }).success).toBe(false);
    expect(markAllReadSchema.safeParse({ userId: "2" }).success).toBe(false);
  });
});

describe("督办单", () => {
  it("states the shortfall and is readable only by the office concerned and the readers of all", async () => {
    const reminder = await t.db.reminder.findFirstOrThrow({ where: { workPointId: ids.point1 } });
    const sheet = await loadSupervisionSheet(t.db, reminder.id, { role: "STAFF", officeId: ids.zonghe }, TODAY);
    expect(sheet).not.toBeNull();
    expect(sheet!.shortfall).toBe("专题学习已完成0次，距目标4次尚差4次");
    expect(sheet!.status).toBe("滞后");
    expect(sheet!.deadline).toBe("2026年12月31日（年底前）");
    expect(await loadSupervisionSheet(t.db, reminder.id, { role: "STAFF", officeId: ids.yanjiu }, TODAY)).toBeNull();
    expect(await loadSupervisionSheet(t.db, reminder.id, { role: "VIEWER", officeId: null }, TODAY)).not.toBeNull();

    const docx = await buildSupervisionDocx(sheet!);
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file("word/document.xml")!.async("string");
    for (const text of ["督办单", "专题学习已完成0次，距目标4次尚差4次", "已安排12月上旬集中学习两次。", "方正小标宋简体", "仿宋_GB2312", 'w:w="11906"']) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('w:sz w:val="44"');
    expect(await zip.file("word/fontTable.xml")!.async("string")).toContain('w:altName w:val="仿宋"');
    expect(supervisionFileName(sheet!)).toMatch(/^督办单-第1项-.+\.docx$/);
  });
});
