/**
 * 督办 / 催办: a LEADER or COORDINATOR sends a reminder for a point that is behind; the lead
 * office's staff are notified in the app and reply (反馈); the sender is notified of the reply.
 * Every change is audited in the same transaction.
 */

import type { Db } from "@/lib/db";
import { isPlanVisible } from "@/lib/plan/visibility";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { UserFacingError } from "@/lib/action-state";
import { can } from "@/lib/auth/permissions";
import { isRole } from "@/lib/auth/roles";
import { STATUS_LABEL, calendarDayAt, formatChineseDate, type ProgressStatus } from "@/lib/progress";
import { loadPlanProgress } from "@/lib/progress/queries";
import type { ReplyReminderInput, SendReminderInput } from "./schemas";

export const REMINDABLE: readonly ProgressStatus[] = ["BEHIND", "OVERDUE"];
export const NOT_ALLOWED_MESSAGE = "您没有执行此操作的权限";
/** The portal's refusal for rows outside the caller's ownership: the same as for missing ones. */
export const NOT_FOUND_MESSAGE = "记录不存在或无权访问";

export interface ReminderActor extends AuditActor {
  officeId: number | null;
}

export interface MutationOptions {
  /** The calendar day (China) to check statuses and dates against; default today. */
  today?: Date;
}

function assertCan(actor: AuditActor, permission: "reminder:send" | "reminder:reply") {
  if (!isRole(actor.role) || !can(actor.role, permission)) throw new UserFacingError(NOT_ALLOWED_MESSAGE);
}

export function pointLink(pointId: number, reminderId?: number): string {
  return `/points/${pointId}${reminderId ? `#reminder-${reminderId}` : ""}`;
}

/** The point's status as the dashboard shows it today. */
export async function currentPointStatus(db: Db, pointId: number, today: Date) {
  const point = await db.workPoint.findUnique({
    where: { id: pointId },
    select: { id: true, number: true, title: true, leadOfficeId: true, leadOffice: { select: { name: true } }, plan: { select: { year: true, status: true } } },
  });
  if (!point) return null;
  const data = await loadPlanProgress(db, point.plan.year, { today });
  const status = data?.progress.points.find((p) => p.pointId === pointId)?.status ?? "NOT_STARTED";
  return { point, status };
}

export async function sendReminder(db: Db, actor: AuditActor, input: SendReminderInput, options: MutationOptions = {}) {
  assertCan(actor, "reminder:send");
  const today = options.today ?? calendarDayAt(new Date());
  const found = await currentPointStatus(db, input.workPointId, today);
  // A draft plan's point does not exist for a sender who may not see drafts; nobody 催办s a draft.
  if (!found || !isRole(actor.role) || !isPlanVisible(actor.role, found.point.plan)) throw new UserFacingError("工作要点不存在");
  if (found.point.plan.status === "DRAFT") throw new UserFacingError("该年度工作要点尚未发布，不能催办");
  const { point, status } = found;
  if (!REMINDABLE.includes(status)) {
    throw new UserFacingError(`该工作要点当前状态为“${STATUS_LABEL[status]}”，只有滞后或逾期的工作要点才能催办`);
  }
  if (point.leadOfficeId === null) throw new UserFacingError("该工作要点未指定牵头科室，无法催办");
  if (input.requestedBy.getTime() < today.getTime()) throw new UserFacingError("要求完成日期不能早于今天");
  const officeId = point.leadOfficeId;

  return db.$transaction(async (tx) => {
    const sender = await tx.user.findUnique({ where: { id: actor.id ?? -1 }, select: { displayName: true } });
    const recipients = await tx.user.findMany({ where: { officeId, role: "STAFF", active: true }, select: { id: true }, orderBy: { id: "asc" } });
    const reminder = await tx.reminder.create({
      data: { workPointId: point.id, officeId, sentById: actor.id ?? 0, message: input.message, requestedBy: input.requestedBy },
    });
    const title = `督办提醒：第${point.number}项“${point.title}”${STATUS_LABEL[status]}`;
    const body = `${sender?.displayName ?? actor.username}：${input.message}（请于${formatChineseDate(input.requestedBy)}前完成，并在系统中反馈进展。）`;
    if (recipients.length > 0) {
      await tx.notification.createMany({
        data: recipients.map((r) => ({ userId: r.id, title, body, link: pointLink(point.id, reminder.id), reminderId: reminder.id })),
      });
    }
    await writeAudit(tx, actor, {
      entity: "Reminder",
      entityId: reminder.id,
      action: "send",
      after: { ...reminder, pointStatus: status, notifiedUserIds: recipients.map((r) => r.id) },
    });
    return { reminder, officeName: point.leadOffice?.name ?? "", notified: recipients.length };
  });
}

/**
 * Only STAFF of the office the reminder went to may reply, once: the office is part of the
 * `where`, so a reminder of another office is simply not found.
 */
export async function replyToReminder(db: Db, actor: ReminderActor, input: ReplyReminderInput, options: MutationOptions = {}) {
  assertCan(actor, "reminder:reply");
  if (actor.officeId === null) throw new UserFacingError(NOT_ALLOWED_MESSAGE);
  const officeId = actor.officeId;
  const today = options.today ?? calendarDayAt(new Date());
  if (input.replyExpectedDate.getTime() < today.getTime()) throw new UserFacingError("预计完成日期不能早于今天");

  return db.$transaction(async (tx) => {
    const before = await tx.reminder.findFirst({
      where: { id: input.reminderId, officeId },
      include: { workPoint: { select: { id: true, number: true, title: true } }, office: { select: { name: true } } },
    });
    if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
    const now = new Date();
    const { count } = await tx.reminder.updateMany({
      where: { id: before.id, officeId, reply: null },
      data: { reply: input.reply, replyExpectedDate: input.replyExpectedDate, repliedById: actor.id, repliedAt: now },
    });
    if (count === 0) throw new UserFacingError("该督办已反馈，无需重复反馈");
    const after = await tx.reminder.findUniqueOrThrow({ where: { id: before.id } });
    const { workPoint } = before;
    await tx.notification.create({
      data: {
        userId: before.sentById,
        title: `督办反馈：第${workPoint.number}项“${workPoint.title}”`,
        body: `${before.office.name}反馈：${input.reply}（预计${formatChineseDate(input.replyExpectedDate)}完成）`,
        link: pointLink(workPoint.id, before.id),
        reminderId: before.id,
      },
    });
    const { workPoint: _wp, office: _o, ...plain } = before;
    await writeAudit(tx, actor, { entity: "Reminder", entityId: before.id, action: "reply", before: plain, after });
    return after;
  });
}

/** Marks one of the user's notifications read; returns its link, or null when it is not theirs. */
export async function markNotificationRead(db: Db, userId: number, notificationId: number): Promise<string | null> {
  await db.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } });
  const notification = await db.notification.findFirst({ where: { id: notificationId, userId }, select: { link: true } });
  return notification ? notification.link : null;
}

export async function markAllNotificationsRead(db: Db, userId: number): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

/** Only same-site paths ("/points/3#reminder-1"); anything else falls back to the list. */
export function safeInternalLink(link: string | null | undefined): string {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.includes("\\")) return "/notifications";
  return link;
}
