/**
 * The Node.js part of instrumentation.ts, imported only under the nodejs runtime so none of it
 * (Prisma, node:fs) is bundled for the edge runtime.
 */
import { databaseKind, sqliteFilePath } from "./lib/config";
import { holdServerLock } from "./lib/server-lock";
import { prisma } from "./lib/db";
import { AUDIT_PURGE_INTERVAL_MS, purgeExpiredAudit } from "./lib/audit-log/retention";
import { startReminderScheduler } from "./lib/outbound/scheduler";
import { REVIEW_NOTICE_INTERVAL_MS, notifyDueRegulations } from "./lib/regulations/review-notices";
import { calendarDayAt } from "./lib/progress/dates";

export function startNodeServices() {
  scheduleAuditPurge();
  startReminderScheduler(prisma);
  scheduleRegulationNotices();
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

/** Once a day: tell the 法治办 about rules due for review (lib/regulations/review-notices.ts). */
function scheduleRegulationNotices() {
  const run = () =>
    notifyDueRegulations(prisma, calendarDayAt(new Date())).catch((error) => console.error("regulation review notices failed", error));
  setTimeout(run, 90_000).unref();
  setInterval(run, REVIEW_NOTICE_INTERVAL_MS).unref();
}
