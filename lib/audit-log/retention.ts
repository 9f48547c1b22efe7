/**
 * Audit retention (等保 2.0: at least six months). AUDIT_RETENTION_DAYS sets how long rows are
 * kept; anything below the 180-day floor (or junk) counts as 180. Older rows are deleted once a day
 * by every server process (instrumentation.ts; the DELETE is idempotent, so several instances do
 * no harm). The database itself refuses to delete a row younger than 180 days (migration
 * 0008_audit_retention), whatever the application asks.
 */
import type { Db } from "@/lib/db";

export const AUDIT_RETENTION_FLOOR_DAYS = 180;
export const AUDIT_PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export function auditRetentionDays(raw: string | undefined = process.env.AUDIT_RETENTION_DAYS): number {
  const days = Number(raw);
  return Number.isInteger(days) && days > AUDIT_RETENTION_FLOOR_DAYS ? days : AUDIT_RETENTION_FLOOR_DAYS;
}

/** The oldest moment still kept. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - Math.max(days, AUDIT_RETENTION_FLOOR_DAYS) * 86_400_000);
}

/** Deletes audit rows older than the retention period; returns how many. */
export async function purgeExpiredAudit(db: Db, now = new Date(), days = auditRetentionDays()): Promise<number> {
  const cutoff = retentionCutoff(now, days);
  return db.$executeRaw`DELETE FROM "AuditLog" WHERE "at" < ${cutoff}`;
}
