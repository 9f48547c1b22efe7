import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/migrate";
import { onPostgres } from "@/tests/support/test-db";

const ROOT = path.resolve(__dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-processes-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writer(file: string, tag: string, times: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "tests/support/sqlite-writer.ts", file, tag, String(times)], { cwd: ROOT });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

// Several server processes on one SQLite file (WEB_CONCURRENCY, or a script beside the server):
// transactions that read and then write must wait for each other, not fail with SQLITE_BUSY_SNAPSHOT.
describe.skipIf(onPostgres)("several processes writing one SQLite file", () => {
  it("commits every read-then-write transaction of three concurrent processes", async () => {
    const file = path.join(dir, "shared.db");
    migrateSqlite(file);
    const processes = 3;
    const times = 150;
    const results = await Promise.all(Array.from({ length: processes }, (_, n) => writer(file, `p${n}`, times)));
    for (const result of results) expect(result, result.output).toMatchObject({ code: 0 });
    const db = new Database(file, { readonly: true });
    const rows = (db.prepare(`SELECT COUNT(*) AS c FROM "Office" WHERE "shortName" = '并发'`).get() as { c: number }).c;
    db.close();
    expect(rows).toBe(processes * times);
  }, 120_000);
});
