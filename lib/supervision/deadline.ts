/**
 * 延期申请, the pure part: which deadline is in force, how it is written, and whether a request may
 * be made. The point's own deadline (WorkPoint.deadline) is the original and never changes; an
 * approved extension moves the effective deadline. Imports no Prisma or Next.
 */

import { calendarDate, dayIndex, formatChineseDate, formatMonthDay, yearEndDay } from "@/lib/progress/dates";

export type ExtensionStatus = "PENDING" | "APPROVED" | "DECLINED";

export const EXTENSION_STATUS_LABEL: Record<ExtensionStatus, string> = {
  PENDING: "待审批",
  APPROVED: "已批准",
  DECLINED: "未批准",
};

export interface ExtensionFact {
  id: number;
  status: string;
  proposedDeadline: Date;
  decidedAt: Date | null;
}

/** The latest approved extension (by decision time, then id), or null. */
export function latestApproved<T extends ExtensionFact>(extensions: readonly T[]): T | null {
  let latest: T | null = null;
  for (const e of extensions) {
    if (e.status !== "APPROVED") continue;
    if (
      latest === null ||
      (e.decidedAt?.getTime() ?? 0) > (latest.decidedAt?.getTime() ?? 0) ||
      ((e.decidedAt?.getTime() ?? 0) === (latest.decidedAt?.getTime() ?? 0) && e.id > latest.id)
    ) {
      latest = e;
    }
  }
  return latest;
}

/**
 * The deadline in force: the latest approved extension's date, else the point's own deadline
 * (null: none written, the plan year's end applies as everywhere in lib/progress).
 */
export function effectiveDeadline(point: { deadline: Date | null }, extensions: readonly ExtensionFact[]): Date | null {
  return latestApproved(extensions)?.proposedDeadline ?? point.deadline;
}

/** The deadline a request is measured against: the effective one, else 31 December of the plan year. */
export function deadlineInForce(year: number, point: { deadline: Date | null }, extensions: readonly ExtensionFact[]): Date {
  return effectiveDeadline(point, extensions) ?? calendarDate(year, 12, 31);
}

/** "经批准延期至11月30日" (the year too when it is not the plan's). */
export function extensionNote(extendedTo: Date, planYear?: number): string {
  const when = planYear === undefined || extendedTo.getUTCFullYear() === planYear ? formatMonthDay(extendedTo) : formatChineseDate(extendedTo);
  return `经批准延期至${when}`;
}

/** The note for a point with an approved extension, else null. */
export function extensionNoteFor(extensions: readonly ExtensionFact[], planYear?: number): string | null {
  const approved = latestApproved(extensions);
  return approved ? extensionNote(approved.proposedDeadline, planYear) : null;
}

/**
 * For the annual report and 情况通报: "第8项“…”原定9月30日完成，经批准延期至11月30日". Without an
 * original date: "第8项“…”经批准延期至11月30日".
 */
export function extensionReportPhrase(point: { number: number; title: string; originalDeadline: Date | null }, extendedTo: Date): string {
  const title = point.title.replace(/。$/u, "");
  const original = point.originalDeadline ? `原定${formatMonthDay(point.originalDeadline)}完成，` : "";
  return `第${point.number}项“${title}”${original}${extensionNote(extendedTo)}`;
}

export interface ExtensionRequestFacts {
  /** Today's calendar day (China), injected. */
  today: Date;
  planYear: number;
  /** The deadline in force (see deadlineInForce). */
  currentDeadline: Date;
  proposed: Date;
}

/**
 * Whether a request may be made, first rule that applies; null when it may. A request after the
 * deadline in force is refused (the point is judged on it); the new date must lie between today
 * and the end of the plan year, and after the deadline in force.
 */
export function extensionRequestProblem(f: ExtensionRequestFacts): string | null {
  const today = dayIndex(f.today);
  const current = dayIndex(f.currentDeadline);
  const proposed = dayIndex(f.proposed);
  if (today > current) return `已超过完成时限（${formatChineseDate(f.currentDeadline)}），不能再申请延期，该要点按原定时限考核`;
  if (proposed < today) return "延期后的完成时限不能早于今天";
  if (proposed > yearEndDay(f.planYear)) return `延期后的完成时限不能超出计划年度（${f.planYear}年12月31日）`;
  if (proposed <= current) return `延期后的完成时限应晚于当前完成时限（${formatChineseDate(f.currentDeadline)}）`;
  return null;
}

/**
 * A target's own deadline under the point's extension: a target due with the point (on or after
 * the point's original deadline) moves with it; an earlier milestone stays. Null stays null (the
 * target then follows the point's effective deadline).
 */
export function extendedTargetDeadline(targetDeadline: Date | null, originalPointDeadline: Date | null, extendedTo: Date | null): Date | null {
  if (!targetDeadline || !extendedTo) return targetDeadline;
  if (originalPointDeadline && dayIndex(targetDeadline) < dayIndex(originalPointDeadline)) return targetDeadline;
  return dayIndex(extendedTo) > dayIndex(targetDeadline) ? extendedTo : targetDeadline;
}

/** The dashboard's and point page's note for a point of the progress engine ("经批准延期至12月20日"), or null. */
export function pointExtensionNote(point: { extension?: { to: Date } | null }, planYear?: number): string | null {
  return point.extension ? extensionNote(point.extension.to, planYear) : null;
}
