import "server-only";
import type { Db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/dal";
import { loadSupervisionTasks, type SupervisionTasks } from "@/lib/supervision/tasks";
import { cacheEnabled, changeStamp, panelMemo } from "@/lib/dashboard/cache";
import { calendarDayAt } from "@/lib/progress/dates";
import { unreadNotificationCount } from "@/lib/reminders/queries";

export interface TaskEntry {
  id: number;
  title: string;
  officeName: string;
  pointNumber: number;
  note: string | null;
}

export interface MyTasks {
  /** Submitted entries this reviewer may decide (not their own records). */
  toReview: { count: number; entries: TaskEntry[] } | null;
  /** Returned entries of the user's office, with the reason. */
  returned: TaskEntry[];
  /** The user's own drafts not yet submitted. */
  drafts: TaskEntry[];
  /** 催办 to the user's office not yet answered. */
  remindersToAnswer: number;
  unreadNotifications: number;
  /** 督办: extension requests, 办结 to review or returned, closures to rate, missing progress notes. */
  supervision: SupervisionTasks;
}

const SHOWN = 5;

type Row = { id: number; title: string; returnReason: string | null; office: { name: string }; workPoint: { number: number } };
const toTask = (row: Row): TaskEntry => ({ id: row.id, title: row.title, officeName: row.office.name, pointNumber: row.workPoint.number, note: row.returnReason });
const select = { id: true, title: true, returnReason: true, office: { select: { name: true } }, workPoint: { select: { number: true } } } as const;

/**
 * "待我处理": what waits on this person, for the top of their home page. Everything but the unread
 * count is memoised per user and day at the portal's change stamp (lib/dashboard/cache.ts): a leader
 * reloading the dashboard costs one indexed lookup instead of a dozen queries; any write moves the stamp.
 */
export async function loadMyTasks(db: Db, user: CurrentUser): Promise<MyTasks> {
  const [tasks, unreadNotifications] = await Promise.all([
    cacheEnabled()
      ? changeStamp(db).then((stamp) =>
          panelMemo(db).get(`tasks|${user.id}|${user.role}|${user.officeId}|${calendarDayAt(new Date()).toISOString()}`, stamp, () => loadTasks(db, user)),
        )
      : loadTasks(db, user),
    unreadNotificationCount(db, user.id),
  ]);
  return { ...tasks, unreadNotifications };
}

async function loadTasks(db: Db, user: CurrentUser): Promise<Omit<MyTasks, "unreadNotifications">> {
  const reviewer = can(user.role, "ledger:review");
  const writesOwnOffice = can(user.role, "ledger:write") && user.officeId !== null;
  const reviewWhere = { status: "SUBMITTED", deletedAt: null, createdById: { not: user.id } };
  const [reviewCount, reviewRows, returned, drafts, remindersToAnswer, supervision] = await Promise.all([
    reviewer ? db.ledgerEntry.count({ where: reviewWhere }) : Promise.resolve(0),
    reviewer ? db.ledgerEntry.findMany({ where: reviewWhere, select, orderBy: { submittedAt: "asc" }, take: SHOWN }) : Promise.resolve([]),
    writesOwnOffice
      ? db.ledgerEntry.findMany({ where: { status: "RETURNED", deletedAt: null, officeId: user.officeId! }, select, orderBy: { reviewedAt: "desc" }, take: SHOWN })
      : Promise.resolve([]),
    can(user.role, "ledger:write")
      ? db.ledgerEntry.findMany({ where: { status: "DRAFT", deletedAt: null, createdById: user.id }, select, orderBy: { updatedAt: "desc" }, take: SHOWN })
      : Promise.resolve([]),
    can(user.role, "reminder:reply") && user.officeId !== null ? db.reminder.count({ where: { officeId: user.officeId, reply: null } }) : Promise.resolve(0),
    loadSupervisionTasks(db, user),
  ]);
  return {
    toReview: reviewer ? { count: reviewCount, entries: reviewRows.map(toTask) } : null,
    returned: returned.map(toTask),
    drafts: drafts.map(toTask),
    remindersToAnswer,
    supervision,
  };
}
