import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { migratePostgres, migrateSqlite } from "@/lib/migrate";
import { createPrismaClient, type Db } from "@/lib/db";
import { seedDemo } from "@/lib/seed/demo";

export interface TestDb {
  db: Db;
  kind: "sqlite" | "postgresql";
  /** SQLite file path ("" on PostgreSQL). */
  file: string;
  url: string;
  cleanup: () => Promise<void>;
}

/** `npm run test:pg` sets this to run the integration suite on PostgreSQL. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL?.startsWith("postgres") ? process.env.TEST_DATABASE_URL : "";
export const onPostgres = Boolean(TEST_PG_URL);

async function adminQuery(sql: string) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createPostgresDb(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `portal_t_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A fresh, migrated database (SQLite file, or a PostgreSQL database under test:pg), optionally seeded. */
export async function createTestDb(options: { seed?: boolean; today?: Date } = {}): Promise<TestDb> {
  let url: string;
  let file = "";
  let dispose: () => Promise<void>;
  if (onPostgres) {
    const created = await createPostgresDb();
    url = created.url;
    dispose = created.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
    file = path.join(dir, "test.db");
    migrateSqlite(file);
    url = `file:${file}`;
    dispose = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const db = createPrismaClient(url);
  if (options.seed) await seedDemo(db, options.today ?? new Date(Date.UTC(2026, 10, 22)));
  return {
    db,
    kind: onPostgres ? "postgresql" : "sqlite",
    file,
    url,
    cleanup: async () => {
      await db.$disconnect();
      await dispose();
    },
  };
}

export async function userByName(db: Db, username: string) {
  return db.user.findUniqueOrThrow({ where: { username } });
}

export function actor(user: { id: number; username: string; role: string }) {
  return { id: user.id, username: user.username, role: user.role };
}

/** Row counts of every table, to prove a refused call changed nothing. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const listSql = onPostgres
    ? `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_portal\\_%' ORDER BY table_name`
    : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_portal_%' ORDER BY name`;
  const tables = (await db.$queryRawUnsafe<{ name: string }[]>(listSql)).map((t) => t.name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.$queryRawUnsafe<{ c: bigint | number }[]>(`SELECT COUNT(*) AS c FROM "${table}"`);
    counts[table] = Number(row.c);
  }
  return counts;
}

/** Row counts a refused call must leave alone: denials are audited, so the audit log and login attempts may grow. */
export async function businessCounts(db: Db): Promise<Record<string, number>> {
  const { AuditLog: _audit, LoginAttempt: _attempts, ...rest } = await tableCounts(db);
  return rest;
}
