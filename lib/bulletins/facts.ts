/**
 * The figures a 情况通报 is drafted from, read with the dashboard's engine: progress at the end of
 * the period, and at the day before it starts (a point 已完成 at the end but not before finished
 * within the period). Late points are listed by office in the offices' own order.
 */

import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { dateFromDayIndex, dayIndex } from "@/lib/progress/dates";
import { loadPlanProgress } from "@/lib/progress/queries";
import { COUNTED, toNumber } from "@/lib/progress/queries";
import { notesOfPeriod } from "@/lib/supervision/queries";
import { periodsOverlapping } from "@/lib/supervision/periods";
import { UPCOMING_DAYS, type BulletinFacts, type BulletinPointFact, type LatePointFact } from "./draft";

export async function buildBulletinFacts(db: Db, year: number, number: number, periodStart: Date, periodEnd: Date): Promise<BulletinFacts | null> {
  const before = dateFromDayIndex(dayIndex(periodStart) - 1);
  const [end, start, offices] = await Promise.all([
    loadPlanProgress(db, year, { asOf: periodEnd }),
    loadPlanProgress(db, year, { asOf: before }),
    db.office.findMany({ select: { id: true, name: true, sortOrder: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
  ]);
  if (!end || !start) return null;
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  const officeOrder = new Map(offices.map((o, i) => [o.id, i]));
  const doneBefore = new Set(start.progress.points.filter((p) => p.status === "DONE").map((p) => p.pointId));
  const fact = (p: (typeof end.progress.points)[number]): BulletinPointFact => ({
    number: p.point.number,
    title: p.point.title,
    officeName: p.point.leadOfficeId ? (officeName.get(p.point.leadOfficeId) ?? "") : "",
    deadline: p.deadline,
    extended: Boolean(p.point.extension),
  });
  const points = end.progress.points;
  const notes = await latestLeadNotes(db, year, periodStart, periodEnd);
  const late: LatePointFact[] = points
    .filter((p) => p.status === "BEHIND" || p.status === "OVERDUE")
    .sort((a, b) => (officeOrder.get(a.point.leadOfficeId ?? -1) ?? 1e9) - (officeOrder.get(b.point.leadOfficeId ?? -1) ?? 1e9) || a.point.number - b.point.number)
    .map((p) => ({
      ...fact(p),
      status: p.status as "BEHIND" | "OVERDUE",
      daysLate: Math.max(0, -p.daysLeft),
      extension: p.point.extension ? { originalDeadline: p.point.extension.originalDeadline } : null,
      note: notes.get(p.pointId) ?? null,
    }));
  const endDay = dayIndex(periodEnd);
  const upcoming = points
    .filter((p) => p.status !== "DONE" && dayIndex(p.deadline) > endDay && dayIndex(p.deadline) <= endDay + UPCOMING_DAYS)
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.point.number - b.point.number)
    .map(fact);
  const by = end.progress.plan.byStatus;
  const [row] = await db.$queryRaw<{ c: unknown }[]>(Prisma.sql`
    SELECT COUNT(*) AS "c" FROM "LedgerEntry" e
    WHERE e."year" = ${year} AND ${COUNTED} AND e."date" >= ${periodStart} AND e."date" < ${dateFromDayIndex(endDay + 1)}`);
  return {
    year,
    number,
    periodStart,
    periodEnd,
    totals: { points: end.progress.plan.pointCount, done: by.DONE, onTrack: by.ON_TRACK, behind: by.BEHIND, overdue: by.OVERDUE, notStarted: by.NOT_STARTED, rate: end.progress.plan.rate },
    finished: points.filter((p) => p.status === "DONE" && !doneBefore.has(p.pointId)).map(fact),
    late,
    upcoming,
    approvedEntries: toNumber(row?.c ?? 0),
  };
}

/** Point id → the text of the lead office's latest 进展反馈 note of a period overlapping the bulletin's. */
async function latestLeadNotes(db: Db, year: number, periodStart: Date, periodEnd: Date): Promise<Map<number, string>> {
  const periods = periodsOverlapping(periodStart, periodEnd);
  const lists = await Promise.all(periods.map((period) => notesOfPeriod(db, year, period.key)));
  const leadOffice = new Map(
    (await db.workPoint.findMany({ where: { plan: { year } }, select: { id: true, leadOfficeId: true } })).map((p) => [p.id, p.leadOfficeId]),
  );
  const latest = new Map<number, string>();
  // Periods come latest first: the first lead-office note found for a point wins.
  for (const notes of lists) {
    for (const note of notes) {
      if (latest.has(note.pointId) || note.officeId !== leadOffice.get(note.pointId) || !note.text.trim()) continue;
      latest.set(note.pointId, note.text);
    }
  }
  return latest;
}
