/**
 * "本科室的工作" for staff (issue 20, first-time staff): the points their office leads or cooperates
 * on, each with its light, what it still needs and its deadline, most urgent first. Pure.
 */
import { STATUS_LABEL, STATUS_SEVERITY, formatChineseDate } from "@/lib/progress";
import type { PlanProgressData } from "@/lib/progress/queries";
import { describePointShortfall } from "@/lib/progress/shortfall";
import type { ProgressStatus } from "@/lib/progress/types";
import { pointHref } from "./links";
import { pointExtensionNote } from "@/lib/supervision/deadline";

export interface OfficeWorkRow {
  pointId: number;
  number: number;
  title: string;
  part: "牵头" | "配合";
  status: ProgressStatus;
  statusLabel: string;
  needs: string;
  deadline: string;
  /** "经批准延期至12月20日" when an approved 延期 is in force. */
  deadlineNote: string | null;
  daysLeft: number;
  href: string;
  recordHref: string;
}

export function officeWork(data: PlanProgressData, officeId: number): OfficeWorkRow[] {
  return data.progress.points
    .filter((p) => p.point.leadOfficeId === officeId || p.point.supportOfficeIds.includes(officeId))
    .sort((a, b) => Number(a.status === "DONE") - Number(b.status === "DONE") || STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] || a.daysLeft - b.daysLeft || a.point.number - b.point.number)
    .map((p) => ({
      pointId: p.pointId,
      number: p.point.number,
      title: p.point.title.replace(/。$/u, ""),
      part: p.point.leadOfficeId === officeId ? ("牵头" as const) : ("配合" as const),
      status: p.status,
      statusLabel: STATUS_LABEL[p.status],
      needs: describePointShortfall(p, data.targetDefs),
      deadline: formatChineseDate(p.deadline),
      deadlineNote: pointExtensionNote(p.point),
      daysLeft: p.daysLeft,
      href: pointHref(p.pointId),
      recordHref: `/ledger/new?pointId=${p.pointId}`,
    }));
}
