/**
 * Which server processes hold a SQLite database, so `npm run restore` can refuse while one runs
 * (a restore under a running server is silently undone: the server keeps writing to the file it
 * has open, and its later writes vanish or tear the restored file).
 *
 * Every server process (instrumentation.ts: `next start`, each cluster worker, `next dev`) keeps a
 * heartbeat file `<database>.server-lock/<pid>.json` — pid, host, start time and a timestamp
 * rewritten every HEARTBEAT_MS — and deletes it on a clean exit. A holder counts as live while its
 * heartbeat is fresh (younger than STALE_MS), or, on this host, while its pid is alive. After a
 * crash (SIGKILL, power loss) the file stays behind; once the pid is gone and the heartbeat stale it
 * is ignored and removed.
 *
 * PostgreSQL deployments restore with pg_restore after stopping every instance (README).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const HEARTBEAT_MS = 5_000;
export const STALE_MS = 20_000;

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  heartbeatAt: number;
}

export function serverLockDir(dbFile: string): string {
  return `${path.resolve(dbFile)}.server-lock`;
}

function holderFile(dbFile: string, pid = process.pid): string {
  return path.join(serverLockDir(dbFile), `${pid}.json`);
}

function writeHeartbeat(file: string, holder: LockHolder): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ ...holder, heartbeatAt: Date.now() }));
  fs.renameSync(tmp, file);
}

export interface HeldLock {
  file: string;
  release: () => void;
}

/**
 * Marks this process as holding the database until it exits (or `release()`): the heartbeat is
 * refreshed on an unref'd timer, so it never keeps the process alive.
 */
export function holdServerLock(dbFile: string, intervalMs = HEARTBEAT_MS): HeldLock {
  const dir = serverLockDir(dbFile);
  fs.mkdirSync(dir, { recursive: true });
  const file = holderFile(dbFile);
  const holder: LockHolder = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), heartbeatAt: Date.now() };
  writeHeartbeat(file, holder);
  const timer = setInterval(() => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      writeHeartbeat(file, holder);
    } catch (error) {
      console.error("server lock heartbeat failed", error);
    }
  }, intervalMs);
  timer.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(timer);
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.tmp`, { force: true });
    try {
      fs.rmdirSync(dir); // only when no other process holds it
    } catch {
      /* other holders remain, or already gone */
    }
  };
  process.once("exit", release);
  // A process without its own handler for these signals dies at once, without "exit": release
  // first, then die of the same signal. Where the server handles them (graceful shutdown), "exit"
  // releases the lock once the server is really done.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      if (process.listenerCount(signal) > 0) return;
      release();
      process.kill(process.pid, signal);
    });
  }
  return { file, release };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live holders of the database; stale files of crashed servers are removed on the way. */
export function liveServerHolders(dbFile: string, now = Date.now()): LockHolder[] {
  const dir = serverLockDir(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const live: LockHolder[] = [];
  for (const name of names) {
    if (!name.endsWith(".json")) continue;
    const file = path.join(dir, name);
    let holder: LockHolder;
    try {
      holder = JSON.parse(fs.readFileSync(file, "utf8")) as LockHolder;
    } catch {
      // Unreadable: being written this instant, or garbage. Judge by the file's age.
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat && now - stat.mtimeMs < STALE_MS) live.push({ pid: Number(name.replace(/\.json$/, "")) || 0, hostname: "?", startedAt: "", heartbeatAt: now });
      continue;
    }
    const fresh = now - holder.heartbeatAt < STALE_MS;
    const alive = holder.hostname === os.hostname() && holder.pid !== process.pid && pidAlive(holder.pid);
    if (fresh || alive) live.push(holder);
    else fs.rmSync(file, { force: true });
  }
  return live;
}

export class ServerRunningError extends Error {}

/** Throws ServerRunningError, naming the processes, while any server holds the database. */
export function assertNoServerHolds(dbFile: string): void {
  const holders = liveServerHolders(dbFile);
  if (!holders.length) return;
  const who = holders
    .map((h) => `进程 ${h.pid}${h.hostname && h.hostname !== os.hostname() ? `（主机 ${h.hostname}）` : ""}，最近心跳 ${Math.max(0, Math.round((Date.now() - h.heartbeatAt) / 1000))} 秒前`)
    .join("；");
  throw new ServerRunningError(
    `门户服务正在使用该数据库（${who}），恢复未做任何更改。请先停止服务（npm start 所在终端按 Ctrl+C，或 systemctl stop 等），再执行恢复。` +
      `若确认没有服务在运行（例如服务器曾断电），等待 ${STALE_MS / 1000} 秒后重试，或删除 ${serverLockDir(dbFile)} 目录。`,
  );
}
