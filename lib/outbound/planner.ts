/**
 * Turns the schedule into outbox rows: for every published plan of this year and last, the
 * points' current status (the dashboard's engine), `dueReminders`, then per reminder one
 * transaction that records a portal notification per recipient (once: the PORTAL row's dedupeKey)
 * and queues the e-mails and the webhook message. Recipients: the lead office's staff; for
 * 到期催办 also the 法治办 (COORDINATOR accounts).
 */

import type { Db } from "@/lib/db";
import { calendarDayAt, dateFromDayIndex } from "@/lib/progress/dates";
import { loadPlanProgress } from "@/lib/progress/queries";
import { enqueueForRecipients } from "./outbox";
import { reminderText } from "./messages";
import { dueReminders, reminderDay, type DueReminder } from "./schedule";
import type { OutboundConfig } from "./settings";

interface PointInfo {
  number: number;
  title: string;
  year: number;
  leadOfficeId: number | null;
  officeName: string;
}

export async function planReminders(db: Db, now: Date, config: OutboundConfig): Promise<{ reminders: number; queued: number }> {
  const today = dateFromDayIndex(reminderDay(now));
  const year = calendarDayAt(now).getUTCFullYear();
  const plans = await db.plan.findMany({ where: { year: { in: [year - 1, year] }, status: "PUBLISHED" }, select: { year: true } });
  const offices = new Map((await db.office.findMany({ select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  const due: { reminder: DueReminder; point: PointInfo }[] = [];
  for (const plan of plans) {
    const data = await loadPlanProgress(db, plan.year, { asOf: today });
    if (!data) continue;
    const info = new Map<number, PointInfo>();
    const schedule = data.progress.points.map((p) => {
      info.set(p.pointId, {
        number: p.point.number,
        title: p.point.title,
        year: plan.year,
        leadOfficeId: p.point.leadOfficeId,
        officeName: p.point.leadOfficeId ? (offices.get(p.point.leadOfficeId) ?? "") : "",
      });
      return { pointId: p.pointId, deadline: p.deadline, done: p.status === "DONE" };
    });
    for (const reminder of dueReminders(schedule, now, { leadDays: config.leadDays, repeatDays: config.repeatDays })) {
      due.push({ reminder, point: info.get(reminder.pointId)! });
    }
  }
  let queued = 0;
  for (const { reminder, point } of due) queued += await queueReminder(db, now, config, reminder, point);
  return { reminders: due.length, queued };
}

async function queueReminder(db: Db, now: Date, config: OutboundConfig, reminder: DueReminder, point: PointInfo): Promise<number> {
  const officeStaff = point.leadOfficeId
    ? await db.user.findMany({ where: { officeId: point.leadOfficeId, role: "STAFF", active: true }, select: { id: true, email: true }, orderBy: { id: "asc" } })
    : [];
  const coordinators =
    reminder.kind === "OVERDUE"
      ? await db.user.findMany({ where: { role: "COORDINATOR", active: true }, select: { id: true, email: true }, orderBy: { id: "asc" } })
      : [];
  const recipients = [...officeStaff, ...coordinators];
  if (recipients.length === 0) return 0;
  const { subject, body } = reminderText({ kind: reminder.kind, pointNumber: point.number, pointTitle: point.title, officeName: point.officeName, deadline: reminder.deadline, days: reminder.days, year: point.year });
  return enqueueForRecipients(db, { key: reminder.key, subject, body, link: `/points/${reminder.pointId}`, now }, recipients, config);
}
