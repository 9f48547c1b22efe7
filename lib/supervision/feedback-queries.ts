/**
 * 进展反馈 by period: which notes each lead office owes and which are missing (the coordinator's
 * page, 待我处理, and later the reminders' "missing feedback"), and the form's points with their
 * prefilled text.
 */

import type { Db } from "@/lib/db";
import { calendarDayAt, dayIndex } from "@/lib/progress/dates";
import { loadFeedbackConfig } from "./feedback-mutations";
import { feedbackByOffice, missingFeedback, owesFeedback, prefillNote, type FeedbackPoint, type MissingNote } from "./feedback";
import { duePeriod, periodFromKey, type FeedbackConfig, type FeedbackPeriod } from "./periods";

/** The published plan's points of a year as feedback facts; closedAt from the completion mark and accepted 办结. */
export async function feedbackPoints(db: Db, year: number, officeId?: number): Promise<FeedbackPoint[]> {
  const points = await db.workPoint.findMany({
    where: { plan: { year, status: { not: "DRAFT" } }, leadOfficeId: officeId ?? { not: null } },
    select: {
      id: true, number: true, title: true, leadOfficeId: true, startDate: true, completedAt: true,
      closures: { where: { status: "ACCEPTED" }, select: { reviewedAt: true } },
    },
    orderBy: { number: "asc" },
  });
  return points.map((p) => {
    const accepted = p.closures.map((c) => (c.reviewedAt ? calendarDayAt(c.reviewedAt) : null)).filter((d): d is Date => d !== null);
    const dates = [p.completedAt, ...accepted].filter((d): d is Date => d !== null);
    const closedAt = dates.length ? dates.reduce((a, b) => (dayIndex(a) <= dayIndex(b) ? a : b)) : null;
    return { id: p.id, number: p.number, title: p.title, leadOfficeId: p.leadOfficeId, startDate: p.startDate, closedAt };
  });
}

export interface FeedbackOverview {
  config: FeedbackConfig;
  period: FeedbackPeriod;
  offices: { officeId: number; officeName: string; owed: number; written: number; missing: MissingNote[] }[];
}

/** The coordinator's view of a period (default: the one due today). */
export async function feedbackOverview(db: Db, options: { periodKey?: string | null; today?: Date } = {}): Promise<FeedbackOverview> {
  const today = options.today ?? calendarDayAt(new Date());
  const config = await loadFeedbackConfig(db);
  const period = (options.periodKey ? periodFromKey(options.periodKey, config) : null) ?? duePeriod(today, config);
  const [points, notes, offices] = await Promise.all([
    feedbackPoints(db, period.year),
    db.progressNote.findMany({ where: { period: period.key }, select: { workPointId: true, period: true } }),
    db.office.findMany({ select: { id: true, name: true } }),
  ]);
  const names = new Map(offices.map((o) => [o.id, o.name]));
  return {
    config,
    period,
    offices: feedbackByOffice(points, notes, period).map((r) => ({ ...r, officeName: names.get(r.officeId) ?? "" })),
  };
}

/**
 * The notes missing for the period due today (or the given one), for a "missing feedback"
 * reminder: each with its office. Optionally one office only.
 */
export async function missingFeedbackNotes(db: Db, options: { today?: Date; periodKey?: string; officeId?: number } = {}) {
  const today = options.today ?? calendarDayAt(new Date());
  const config = await loadFeedbackConfig(db);
  const period = (options.periodKey ? periodFromKey(options.periodKey, config) : null) ?? duePeriod(today, config);
  const [points, notes] = await Promise.all([
    feedbackPoints(db, period.year, options.officeId),
    db.progressNote.findMany({ where: { period: period.key }, select: { workPointId: true, period: true } }),
  ]);
  return { period, missing: missingFeedback(points, notes, period) };
}

export interface FeedbackFormRow {
  pointId: number;
  number: number;
  title: string;
  officeName: string;
  note: { text: string; updatedAt: Date } | null;
  prefill: string;
}

/** The open points an office (or, for the 法治办, every office) writes for in a period, with prefills. */
export async function feedbackForm(db: Db, period: FeedbackPeriod, officeId: number | null): Promise<FeedbackFormRow[]> {
  const points = (await feedbackPoints(db, period.year, officeId ?? undefined)).filter((p) => owesFeedback(p, period));
  const ids = points.map((p) => p.id);
  const [notes, entries, offices] = await Promise.all([
    db.progressNote.findMany({ where: { period: period.key, workPointId: { in: ids } }, select: { workPointId: true, text: true, updatedAt: true } }),
    db.ledgerEntry.findMany({
      where: { workPointId: { in: ids }, deletedAt: null, date: { gte: period.start, lt: new Date(period.end.getTime() + 86_400_000) } },
      select: { workPointId: true, date: true, title: true, form: true, status: true },
    }),
    db.office.findMany({ select: { id: true, name: true } }),
  ]);
  const noteBy = new Map(notes.map((n) => [n.workPointId, n]));
  const names = new Map(offices.map((o) => [o.id, o.name]));
  return points.map((p) => ({
    pointId: p.id,
    number: p.number,
    title: p.title.replace(/。$/u, ""),
    officeName: names.get(p.leadOfficeId!) ?? "",
    note: noteBy.get(p.id) ? { text: noteBy.get(p.id)!.text, updatedAt: noteBy.get(p.id)!.updatedAt } : null,
    prefill: prefillNote(entries.filter((e) => e.workPointId === p.id), period),
  }));
}
