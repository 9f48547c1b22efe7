import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ROOT_DIR, type DatabaseKind } from "@/lib/config";

/**
 * Applies the checked-in SQL migrations (prisma/migrations/<kind>/NNNN_name/migration.sql) in order.
 * A small runner of our own instead of `prisma migrate deploy`: it needs no engine download and
 * behaves the same on SQLite and PostgreSQL.
 */
export function migrationDirs(kind: DatabaseKind, root = path.join(ROOT_DIR, "prisma", "migrations")): { name: string; sql: string }[] {
  const base = path.join(root, kind);
  return fs
    .readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(base, name, "migration.sql"), "utf8") }));
}

export interface MigrateOptions {
  /**
   * All pending migrations in one transaction (`bin/portal upgrade`): a failure in any of them
   * leaves the database exactly as before, so the previous release still runs on it. Without it,
   * each migration is its own transaction (`npm start`, `bin/portal migrate`).
   */
  atomic?: boolean;
  /** Folder holding `sqlite/` and `postgresql/` (default `<root>/prisma/migrations`). */
  root?: string;
}

export function migrateSqlite(file: string, options: MigrateOptions = {}): string[] {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_portal_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
    const applied = new Set(
      (db.prepare(`SELECT "name" FROM "_portal_migrations"`).all() as { name: string }[]).map((r) => r.name),
    );
    const pending = migrationDirs("sqlite", options.root).filter((m) => !applied.has(m.name));
    const apply = (m: { name: string; sql: string }) => {
      db.exec(m.sql);
      db.prepare(`INSERT INTO "_portal_migrations" ("name", "appliedAt") VALUES (?, ?)`).run(m.name, new Date().toISOString());
    };
    if (options.atomic) db.transaction(() => pending.forEach(apply))();
    else for (const m of pending) db.transaction(() => apply(m))();
    return pending.map((m) => m.name);
  } finally {
    db.close();
  }
}

export async function migratePostgres(url: string, options: MigrateOptions = {}): Promise<string[]> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS "_portal_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ name: string }>(`SELECT "name" FROM "_portal_migrations"`);
    const applied = new Set(rows.map((r) => r.name));
    const pending = migrationDirs("postgresql", options.root).filter((m) => !applied.has(m.name));
    // PostgreSQL's DDL is transactional, so one transaction can hold them all (atomic).
    const groups = options.atomic ? [pending] : pending.map((m) => [m]);
    for (const group of groups) {
      if (group.length === 0) continue;
      await client.query("BEGIN");
      try {
        for (const m of group) {
          await client.query(m.sql);
          await client.query(`INSERT INTO "_portal_migrations" ("name", "appliedAt") VALUES ($1, now())`, [m.name]);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.end();
  }
}
