/**
 * Reading reminders and notifications. Ownership goes into the `where`: users who may not read
 * every office's reminders (STAFF) see only those sent to their own office.
 */

import { cache } from "react";
import type { Db } from "@/lib/db";
import { countUnreadNotifications } from "@/lib/hot-path";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

export interface ReminderViewer {
  role: Role;
  officeId: number | null;
}

export interface ReminderView {
  id: number;
  workPointId: number;
  officeId: number;
  officeName: string;
  message: string;
  requestedBy: Date | null;
  sentByName: string;
  createdAt: Date;
  reply: string | null;
  replyExpectedDate: Date | null;
  repliedByName: string | null;
  repliedAt: Date | null;
}

/** The `where` that limits a viewer to the reminders they may read; null: none at all. */
export function reminderScope(viewer: ReminderViewer): { officeId?: number } | null {
  if (can(viewer.role, "reminder:readAll")) return {};
  if (can(viewer.role, "reminder:read") && viewer.officeId !== null) return { officeId: viewer.officeId };
  return null;
}

async function withNames(db: Db, rows: Awaited<ReturnType<typeof findReminders>>): Promise<ReminderView[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.sentById, r.repliedById ?? 0]).filter((id) => id > 0))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }) : [];
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    workPointId: r.workPointId,
    officeId: r.officeId,
    officeName: r.office.name,
    message: r.message,
    requestedBy: r.requestedBy,
    sentByName: name.get(r.sentById) ?? "",
    createdAt: r.createdAt,
    reply: r.reply,
    replyExpectedDate: r.replyExpectedDate,
    repliedByName: r.repliedById ? (name.get(r.repliedById) ?? "") : null,
    repliedAt: r.repliedAt,
  }));
}

function findReminders(db: Db, where: { workPointId?: number | { in: number[] }; officeId?: number }) {
  return db.reminder.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { office: { select: { name: true } } } });
}

/** A point's reminders, newest first. */
export async function remindersForPoint(db: Db, pointId: number, viewer: ReminderViewer): Promise<ReminderView[]> {
  const scope = reminderScope(viewer);
  if (!scope) return [];
  return withNames(db, await findReminders(db, { workPointId: pointId, ...scope }));
}

/** The latest reminder of each point (for the dashboard's 滞后/逾期 table). */
export async function latestRemindersByPoint(db: Db, pointIds: number[], viewer: ReminderViewer): Promise<Map<number, ReminderView>> {
  const scope = reminderScope(viewer);
  if (!scope || pointIds.length === 0) return new Map();
  const rows = await findReminders(db, { workPointId: { in: pointIds }, ...scope });
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.workPointId)) latest.set(r.workPointId, r);
  const views = await withNames(db, [...latest.values()]);
  return new Map(views.map((v) => [v.workPointId, v]));
}

/** One reminder with its point, for the 督办单; null when missing or not the viewer's to read. */
export async function reminderForSheet(db: Db, reminderId: number, viewer: ReminderViewer) {
  const scope = reminderScope(viewer);
  if (!scope) return null;
  const reminder = await db.reminder.findFirst({
    where: { id: reminderId, ...scope },
    include: {
      office: { select: { name: true } },
      workPoint: {
        select: {
          id: true, number: true, title: true, deadline: true, deadlineText: true, responsible: true,
          plan: { select: { year: true, unitName: true } },
          supportOffices: { select: { office: { select: { name: true } } } },
        },
      },
    },
  });
  if (!reminder) return null;
  const [view] = await withNames(db, [reminder]);
  return { reminder, view };
}

/**
 * The user's unread count, read once per request: the header's bell and the dashboard's 待我处理
 * both show it. No server action reads it, so a write never meets an earlier read of the same request.
 */
export const unreadNotificationCount = cache((db: Db, userId: number): Promise<number> => countUnreadNotifications(db, userId));

export async function listNotifications(db: Db, userId: number, take = 100) {
  return db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}
