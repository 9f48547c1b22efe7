/**
 * Several server processes on one SQLite file (WEB_CONCURRENCY, or a second instance): three
 * processes claim the same due outbox rows and plan the same reminders at the same moment. Every
 * row is sent by exactly one of them, and every reminder is one notification per recipient.
 * (On PostgreSQL, tests/integration/outbound.test.ts runs its claimers on two separate clients. This
 * test fails when the claim's conditional UPDATE is reduced to `where: { id }`: rows are sent twice.)
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, onPostgres, type TestDb } from "@/tests/support/test-db";
import { calendarDate } from "@/lib/progress";
import { enqueueOutbound } from "@/lib/outbound/outbox";

const ROOT = path.resolve(__dirname, "../..");
const NOW = "2026-11-22T02:00:00.000Z";
let t: TestDb;

function run(mode: "claim" | "plan"): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "tests/support/outbox-process.ts", t.file, mode, NOW], { cwd: ROOT });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(err || `exit ${code}`))));
  });
}

beforeAll(async () => {
  t = await createTestDb({ seed: !onPostgres, today: calendarDate(2026, 11, 22) });
}, 120_000);
afterAll(async () => t.cleanup());

describe.skipIf(onPostgres)("outbox across processes (SQLite)", () => {
  it("three processes claiming the same 60 rows send each exactly once", async () => {
    for (let i = 0; i < 60; i += 1) {
      await enqueueOutbound(t.db, { channel: "EMAIL", recipient: `p${i}@example.gov.cn`, subject: "多进程", body: "多进程", dedupeKey: `processes:${i}`, now: new Date(NOW) });
    }
    const results = await Promise.all([run("claim"), run("claim"), run("claim")]);
    const sent = results.flatMap((r) => r.sent as string[]);
    expect(sent).toHaveLength(60);
    expect(new Set(sent).size).toBe(60);
    expect(await t.db.outboundMessage.count({ where: { dedupeKey: { startsWith: "processes:" }, status: "SENT" } })).toBe(60);
  }, 120_000);

  it("three processes planning the same minute notify each recipient of a reminder once", async () => {
    const results = await Promise.all([run("plan"), run("plan"), run("plan")]);
    const total = results.reduce((sum, r) => sum + Number(r.queued), 0);
    expect(results.every((r) => Number(r.reminders) === Number(results[0].reminders))).toBe(true);
    expect(Number(results[0].reminders)).toBeGreaterThan(0);
    const portal = await t.db.outboundMessage.count({ where: { channel: "PORTAL" } });
    expect(total).toBe(portal);
    const notes = await t.db.notification.findMany({ where: { title: { startsWith: "到期催办" } }, select: { userId: true, title: true } });
    expect(notes.length).toBeGreaterThan(0);
    expect(new Set(notes.map((n) => `${n.userId}|${n.title}`)).size).toBe(notes.length);
    expect(notes.length + (await t.db.notification.count({ where: { title: { startsWith: "临近提醒" } } }))).toBe(portal);
  }, 120_000);
});
