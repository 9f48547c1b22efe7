/**
 * What 督办 leaves waiting on a person, for 待我处理 (lib/dashboard/my-tasks.ts): extension requests
 * for leaders, 办结 declarations for the 法治办 (not their own), returned declarations and missing
 * progress notes for the lead office, accepted closures a leader has not rated.
 */

import type { Db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { formatChineseDate } from "@/lib/progress/dates";
import { missingFeedbackNotes } from "./feedback-queries";

export interface SupervisionTaskItem {
  pointId: number;
  pointNumber: number;
  pointTitle: string;
  officeName: string;
  note: string | null;
}

export interface SupervisionTasks {
  extensionsToDecide: SupervisionTaskItem[];
  closuresToReview: SupervisionTaskItem[];
  closuresReturned: SupervisionTaskItem[];
  closuresToRate: number;
  /** Notes the user's office (the 法治办: every office) still owes for the period due now. */
  missingFeedback: { count: number; periodLabel: string; due: string } | null;
}

const SHOWN = 5;
const pointSelect = { id: true, number: true, title: true, leadOffice: { select: { name: true } } } as const;
type PointRow = { id: number; number: number; title: string; leadOffice: { name: string } | null };
const item = (p: PointRow, note: string | null): SupervisionTaskItem => ({
  pointId: p.id, pointNumber: p.number, pointTitle: p.title.replace(/。$/u, ""), officeName: p.leadOffice?.name ?? "", note,
});

export async function loadSupervisionTasks(db: Db, user: { id: number; role: Role; officeId: number | null }, today?: Date): Promise<SupervisionTasks> {
  const decides = can(user.role, "supervision:decideExtension");
  const reviews = can(user.role, "supervision:reviewClose");
  const officeActs = user.role === "STAFF" && user.officeId !== null;
  const writesFeedback = can(user.role, "feedback:write") && (officeActs || user.role === "COORDINATOR");
  const [extensions, toReview, returned, toRate, missing] = await Promise.all([
    decides
      ? db.deadlineExtension.findMany({ where: { status: "PENDING" }, include: { workPoint: { select: pointSelect } }, orderBy: { requestedAt: "asc" }, take: SHOWN })
      : Promise.resolve([]),
    reviews
      ? db.pointClosure.findMany({ where: { status: "PENDING", declaredById: { not: user.id } }, include: { workPoint: { select: pointSelect } }, orderBy: { declaredAt: "asc" }, take: SHOWN })
      : Promise.resolve([]),
    officeActs
      ? db.pointClosure.findMany({
          // Returned and not declared again since (no open declaration holds the point's active key).
          where: { status: "RETURNED", officeId: user.officeId!, workPoint: { closures: { none: { activeKey: { not: null } } } } },
          include: { workPoint: { select: pointSelect } },
          orderBy: { reviewedAt: "desc" },
          take: SHOWN * 2,
        })
      : Promise.resolve([]),
    decides && can(user.role, "supervision:rate") ? db.pointClosure.count({ where: { status: "ACCEPTED", rating: null } }) : Promise.resolve(0),
    writesFeedback ? missingFeedbackNotes(db, { today, officeId: officeActs ? user.officeId! : undefined }) : Promise.resolve(null),
  ]);
  // Only the latest return of each point.
  const seen = new Set<number>();
  const latestReturned = returned.filter((c) => !seen.has(c.workPointId) && seen.add(c.workPointId)).slice(0, SHOWN);
  return {
    extensionsToDecide: extensions.map((e) => item(e.workPoint, `申请延期至${formatChineseDate(e.proposedDeadline)}`)),
    closuresToReview: toReview.map((c) => item(c.workPoint, c.summary)),
    closuresReturned: latestReturned.map((c) => item(c.workPoint, c.returnReason)),
    closuresToRate: toRate,
    missingFeedback: missing && missing.missing.length > 0 ? { count: missing.missing.length, periodLabel: missing.period.label, due: formatChineseDate(missing.period.due) } : null,
  };
}
