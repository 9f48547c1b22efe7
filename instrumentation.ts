/**
 * Runs once in every server process when it starts (`next start`, each worker of
 * scripts/cluster.mjs, `next dev`; Next.js skips it during `next build`). On SQLite it marks the
 * database as held by this process (lib/server-lock.ts), so `npm run restore` refuses to replace
 * the file under a running server. On every database it deletes audit rows past their retention
 * (lib/audit-log/retention.ts) a minute after start and once a day (instrumentation-node.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServices } = await import("./instrumentation-node");
    startNodeServices();
  }
}
