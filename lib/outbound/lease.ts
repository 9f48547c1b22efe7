/**
 * Named leases in the database (SchedulerLease): of several instances ticking at the same time,
 * one runs a periodic job per lease period. A conditional UPDATE on an expired lease takes it;
 * the row survives restarts, so a restarted instance waits for the lease like any other.
 */

import type { Db } from "@/lib/db";

export async function acquireLease(db: Db, name: string, owner: string, now: Date, durationMs: number): Promise<boolean> {
  await db.$executeRaw`
    INSERT INTO "SchedulerLease" ("name", "owner", "leaseUntil", "lastRunAt", "lastResult")
    VALUES (${name}, '', ${new Date(0)}, NULL, '') ON CONFLICT ("name") DO NOTHING`;
  const { count } = await db.schedulerLease.updateMany({
    where: { name, leaseUntil: { lte: now } },
    data: { owner, leaseUntil: new Date(now.getTime() + durationMs), lastRunAt: now },
  });
  return count === 1;
}

export async function recordLeaseResult(db: Db, name: string, owner: string, result: string): Promise<void> {
  await db.schedulerLease.updateMany({ where: { name, owner }, data: { lastResult: result.slice(0, 500) } });
}
