/**
 * "Missing feedback" reminders (issue 18): once the due day of the latest ended 进展反馈 period has
 * passed, each lead office with notes still missing gets one reminder for that period — a portal
 * notification to its active staff, an e-mail to those with an address when SMTP is set, one
 * webhook message — queued through the outbox, so it goes out once however many instances plan.
 */
import type { Db } from "@/lib/db";
import { dateFromDayIndex } from "@/lib/progress/dates";
import { isPastDue } from "@/lib/supervision/periods";
import { missingFeedbackNotes } from "@/lib/supervision/feedback-queries";
import { enqueueForRecipients } from "./outbox";
import { feedbackReminderKey, feedbackReminderText } from "./feedback-text";
import { reminderDay } from "./schedule";
import type { OutboundConfig } from "./settings";

export async function planFeedbackReminders(db: Db, now: Date, config: Pick<OutboundConfig, "smtp" | "webhookUrl">): Promise<number> {
  const today = dateFromDayIndex(reminderDay(now));
  const { period, missing } = await missingFeedbackNotes(db, { today });
  if (missing.length === 0 || !isPastDue(period, today)) return 0;
  const byOffice = new Map<number, typeof missing>();
  for (const note of missing) byOffice.set(note.officeId, [...(byOffice.get(note.officeId) ?? []), note]);
  const offices = new Map((await db.office.findMany({ where: { id: { in: [...byOffice.keys()] } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  let queued = 0;
  for (const [officeId, notes] of byOffice) {
    const staff = await db.user.findMany({ where: { officeId, role: "STAFF", active: true }, select: { id: true, email: true }, orderBy: { id: "asc" } });
    const { subject, body } = feedbackReminderText({ periodKey: period.key, periodLabel: period.label, due: period.due, officeName: offices.get(officeId) ?? "", points: notes });
    const key = feedbackReminderKey(period.key, officeId);
    queued += await enqueueForRecipients(db, { key, subject, body, link: "/supervision/feedback", now }, staff, config);
  }
  return queued;
}
