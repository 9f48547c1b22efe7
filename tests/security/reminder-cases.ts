/**
 * The reminder and notification server actions for the permission matrix
 * (tests/security/action-cases.ts). Fixtures: point 8 of the 2026 demo plan (综合科, due
 * 30 September, no targets: 逾期 from October on), reminders sent to 综合科 (the STAFF_OWNER
 * persona's office) and notifications of the calling persona. Test-only.
 */
import type { Db } from "@/lib/db";
import type { ActionCase, MatrixContext } from "@/tests/security/action-cases";
import { PERSONA_USERNAME, type Persona } from "@/tests/security/personas";

const FILE = "lib/reminders/actions.ts";
const SIGNED_IN = ["ADMIN", "SECURITY_ADMIN", "AUDITOR", "LEADER", "COORDINATOR", "STAFF_OWNER", "STAFF_OTHER", "VIEWER"] as const;

/** A day a month from now (Beijing), so "not before today" always holds. */
function inAMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
}

export async function prepareReminderMatrixFixtures(db: Db): Promise<Record<string, number>> {
  const point = await db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 8 } });
  const leader = await db.user.findUniqueOrThrow({ where: { username: "leader" } });
  return { reminderPointId: point.id, reminderOfficeId: point.leadOfficeId!, reminderSenderId: leader.id };
}

async function freshReminder(c: MatrixContext) {
  return c.db.reminder.create({
    data: { workPointId: c.ids.reminderPointId, officeId: c.ids.reminderOfficeId, sentById: c.ids.reminderSenderId, message: `矩阵催办${c.seq()}`, requestedBy: new Date(Date.now() + 30 * 86_400_000) },
  });
}

/** A notification of the persona's own user (the leader's for personas without an account). */
async function ownNotification(c: MatrixContext, persona: Persona) {
  const username = persona === "ANONYMOUS" || persona === "DISABLED" ? "leader" : PERSONA_USERNAME[persona];
  const user = await c.db.user.findUniqueOrThrow({ where: { username } });
  return c.db.notification.create({ data: { userId: user.id, title: `矩阵通知${c.seq()}`, link: `/points/${c.ids.reminderPointId}` } });
}

export const REMINDER_ACTION_CASES: ActionCase[] = [
  {
    file: FILE,
    name: "sendReminderAction",
    allowed: ["LEADER", "COORDINATOR"],
    input: (c) => ({ workPointId: String(c.ids.reminderPointId), message: "请抓紧推进并按时反馈。", requestedBy: inAMonth() }),
  },
  {
    file: FILE,
    name: "replyReminderAction",
    allowed: ["STAFF_OWNER"],
    input: async (c) => ({ reminderId: String((await freshReminder(c)).id), reply: "已安排专人推进，月底前完成。", replyExpectedDate: inAMonth() }),
  },
  {
    file: FILE,
    name: "openNotificationAction",
    allowed: SIGNED_IN,
    input: async (c, persona) => ({ notificationId: String((await ownNotification(c, persona)).id) }),
  },
  { file: FILE, name: "markAllReadAction", allowed: SIGNED_IN, input: () => ({}) },
];
