/**
 * Runs once in every server process when it starts (`next start`, each worker of
 * scripts/cluster.mjs, `next dev`; Next.js skips it during `next build`). On SQLite it marks the
 * database as held by this process (lib/server-lock.ts), so `npm run restore` refuses to replace
 * the file under a running server.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { databaseKind, sqliteFilePath } = await import("./lib/config");
  if (databaseKind() !== "sqlite") return;
  const { holdServerLock } = await import("./lib/server-lock");
  holdServerLock(sqliteFilePath());
}
