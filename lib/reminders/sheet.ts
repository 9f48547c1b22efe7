import type { Db } from "@/lib/db";
import { STATUS_LABEL, calendarDayAt, formatChineseDate } from "@/lib/progress";
import { loadPlanProgress } from "@/lib/progress/queries";
import { describePointShortfall } from "@/lib/progress/shortfall";
import { reminderForSheet, type ReminderViewer } from "./queries";
import type { SupervisionSheet } from "./supervision-docx";

/**
 * The facts of a 督办单 as of today: the point's status and shortfall are recomputed, so a notice
 * printed later shows how far the work has come since the reminder. Null when the viewer may not
 * read the reminder (another office's) or it does not exist.
 */
export async function loadSupervisionSheet(
  db: Db,
  reminderId: number,
  viewer: ReminderViewer,
  today: Date = calendarDayAt(new Date()),
): Promise<SupervisionSheet | null> {
  const found = await reminderForSheet(db, reminderId, viewer);
  if (!found) return null;
  const { reminder, view } = found;
  const point = reminder.workPoint;
  const data = await loadPlanProgress(db, point.plan.year, { today });
  const progress = data?.progress.points.find((p) => p.pointId === point.id);
  const deadline = progress ? formatChineseDate(progress.deadline) : point.deadline ? formatChineseDate(point.deadline) : "";
  return {
    unitName: point.plan.unitName,
    year: point.plan.year,
    serial: reminder.id,
    pointNumber: point.number,
    pointTitle: point.title.replace(/。$/u, ""),
    leadOffice: reminder.office.name,
    supportOffices: point.supportOffices.map((s) => s.office.name),
    deadline: point.deadlineText ? `${deadline}（${point.deadlineText}）` : deadline,
    status: progress ? STATUS_LABEL[progress.status] : "",
    shortfall: progress && data ? describePointShortfall(progress, data.targetDefs) : "",
    requestedBy: reminder.requestedBy,
    message: reminder.message,
    sentBy: view.sentByName,
    sentAt: reminder.createdAt,
    reply: reminder.reply,
    replyExpectedDate: reminder.replyExpectedDate,
    repliedBy: view.repliedByName,
    repliedAt: reminder.repliedAt,
  };
}
