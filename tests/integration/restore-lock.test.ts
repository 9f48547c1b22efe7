/**
 * Issue 15.6: `npm run restore -- --force` while a server holds the database is refused with a
 * clear message and changes nothing; once the server has stopped the same restore goes through.
 * The holder is a separate process holding the lock exactly as the server does (instrumentation.ts);
 * tests/e2e/security.spec.ts runs the restore command against the real running server.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, onPostgres, type TestDb } from "@/tests/support/test-db";
import { backupSqlite, restoreSqlite } from "@/lib/backup";
import { ServerRunningError, STALE_MS, liveServerHolders, serverLockDir } from "@/lib/server-lock";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

let t: TestDb;
let dir: string;
let target: string;
let backupFile: string;

function fileState(file: string) {
  const db = new Database(file, { readonly: true });
  const state = {
    entries: db.prepare(`SELECT COUNT(*) AS c FROM "LedgerEntry"`).get(),
    marker: db.prepare(`SELECT "title" FROM "LedgerEntry" WHERE "title" = '备份之后的写入'`).get() ?? null,
  };
  db.close();
  return state;
}

/** Starts the holder and resolves once it has taken the lock (it says so), without any timer. */
function startHolder(dbFile: string, ...flags: string[]): Promise<ChildProcess> {
  // Plain node with tsx only as loader: the tsx CLI would add signal handlers of its own.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/support/hold-server-lock.ts"), dbFile, ...flags], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("held")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

beforeAll(async () => {
  if (onPostgres) return;
  t = await createTestDb({ seed: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-restore-lock-"));
  target = path.join(dir, "portal.db");
  await backupSqlite(t.file, target); // a consistent copy (the test database is in WAL mode)
  backupFile = path.join(dir, "backup.db");
  await backupSqlite(target, backupFile);
  // A write after the backup: what a restore under a running server would silently lose.
  const db = new Database(target);
  const entry = db.prepare(`SELECT "year", "workPointId", "officeId", "createdById" FROM "LedgerEntry" LIMIT 1`).get() as Record<string, number>;
  db.prepare(`INSERT INTO "LedgerEntry" ("year", "workPointId", "officeId", "date", "title", "form", "createdById", "updatedAt") VALUES (?, ?, ?, 0, '备份之后的写入', '其他', ?, 0)`).run(
    entry.year, entry.workPointId, entry.officeId, entry.createdById,
  );
  db.close();
});
afterAll(async () => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  await t?.cleanup();
});

describe.skipIf(onPostgres)("restore while a server holds the database", () => {
  it("is refused with a clear message, even with --force, and changes nothing; after the server stops it goes through", async () => {
    const before = fs.readFileSync(target);
    const holder = await startHolder(target);
    try {
      expect(liveServerHolders(target).map((h) => h.pid)).toEqual([holder.pid]);
      const call = restoreSqlite(backupFile, target, { force: true });
      await expect(call).rejects.toBeInstanceOf(ServerRunningError);
      await expect(call).rejects.toThrow(/门户服务正在使用该数据库（进程 \d+.*恢复未做任何更改。请先停止服务/);

      // The command an operator runs: exit code 1 and the same message.
      const cli = spawnSync(process.execPath, [TSX, "scripts/restore.ts", backupFile, "--force"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${target}` }, encoding: "utf8" });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain("恢复失败：门户服务正在使用该数据库");

      expect(fs.readFileSync(target).equals(before)).toBe(true);
      expect(fs.existsSync(`${target}.restoring`)).toBe(false);
      expect(fileState(target).marker).not.toBeNull();
    } finally {
      await stop(holder);
    }
    // A clean exit releases the lock.
    expect(fs.existsSync(serverLockDir(target))).toBe(false);
    const result = await restoreSqlite(backupFile, target, { force: true });
    expect(result.integrity).toBe("ok");
    expect(fileState(target).marker).toBeNull();
  });

  it("a server without a signal handler of its own releases the lock when stopped with SIGTERM", async () => {
    const holder = await startHolder(target, "--no-signal-handler");
    await expect(restoreSqlite(backupFile, target, { force: true })).rejects.toBeInstanceOf(ServerRunningError);
    await stop(holder);
    expect(fs.existsSync(serverLockDir(target))).toBe(false);
    await restoreSqlite(backupFile, target, { force: true });
  });

  it("a lock left by a crashed server (pid gone, heartbeat stale) does not block, and is cleared", async () => {
    const lockDir = serverLockDir(target);
    fs.mkdirSync(lockDir, { recursive: true });
    // A pid that certainly ended: a child that has exited.
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const stale = path.join(lockDir, `${gone}.json`);
    fs.writeFileSync(stale, JSON.stringify({ pid: gone, hostname: os.hostname(), startedAt: "2026-01-01T00:00:00Z", heartbeatAt: Date.now() - STALE_MS - 1 }));
    await restoreSqlite(backupFile, target, { force: true });
    expect(fs.existsSync(stale)).toBe(false);
  });

  it("a fresh heartbeat from another host (a server on a shared volume) blocks", async () => {
    const lockDir = serverLockDir(target);
    fs.mkdirSync(lockDir, { recursive: true });
    const other = path.join(lockDir, "4242.json");
    fs.writeFileSync(other, JSON.stringify({ pid: 4242, hostname: "another-host", startedAt: new Date().toISOString(), heartbeatAt: Date.now() }));
    try {
      await expect(restoreSqlite(backupFile, target, { force: true })).rejects.toThrow(/主机 another-host/);
    } finally {
      fs.rmSync(lockDir, { recursive: true, force: true });
    }
  });
});
