import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { loginCookie, setupDatabase, startServer, stopServer } from "../support/server-process";

// Runs its own server on its own database (on the production build the e2e web server made), so
// killing it leaves the other end-to-end tests alone.
const PORT = Number(process.env.E2E_PORT || 3210) + 40;
const DB_FILE = path.resolve(__dirname, "../../data", `crash-${PORT}.db`);
const CLIENTS = 4;

test("SIGKILL in the middle of concurrent writes loses no acknowledged write and leaves an intact database", async () => {
  test.setTimeout(180_000);
  setupDatabase(DB_FILE);
  const year = new Date().getFullYear();
  const lookup = new Database(DB_FILE, { readonly: true });
  const point = lookup
    .prepare(`SELECT wp.id AS id FROM "WorkPoint" wp JOIN "Plan" p ON p.id = wp."planId" WHERE p.year = ? AND wp.number = 1`)
    .get(year) as { id: number };
  lookup.close();

  let server = await startServer(DB_FILE, PORT);
  const cookie = await loginCookie(server.baseURL, "staff-zonghe");
  const acknowledged = new Map<number, string>();
  let stopped = false;

  async function client(n: number) {
    for (let i = 0; !stopped; i += 1) {
      const title = `断电测试-${n}-${i}`;
      try {
        const response = await fetch(`${server.baseURL}/api/v1/ledger-entries`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, origin: server.baseURL },
          body: JSON.stringify({ pointId: point.id, date: `${year}-01-15`, title, form: "集中学习", description: "crash test" }),
        });
        if (response.status === 201) acknowledged.set(((await response.json()) as { id: number }).id, title);
        else if (response.status >= 500) return;
      } catch {
        return; // the server is gone
      }
    }
  }

  const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await stopServer(server, "SIGKILL");
  stopped = true;
  await Promise.all(clients);
  expect(acknowledged.size).toBeGreaterThan(10);

  server = await startServer(DB_FILE, PORT);
  const after = await fetch(`${server.baseURL}/login`);
  expect(after.ok).toBe(true);
  await stopServer(server);

  const db = new Database(DB_FILE, { readonly: true });
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  const rows = db.prepare(`SELECT id, title FROM "LedgerEntry" WHERE title LIKE '断电测试-%'`).all() as { id: number; title: string }[];
  const stored = new Map(rows.map((r) => [r.id, r.title]));
  const lost = [...acknowledged].filter(([id, title]) => stored.get(id) !== title);
  db.close();
  expect(lost).toEqual([]);
  test.info().annotations.push({ type: "crash", description: `acknowledged ${acknowledged.size}, stored ${stored.size}, lost ${lost.length}` });
});
