/**
 * `bin/portal upgrade` applies pending migrations all or nothing (lib/migrate.ts, atomic): a
 * failure in a later migration leaves the database as it was, so the previous release still runs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/migrate";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup(migrations: Record<string, string>): { root: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-atomic-"));
  dirs.push(dir);
  const root = path.join(dir, "migrations");
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(root, "sqlite", name), { recursive: true });
    fs.writeFileSync(path.join(root, "sqlite", name, "migration.sql"), sql);
  }
  return { root, file: path.join(dir, "db.sqlite") };
}

function addMigration(root: string, name: string, sql: string) {
  fs.mkdirSync(path.join(root, "sqlite", name), { recursive: true });
  fs.writeFileSync(path.join(root, "sqlite", name, "migration.sql"), sql);
}

function state(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    const applied = (db.prepare(`SELECT name FROM "_portal_migrations" ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    const rows = tables.includes("Item") ? (db.prepare(`SELECT COUNT(*) AS c FROM "Item"`).get() as { c: number }).c : null;
    return { tables, applied, rows };
  } finally {
    db.close();
  }
}

const BROKEN = `INSERT INTO "NoSuchTable" VALUES (1);`;

describe("migrateSqlite", () => {
  it.each([
    { atomic: true, expected: { tables: ["Item", "_portal_migrations"], applied: ["0001_init"], rows: 1 } },
    // Without atomic each migration commits on its own: the one before the failure stays applied.
    { atomic: false, expected: { tables: ["Item", "Second", "_portal_migrations"], applied: ["0001_init", "0002_second"], rows: 2 } },
  ])("a failing migration with atomic=$atomic leaves $expected.applied applied", ({ atomic, expected }) => {
    const { root, file } = setup({ "0001_init": `CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY); INSERT INTO "Item" VALUES (1);` });
    expect(migrateSqlite(file, { root })).toEqual(["0001_init"]);
    addMigration(root, "0002_second", `CREATE TABLE "Second" ("id" INTEGER PRIMARY KEY); INSERT INTO "Item" VALUES (2);`);
    addMigration(root, "0003_broken", `CREATE TABLE "Third" ("id" INTEGER PRIMARY KEY); ${BROKEN}`);
    expect(() => migrateSqlite(file, { root, atomic })).toThrow(/NoSuchTable/);
    expect(state(file)).toEqual(expected);
  });

  it("applies every pending migration in order when none fails (atomic)", () => {
    const { root, file } = setup({ "0001_init": `CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY);` });
    migrateSqlite(file, { root });
    addMigration(root, "0002_b", `INSERT INTO "Item" VALUES (1);`);
    addMigration(root, "0002b_c", `INSERT INTO "Item" VALUES (2);`);
    expect(migrateSqlite(file, { root, atomic: true })).toEqual(["0002_b", "0002b_c"]);
    expect(state(file)).toEqual({ tables: ["Item", "_portal_migrations"], applied: ["0001_init", "0002_b", "0002b_c"], rows: 2 });
    expect(migrateSqlite(file, { root, atomic: true })).toEqual([]);
  });
});
