/**
 * The Node.js part of instrumentation.ts, imported only under the nodejs runtime so none of it
 * (Prisma, node:fs) is bundled for the edge runtime.
 */
import { databaseKind, sqliteFilePath } from "./lib/config";
import { holdServerLock } from "./lib/server-lock";
import { prisma } from "./lib/db";
import { AUDIT_PURGE_INTERVAL_MS, purgeExpiredAudit } from "./lib/audit-log/retention";
import { startReminderScheduler } from "./lib/outbound/scheduler";

export function startNodeServices() {
  scheduleAuditPurge();
  // Reminders, and hourly the rules due for review and the report's deadline notices (lib/outbound/scheduler.ts).
  startReminderScheduler(prisma);
  if (databaseKind() === "sqlite") holdServerLock(sqliteFilePath());
}

function scheduleAuditPurge() {
  const purge = () =>
    purgeExpiredAudit(prisma)
      .then((count) => {
        if (count > 0) console.log(JSON.stringify({ event: "audit.purged", rows: count }));
      })
      .catch((error) => console.error("audit retention purge failed", error));
  setTimeout(purge, 60_000).unref();
  setInterval(purge, AUDIT_PURGE_INTERVAL_MS).unref();
}
