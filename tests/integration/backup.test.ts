import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, onPostgres, type TestDb } from "@/tests/support/test-db";
import { backupSqlite, restoreSqlite, rowCounts } from "@/lib/backup";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";

let t: TestDb;
let dir: string;

/** Every row of every table, serialised, so a restore can be compared exactly. */
function dumpAll(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[])
    .map((r) => r.name)
    // FTS5 shadow tables (some WITHOUT ROWID) derive from their virtual table, which is dumped itself.
    .filter((name) => !/^fts_.*_(data|idx|content|docsize|config)$/.test(name));
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
    out[table] = JSON.stringify(rows, (_k, v) => (Buffer.isBuffer(v) ? v.toString("base64") : typeof v === "bigint" ? String(v) : v));
  }
  db.close();
  return out;
}

beforeAll(async () => {
  if (onPostgres) return;
  t = await createTestDb({ seed: true });
  dir = path.dirname(t.file);
  // An attachment, so the backup is seen to carry file bytes too.
  const entry = await t.db.ledgerEntry.findFirstOrThrow();
  await t.db.attachment.create({
    data: { entryId: entry.id, fileName: "签到表.pdf", mimeType: "application/pdf", size: 9, sha256: "x", data: Buffer.from("%PDF-1.4\n"), createdById: entry.createdById },
  });
});
afterAll(async () => t?.cleanup());

// PostgreSQL deployments back up with pg_dump; this is the embedded SQLite path.
describe.skipIf(onPostgres)("backup and restore", () => {
  it("backs up a database in use and restores it table for table", async () => {
    const backupFile = path.join(dir, "backup.db");
    const counts = await backupSqlite(t.file, backupFile);
    expect(counts.Attachment).toBe(1);
    expect(counts.LedgerEntry).toBeGreaterThan(0);

    const target = path.join(dir, "restored.db");
    const result = await restoreSqlite(backupFile, target);
    expect(result.integrity).toBe("ok");
    expect(result.counts).toEqual(rowCounts(t.file));
    expect(dumpAll(target)).toEqual(dumpAll(t.file));
  });

  it("refuses to overwrite an existing database without force", async () => {
    const backupFile = path.join(dir, "backup2.db");
    await backupSqlite(t.file, backupFile);
    const target = path.join(dir, "existing.db");
    fs.writeFileSync(target, "keep me");
    await expect(restoreSqlite(backupFile, target)).rejects.toThrow(/--force/);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
    await restoreSqlite(backupFile, target, { force: true });
    expect(rowCounts(target).User).toBe(DEMO_ACCOUNTS.length);
  });

  it("refuses a corrupt backup and leaves the target untouched", async () => {
    const bad = path.join(dir, "corrupt.db");
    fs.writeFileSync(bad, Buffer.alloc(4096, 7));
    const target = path.join(dir, "untouched.db");
    await expect(restoreSqlite(bad, target, { force: true })).rejects.toThrow();
    expect(fs.existsSync(target)).toBe(false);
  });

  it("refuses to overwrite an existing backup file", async () => {
    const backupFile = path.join(dir, "once.db");
    await backupSqlite(t.file, backupFile);
    await expect(backupSqlite(t.file, backupFile)).rejects.toThrow(/已存在/);
  });
});
