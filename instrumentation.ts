/**
 * Runs once in every server process when it starts (`next start`, each worker of
 * scripts/cluster.mjs, `next dev`; Next.js skips it during `next build`). On SQLite it marks the
 * database as held by this process (lib/server-lock.ts), so `npm run restore` refuses to replace
 * the file under a running server. On every database it deletes audit rows past their retention
 * (lib/audit-log/retention.ts) at start and once a day.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { databaseKind, sqliteFilePath } = await import("./lib/config");
  await scheduleAuditPurge();
  if (databaseKind() !== "sqlite") return;
  const { holdServerLock } = await import("./lib/server-lock");
  holdServerLock(sqliteFilePath());
}

async function scheduleAuditPurge() {
  const [{ prisma }, { purgeExpiredAudit, AUDIT_PURGE_INTERVAL_MS }] = await Promise.all([import("./lib/db"), import("./lib/audit-log/retention")]);
  const purge = () =>
    purgeExpiredAudit(prisma)
      .then((count) => {
        if (count > 0) console.log(JSON.stringify({ event: "audit.purged", rows: count }));
      })
      .catch((error) => console.error("audit retention purge failed", error));
  setTimeout(purge, 60_000).unref();
  setInterval(purge, AUDIT_PURGE_INTERVAL_MS).unref();
}
