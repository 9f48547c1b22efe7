import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, userByName, type TestDb } from "@/tests/support/test-db";
import { writeAudit } from "@/lib/audit";
import { loadDashboard } from "@/lib/dashboard/data";
import { StampedMemo } from "@/lib/dashboard/cache";
import { calendarDate } from "@/lib/progress";

const TODAY = calendarDate(2026, 11, 22);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
}, 120_000);
afterAll(async () => t.cleanup());

const leader = { role: "LEADER" as const, officeId: null };

describe("loadDashboard", () => {
  it("opens on the current year with last year's same day and final figures", async () => {
    const dash = await loadDashboard(t.db, leader, { today: TODAY, cache: false });
    expect(dash!.year).toBe(2026);
    expect(dash!.years.map((y) => y.year)).toEqual([2026, 2025]);
    expect(dash!.data.progress.points.find((p) => p.point.number === 1)!.status).toBe("BEHIND");
    expect(dash!.pending).toBe(1);
    expect(dash!.comparison!.sameDay!.asOf.toISOString().slice(0, 10)).toBe("2025-11-22");
    // Final: the day after the 2025 plan's last deadline (31 December), when every light is settled.
    expect(dash!.comparison!.final.asOf.toISOString().slice(0, 10)).toBe("2026-01-01");
    // 2025 by 22 November: 5 of 6 study sessions, the training held: all three targets met.
    expect(dash!.comparison!.sameDay!.targetsMet).toBe(3);
    expect(dash!.activity.months[2].personTimes).toBe(120);
  });

  it("a past year is measured the day after its last deadline and compared with the year before only if planned", async () => {
    const dash = await loadDashboard(t.db, leader, { year: 2025, today: TODAY, cache: false });
    expect(dash!.data.progress.asOf.toISOString().slice(0, 10)).toBe("2026-01-01");
    expect(dash!.comparison).toBeNull();
  });

  it("a plan for a year not yet begun shows NOT_STARTED and no comparison", async () => {
    const dash = await loadDashboard(t.db, leader, { year: 2026, today: calendarDate(2025, 12, 1), cache: false });
    expect(dash!.data.progress.plan.byStatus.NOT_STARTED).toBe(12);
    expect(dash!.comparison).toBeNull();
  });

  it("STAFF see their office's points, whatever office they ask for", async () => {
    const staff = await userByName(t.db, "staff-yanjiu");
    const other = await t.db.office.findUniqueOrThrow({ where: { name: "综合科" } });
    const dash = await loadDashboard(t.db, { role: "STAFF", officeId: staff.officeId }, { today: TODAY, officeId: other.id, cache: false });
    expect(dash!.officeId).toBe(staff.officeId);
    for (const p of dash!.data.progress.points) {
      expect(p.point.leadOfficeId === staff.officeId || p.point.supportOfficeIds.includes(staff.officeId!)).toBe(true);
    }
  });

  it("reuses figures until an audited change, then recomputes", async () => {
    const first = await loadDashboard(t.db, leader, { today: TODAY, cache: true });
    const again = await loadDashboard(t.db, leader, { today: TODAY, cache: true });
    expect(again!.data).toBe(first!.data);

    // Approving the pending study session, as the ledger review does: change and audit row together.
    const coordinator = await userByName(t.db, "coordinator");
    const entry = await t.db.ledgerEntry.findFirstOrThrow({ where: { year: 2026, status: "SUBMITTED" } });
    await t.db.$transaction(async (tx) => {
      await tx.ledgerEntry.update({ where: { id: entry.id }, data: { status: "APPROVED", reviewedById: coordinator.id, reviewedAt: new Date() } });
      await writeAudit(tx, { id: coordinator.id, username: coordinator.username, role: coordinator.role }, { entity: "LedgerEntry", entityId: entry.id, action: "approve" });
    });
    const after = await loadDashboard(t.db, leader, { today: TODAY, cache: true });
    expect(after!.data).not.toBe(first!.data);
    expect(after!.pending).toBe(0);
    const study = after!.data.progress.points.find((p) => p.point.number === 1)!.targets[0];
    expect(study.actual).toBe(1);
  });
});

describe("StampedMemo", () => {
  it("computes once per key and stamp, shares in-flight work, forgets failures and old entries", async () => {
    const memo = new StampedMemo(2);
    let calls = 0;
    const load = async () => ++calls;
    const [a, b] = await Promise.all([memo.get("k", "1", load), memo.get("k", "1", load)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await memo.get("k", "2", load)).toBe(2);
    await expect(memo.get("x", "2", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await memo.get("x", "2", load)).toBe(3);
    expect(memo.size).toBe(2);
  });
});
