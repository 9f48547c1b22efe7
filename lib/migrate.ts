import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ROOT_DIR, type DatabaseKind } from "@/lib/config";

/**
 * Applies the checked-in SQL migrations (prisma/migrations/<kind>/NNNN_name/migration.sql) in order.
 * A small runner of our own instead of `prisma migrate deploy`: it needs no engine download and
 * behaves the same on SQLite and PostgreSQL.
 */
export function migrationDirs(kind: DatabaseKind): { name: string; sql: string }[] {
  const base = path.join(ROOT_DIR, "prisma", "migrations", kind);
  return fs
    .readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(base, name, "migration.sql"), "utf8") }));
}

export function migrateSqlite(file: string): string[] {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_portal_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
    const applied = new Set(
      (db.prepare(`SELECT "name" FROM "_portal_migrations"`).all() as { name: string }[]).map((r) => r.name),
    );
    const done: string[] = [];
    for (const m of migrationDirs("sqlite")) {
      if (applied.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(`INSERT INTO "_portal_migrations" ("name", "appliedAt") VALUES (?, ?)`).run(m.name, new Date().toISOString());
      })();
      done.push(m.name);
    }
    return done;
  } finally {
    db.close();
  }
}

export async function migratePostgres(url: string): Promise<string[]> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS "_portal_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ name: string }>(`SELECT "name" FROM "_portal_migrations"`);
    const applied = new Set(rows.map((r) => r.name));
    const done: string[] = [];
    for (const m of migrationDirs("postgresql")) {
      if (applied.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_portal_migrations" ("name", "appliedAt") VALUES ($1, now())`, [m.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.end();
  }
}
