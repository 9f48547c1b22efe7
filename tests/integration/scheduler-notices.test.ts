/**
 * The scheduler's hourly portal notices (rules due for review, the annual report's deadlines): of
 * several instances ticking at once exactly one runs them, once per hour, and a second run within
 * the rules' window adds no notification.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { calendarDate } from "@/lib/progress";
import { NOTICES_PERIOD_MS, runTick } from "@/lib/outbound/scheduler";
import type { Senders } from "@/lib/outbound/outbox";

const NO_SENDERS = {} as Senders;
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: calendarDate(2026, 11, 22) });
}, 120_000);
afterAll(async () => t.cleanup());

const ruleNotices = () => t.db.notification.count({ where: { title: { startsWith: "制度待评估复核" } } });

describe("hourly notices", () => {
  it("one of two instances ticking together writes the rules-due notices, once", async () => {
    const now = new Date("2026-11-22T02:00:00Z");
    const [a, b] = await Promise.all([runTick(t.db, now, { owner: "a", senders: NO_SENDERS }), runTick(t.db, now, { owner: "b", senders: NO_SENDERS })]);
    const ran = [a.notices, b.notices].filter(Boolean);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.regulations).toBeGreaterThan(0);
    const written = await ruleNotices();
    expect(written).toBe(ran[0]!.regulations);

    // Within the hour nobody runs them again; an hour later one does, and the 30-day window adds nothing.
    const soon = await runTick(t.db, new Date(now.getTime() + 60_000), { owner: "a", senders: NO_SENDERS });
    expect(soon.notices).toBeNull();
    const later = await runTick(t.db, new Date(now.getTime() + NOTICES_PERIOD_MS), { owner: "b", senders: NO_SENDERS });
    expect(later.notices).toEqual({ regulations: 0, report: 0 });
    expect(await ruleNotices()).toBe(written);
  });
});
