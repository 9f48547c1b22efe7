import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { assertNoServerHolds } from "./server-lock";

export type RowCounts = Record<string, number>;

function tableNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
}

export function rowCounts(file: string): RowCounts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const counts: RowCounts = {};
    for (const name of tableNames(db)) counts[name] = (db.prepare(`SELECT COUNT(*) AS c FROM "${name}"`).get() as { c: number }).c;
    return counts;
  } finally {
    db.close();
  }
}

export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma("integrity_check", { simple: true }) as string) ?? "unknown";
  } finally {
    db.close();
  }
}

/**
 * Online backup through SQLite's backup API: consistent while the portal keeps writing (WAL).
 * Attachments live in the database, so they are included.
 */
export async function backupSqlite(sourceFile: string, destFile: string): Promise<RowCounts> {
  if (!fs.existsSync(sourceFile)) throw new Error(`数据库文件不存在：${sourceFile}`);
  if (fs.existsSync(destFile)) throw new Error(`备份文件已存在：${destFile}（请换一个文件名）`);
  fs.mkdirSync(path.dirname(path.resolve(destFile)), { recursive: true });
  const source = new Database(sourceFile, { fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  try {
    await source.backup(destFile);
  } finally {
    source.close();
  }
  const check = integrityCheck(destFile);
  if (check !== "ok") throw new Error(`备份文件完整性检查失败：${check}`);
  return rowCounts(destFile);
}

export interface RestoreResult {
  counts: RowCounts;
  integrity: string;
}

/**
 * Restores a backup over the database file. Refuses while a server holds the database (even with
 * --force: lib/server-lock.ts), refuses to overwrite an existing database unless forced, checks the
 * backup's integrity first and compares row counts afterwards. The copy is made beside the target
 * and renamed over it, so the target is either the old file or the whole backup.
 */
export async function restoreSqlite(backupFile: string, targetFile: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  assertNoServerHolds(targetFile);
  if (!fs.existsSync(backupFile)) throw new Error(`备份文件不存在：${backupFile}`);
  const integrity = integrityCheck(backupFile);
  if (integrity !== "ok") throw new Error(`备份文件完整性检查失败：${integrity}`);
  if (fs.existsSync(targetFile) && !options.force) {
    throw new Error(`目标数据库已存在：${targetFile}。确认覆盖请加 --force（请先停止门户服务）`);
  }
  const expected = rowCounts(backupFile);
  const tmp = `${targetFile}.restoring`;
  fs.rmSync(tmp, { force: true });
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(tmp);
  } finally {
    source.close();
  }
  // Again at the last moment: a server started while the copy was being made.
  try {
    assertNoServerHolds(targetFile);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(targetFile + suffix, { force: true });
  fs.renameSync(tmp, targetFile);
  const counts = rowCounts(targetFile);
  const mismatched = Object.keys(expected).filter((t) => expected[t] !== counts[t]);
  if (mismatched.length) throw new Error(`恢复后行数不一致：${mismatched.join("、")}`);
  return { counts, integrity: integrityCheck(targetFile) };
}
