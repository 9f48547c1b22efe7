/**
 * Issue 15.10: every seeded row has its "create" audit row (the demo seed and the production
 * admin-only seed), attributed to the user who stands for its author, never carrying a password
 * hash; and the demo's approved records respect four eyes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { seedIfEmpty } from "@/lib/setup";
import { entryContributors } from "@/lib/ledger/contributors";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: true });
});
afterAll(async () => t.cleanup());

const SEEDED = ["UnitSettings", "Office", "User", "Plan", "Section", "WorkPoint", "Target", "LedgerEntry"] as const;

async function idsOf(db: TestDb["db"], table: (typeof SEEDED)[number]): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(`SELECT "id" FROM "${table}" ORDER BY "id"`);
  return rows.map((r) => String(r.id));
}

describe("the demo seed", () => {
  it.each(SEEDED)("every %s row has exactly one create audit row", async (table) => {
    const ids = await idsOf(t.db, table);
    expect(ids.length).toBeGreaterThan(0);
    const audit = await t.db.auditLog.findMany({ where: { entity: table, action: "create" }, select: { entityId: true } });
    expect(audit.map((a) => a.entityId).sort()).toEqual([...ids].sort());
  });

  it("attributes each ledger entry to its creator and never stores a password hash", async () => {
    const entries = await t.db.ledgerEntry.findMany({ select: { id: true, createdById: true } });
    for (const e of entries) {
      const row = await t.db.auditLog.findFirstOrThrow({ where: { entity: "LedgerEntry", entityId: String(e.id), action: "create" } });
      expect(row.userId).toBe(e.createdById);
    }
    const users = await t.db.auditLog.findMany({ where: { entity: "User" } });
    for (const u of users) expect(u.after).not.toMatch(/passwordHash|argon2/);
  });

  it("a seeded plan's history starts with its creation (points and targets included)", async () => {
    const { planHistory } = await import("@/lib/plan/queries");
    const plan = await t.db.plan.findUniqueOrThrow({ where: { year: 2025 } });
    const history = await planHistory(t.db, plan.id);
    expect(history.filter((h) => h.action === "create").map((h) => h.entity).sort()).toEqual(["Plan", ...Array(12).fill("WorkPoint"), ...Array(3).fill("Target")].sort());
  });

  it("no approved demo record was approved by one of its contributors", async () => {
    const approved = await t.db.ledgerEntry.findMany({ where: { status: "APPROVED" }, select: { id: true, createdById: true, reviewedById: true } });
    expect(approved.length).toBeGreaterThan(0);
    for (const e of approved) expect(await entryContributors(t.db, e)).not.toContain(e.reviewedById);
  });
});

describe("the production seed (SEED_DEMO=0)", () => {
  it("writes the admin account's and the unit settings' create rows", async () => {
    const empty = await createTestDb();
    try {
      const outcome = await seedIfEmpty(empty.db, false);
      expect(outcome.kind).toBe("admin");
      const admin = await empty.db.user.findUniqueOrThrow({ where: { username: "admin" } });
      const rows = await empty.db.auditLog.findMany({ where: { action: "create" }, orderBy: { id: "asc" } });
      expect(rows.map((r) => [r.entity, r.entityId])).toEqual([
        ["UnitSettings", "1"],
        ["User", String(admin.id)],
      ]);
      expect(rows[1].after).not.toMatch(/passwordHash|argon2/);
    } finally {
      await empty.cleanup();
    }
  });
});
