/**
 * 进展反馈, the pure part: which open points still owe a note for a period, and the text a note
 * starts from (the period's ledger records, so nothing is written twice).
 */

import { dayIndex, formatMonthDay } from "@/lib/progress/dates";
import type { FeedbackPeriod } from "./periods";

export interface FeedbackPoint {
  id: number;
  number: number;
  title: string;
  leadOfficeId: number | null;
  startDate: Date | null;
  /** When the point was closed: its accepted 办结 or completion mark, whichever is earlier; null: open. */
  closedAt: Date | null;
}

export interface FeedbackNoteFact {
  workPointId: number;
  period: string;
}

export interface MissingNote {
  pointId: number;
  number: number;
  title: string;
  officeId: number;
}

/**
 * Whether a point owes a note for the period: it has a lead office, had begun by the period's end
 * and was still open at the period's start (a point closed during the period owes none).
 */
export function owesFeedback(point: FeedbackPoint, period: Pick<FeedbackPeriod, "start" | "end">): boolean {
  if (point.leadOfficeId === null) return false;
  if (point.startDate && dayIndex(point.startDate) > dayIndex(period.end)) return false;
  if (point.closedAt && dayIndex(point.closedAt) <= dayIndex(period.end)) return false;
  return true;
}

/** The points that owe a note for the period and have none, by office then number. */
export function missingFeedback(
  points: readonly FeedbackPoint[],
  notes: readonly FeedbackNoteFact[],
  period: Pick<FeedbackPeriod, "key" | "start" | "end">,
): MissingNote[] {
  const written = new Set(notes.filter((n) => n.period === period.key).map((n) => n.workPointId));
  return points
    .filter((p) => owesFeedback(p, period) && !written.has(p.id))
    .map((p) => ({ pointId: p.id, number: p.number, title: p.title.replace(/。$/u, ""), officeId: p.leadOfficeId! }))
    .sort((a, b) => a.officeId - b.officeId || a.number - b.number);
}

export interface OfficeFeedbackSummary {
  officeId: number;
  owed: number;
  written: number;
  missing: MissingNote[];
}

/** Per lead office: how many notes the period calls for, how many are written, which are missing. */
export function feedbackByOffice(
  points: readonly FeedbackPoint[],
  notes: readonly FeedbackNoteFact[],
  period: Pick<FeedbackPeriod, "key" | "start" | "end">,
): OfficeFeedbackSummary[] {
  const written = new Set(notes.filter((n) => n.period === period.key).map((n) => n.workPointId));
  const byOffice = new Map<number, OfficeFeedbackSummary>();
  for (const p of points) {
    if (!owesFeedback(p, period)) continue;
    const row = byOffice.get(p.leadOfficeId!) ?? { officeId: p.leadOfficeId!, owed: 0, written: 0, missing: [] };
    row.owed += 1;
    if (written.has(p.id)) row.written += 1;
    byOffice.set(p.leadOfficeId!, row);
  }
  for (const m of missingFeedback(points, notes, period)) byOffice.get(m.officeId)!.missing.push(m);
  return [...byOffice.values()].sort((a, b) => b.missing.length - a.missing.length || a.officeId - b.officeId);
}

export interface PrefillEntry {
  date: Date;
  title: string;
  form: string;
  status: string;
}

const STATUS_NOTE: Record<string, string> = { DRAFT: "（草稿）", SUBMITTED: "（待审核）", RETURNED: "（已退回）" };

/**
 * The text a note starts from: the period's ledger records of the point, one line each
 * ("11月5日 专题学习：……（集中学习）"), or "" when there are none (the office writes it).
 */
export function prefillNote(entries: readonly PrefillEntry[], period: Pick<FeedbackPeriod, "start" | "end">): string {
  const from = dayIndex(period.start);
  const to = dayIndex(period.end);
  return entries
    .filter((e) => dayIndex(e.date) >= from && dayIndex(e.date) <= to)
    .sort((a, b) => a.date.getTime() - b.date.getTime())
    .map((e) => `${formatMonthDay(e.date)} ${e.title}（${e.form}）${STATUS_NOTE[e.status] ?? ""}`)
    .join("\n");
}
