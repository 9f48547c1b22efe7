/**
 * Reads of the report cycle: what the report page shows about sign-off, 退回 and the 保密审查, the
 * dashboard's deadline panel, and the public version (only once the current round is approved).
 */
import type { Db } from "@/lib/db";
import { cacheEnabled, changeStamp, panelMemo } from "@/lib/dashboard/cache";
import { calendarDayAt } from "@/lib/progress/dates";
import { loadReportForExport, type ReportForExport } from "@/lib/report/queries";
import { reportStanding, reportYearDueAt, type StageStanding } from "./deadlines";
import { nextSecrecyStep, secrecyApproved, type SecrecyStep } from "./secrecy";
import { loadCycleSettings, principalLeader, type CycleSettings } from "./settings";

export interface SecrecyReviewView {
  round: number;
  step: string;
  opinion: string;
  reviewerId: number;
  reviewerName: string;
  reviewedOn: Date;
}

export interface CycleView {
  settings: CycleSettings;
  principal: { id: number; displayName: string } | null;
  signedByName: string;
  returnComment: string;
  returnedByName: string;
  returnedAt: Date | null;
  round: number;
  /** Every round's steps, oldest first: the review record. */
  reviews: SecrecyReviewView[];
  /** The step the current round waits for (null: approved). */
  nextStep: SecrecyStep | null;
  approved: boolean;
}

export async function getCycleView(db: Db, year: number): Promise<CycleView | null> {
  const report = await db.annualReport.findUnique({
    where: { year },
    select: { id: true, signedByName: true, returnComment: true, returnedByName: true, returnedAt: true, reviewRound: true, status: true },
  });
  if (!report) return null;
  const settings = await loadCycleSettings(db);
  const [principal, reviews] = await Promise.all([
    principalLeader(db, settings),
    db.reportSecrecyReview.findMany({ where: { reportId: report.id }, orderBy: [{ round: "asc" }, { id: "asc" }] }),
  ]);
  const current = reviews.filter((r) => r.round === report.reviewRound);
  return {
    settings,
    principal,
    signedByName: report.signedByName,
    returnComment: report.returnComment,
    returnedByName: report.returnedByName,
    returnedAt: report.returnedAt,
    round: report.reviewRound,
    reviews: reviews.map((r) => ({ round: r.round, step: r.step, opinion: r.opinion, reviewerId: r.reviewerId, reviewerName: r.reviewerName, reviewedOn: r.reviewedOn })),
    nextStep: report.status === "FINAL" ? nextSecrecyStep(current) : null,
    approved: report.status === "FINAL" && secrecyApproved(current),
  };
}

/** True when `year`'s report is signed and its current 保密审查 round approved. */
export async function isPublished(db: Db, year: number): Promise<boolean> {
  const report = await db.annualReport.findUnique({ where: { year }, select: { id: true, status: true, reviewRound: true } });
  if (!report || report.status !== "FINAL") return false;
  const reviews = await db.reportSecrecyReview.findMany({ where: { reportId: report.id, round: report.reviewRound }, select: { step: true, reviewerId: true } });
  return secrecyApproved(reviews);
}

/** The 公开 version: the signed text, only once published; null otherwise (the page answers 404). */
export async function loadPublicReport(db: Db, year: number): Promise<ReportForExport | null> {
  if (!(await isPublished(db, year))) return null;
  const report = await loadReportForExport(db, year);
  return report && report.status === "FINAL" ? report : null;
}

/** The dashboard panel: the report due this year against its deadlines. */
/** The dashboard's report panel; memoised per day at the change stamp (lib/dashboard/cache.ts) unless `now` is given. */
export async function reportDeadlinePanel(db: Db, now?: Date): Promise<{ year: number; status: string | null; stages: StageStanding[] }> {
  if (now || !cacheEnabled()) return loadReportDeadlinePanel(db, now ?? new Date());
  const at = new Date();
  const stamp = await changeStamp(db);
  return panelMemo(db).get(`report-deadlines|${calendarDayAt(at).toISOString()}`, stamp, () => loadReportDeadlinePanel(db, at));
}

async function loadReportDeadlinePanel(db: Db, now: Date): Promise<{ year: number; status: string | null; stages: StageStanding[] }> {
  const settings = await loadCycleSettings(db);
  const year = reportYearDueAt(now, settings);
  const report = await db.annualReport.findUnique({ where: { year }, select: { status: true } });
  const published = report ? await isPublished(db, year) : false;
  return { year, status: report?.status ?? null, stages: reportStanding({ year, status: report?.status ?? null, published }, now, settings) };
}

/** LEADER accounts for the settings' 主要负责人 choice. */
export async function leaderChoices(db: Db) {
  return db.user.findMany({ where: { role: "LEADER", active: true }, select: { id: true, displayName: true, username: true }, orderBy: { id: "asc" } });
}
