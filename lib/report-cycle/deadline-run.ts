/**
 * The scheduler's job for the report deadlines: call `runReportDeadlineNotices(db, now)` once a day
 * (or more often: it is idempotent). It writes the reminders `reportDeadlineNotices` says are due for
 * the report due this year — to the 法治办 (COORDINATOR accounts) and the 主要负责人 — and records
 * each reminder's key in ReportNoticeSent in the same transaction, so a reminder goes out once however
 * often and from however many instances it runs (the key's primary key decides; a second writer's
 * transaction fails and writes nothing). Pages never write reminders.
 */
import type { Db } from "@/lib/db";
import { reportDeadlineNotices, reportYearDueAt } from "./deadlines";
import { secrecyApproved } from "./secrecy";
import { audienceIds, loadCycleSettings } from "./settings";

export interface DeadlineRunResult {
  year: number;
  /** Keys written by this run. */
  sent: string[];
  /** Keys that were due but had been written before. */
  skipped: string[];
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function runReportDeadlineNotices(db: Db, now: Date = new Date()): Promise<DeadlineRunResult> {
  const settings = await loadCycleSettings(db);
  const year = reportYearDueAt(now, settings);
  const report = await db.annualReport.findUnique({ where: { year }, select: { id: true, status: true, reviewRound: true } });
  const reviews = report ? await db.reportSecrecyReview.findMany({ where: { reportId: report.id, round: report.reviewRound }, select: { step: true, reviewerId: true } }) : [];
  const notices = reportDeadlineNotices({ year, status: report?.status ?? null, published: secrecyApproved(reviews) }, now, settings);
  const result: DeadlineRunResult = { year, sent: [], skipped: [] };
  if (notices.length === 0) return result;
  const already = new Set((await db.reportNoticeSent.findMany({ where: { key: { in: notices.map((n) => n.key) } }, select: { key: true } })).map((r) => r.key));
  for (const notice of notices) {
    if (already.has(notice.key)) {
      result.skipped.push(notice.key);
      continue;
    }
    try {
      await db.$transaction(async (tx) => {
        await tx.reportNoticeSent.create({ data: { key: notice.key } });
        const ids = new Set([
          ...(await audienceIds(tx, "coordinators", settings.principalLeaderId, null)),
          ...(await audienceIds(tx, "principal", settings.principalLeaderId, null)),
        ]);
        if (ids.size > 0) {
          await tx.notification.createMany({ data: [...ids].map((userId) => ({ userId, title: notice.title, body: notice.body, link: notice.link })) });
        }
      });
      result.sent.push(notice.key);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      result.skipped.push(notice.key); // another instance sent it meanwhile
    }
  }
  return result;
}
