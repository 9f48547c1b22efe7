import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migratePostgres, migrateSqlite } from "@/lib/migrate";
import { derivePostgresSchema } from "@/lib/schema-source";
import { onPostgres, TEST_PG_URL } from "@/tests/support/test-db";

const ROOT = path.resolve(__dirname, "../..");
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), "utf8");

function diffFromEmpty(schema: string): string {
  return execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
}

function migrationFolders(kind: "sqlite" | "postgresql"): string[] {
  return fs.readdirSync(path.join(ROOT, "prisma", "migrations", kind)).sort();
}

/** Hand-written search index tables (FTS5 and its shadow tables, tsvector tables) are named fts_*: not in the schema. */
/**
 * Tables, columns, indexes and foreign keys of a SQLite file, in a comparable form. Later
 * migrations are additive (ALTER TABLE … ADD COLUMN), so the migrated database is compared with
 * one built from the schema in one go, by structure rather than by SQL text.
 */
function sqliteStructure(file: string): Record<string, unknown> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_portal_migrations' AND name NOT LIKE 'fts\\_%' ESCAPE '\\' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(
      tables.map((table) => {
        const q = (pragma: string) => db.prepare(`PRAGMA ${pragma}("${table}")`).all() as Record<string, unknown>[];
        const columns = q("table_info").map(({ cid: _cid, ...column }) => column).sort((a, b) => String(a.name).localeCompare(String(b.name)));
        const indexes = q("index_list")
          .map((index) => ({ name: index.name, unique: index.unique, columns: (db.prepare(`PRAGMA index_info("${String(index.name)}")`).all() as { name: string }[]).map((c) => c.name) }))
          .sort((a, b) => String(a.name).localeCompare(String(b.name)));
        const foreignKeys = q("foreign_key_list")
          .map(({ id: _id, seq: _seq, ...fk }) => fk)
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        return [table, { columns, indexes, foreignKeys }];
      }),
    );
  } finally {
    db.close();
  }
}

const STRUCTURE_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_portal_migrations' AND table_name NOT LIKE 'fts\\_%' ORDER BY table_name, column_name`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_portal_migrations' AND tablename NOT LIKE 'fts\\_%' ORDER BY tablename, indexname`,
  constraints: `SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS definition
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT IN ('_portal_migrations', '"_portal_migrations"') AND c.conrelid::regclass::text NOT LIKE '%fts\\_%' ORDER BY 1, 2`,
} as const;

async function withPostgresDb<T>(fill: (url: string) => Promise<void>, read: (url: string) => Promise<T>): Promise<T> {
  const { Client } = await import("pg");
  const admin = new Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  const name = `portal_drift_${Math.random().toString(16).slice(2, 10)}`;
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(TEST_PG_URL);
    url.pathname = `/${name}`;
    await fill(url.toString());
    return await read(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function postgresStructure(url: string): Promise<Record<string, unknown[]>> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const [key, sql] of Object.entries(STRUCTURE_QUERIES)) out[key] = (await client.query(sql)).rows;
    return out;
  } finally {
    await client.end();
  }
}

async function execPostgres(url: string, sql: string): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// One schema source: the PostgreSQL schema and both migration sets must follow prisma/schema.prisma.
describe.skipIf(onPostgres)("schema and migrations stay in step", () => {
  it("the PostgreSQL schema is derived from the SQLite one", () => {
    expect(read("prisma/postgresql/schema.prisma")).toBe(derivePostgresSchema(read("prisma/schema.prisma")));
  });

  it("both databases have the same migration folders", () => {
    expect(migrationFolders("postgresql")).toEqual(migrationFolders("sqlite"));
  });

  it("the sqlite migrations produce exactly the schema", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-drift-"));
    try {
      const migrated = path.join(dir, "migrated.db");
      migrateSqlite(migrated);
      const direct = path.join(dir, "direct.db");
      const db = new Database(direct);
      db.exec(diffFromEmpty("prisma/schema.prisma"));
      db.close();
      expect(sqliteStructure(migrated)).toEqual(sqliteStructure(direct));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Under `npm run test:pg` (.ci/run): the same comparison on PostgreSQL.
describe.runIf(onPostgres)("PostgreSQL migrations stay in step with the schema", () => {
  it("the postgresql migrations produce exactly the schema", async () => {
    const migrated = await withPostgresDb(async (url) => void (await migratePostgres(url)), postgresStructure);
    const direct = await withPostgresDb((url) => execPostgres(url, diffFromEmpty("prisma/postgresql/schema.prisma")), postgresStructure);
    expect(migrated).toEqual(direct);
  });
});
