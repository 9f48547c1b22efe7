import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, userByName, actor, tableCounts, onPostgres, type TestDb } from "@/tests/support/test-db";
import * as admin from "@/lib/admin/mutations";
import { createUserSchema, updateAccountSecuritySchema, updateUserSchema } from "@/lib/admin/schemas";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo";
import { seedIfEmpty } from "@/lib/setup";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
});
afterAll(async () => t.cleanup());

describe("demo seed", () => {
  it("creates the six demo accounts with argon2id hashes of the demo password", async () => {
    const users = await t.db.user.findMany({ orderBy: { id: "asc" } });
    expect(users.map((u) => u.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    expect(users[0].passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("enters the 2025 plan as 3 sections of 4 points with the three targets", async () => {
    const plan = await t.db.plan.findUniqueOrThrow({
      where: { year: 2025 },
      include: { sections: { include: { points: true }, orderBy: { ordinal: "asc" } }, targets: { orderBy: { ordinal: "asc" } } },
    });
    expect(plan.sections.map((s) => s.points.length)).toEqual([4, 4, 4]);
    expect(plan.targets.map((x) => `${x.comparator}${x.value}${x.unit}`)).toEqual([">=4次", ">=1期", ">=200人次"]);
    expect(await t.db.office.count()).toBeGreaterThanOrEqual(7);
    expect(await t.db.ledgerEntry.count()).toBeGreaterThanOrEqual(20);
  });

  it("does not seed a database that already has users", async () => {
    expect(await seedIfEmpty(t.db, true)).toEqual({ kind: "none" });
  });
});

describe("admin mutations", () => {
  it("creates a user and writes the audit row in the same transaction", async () => {
    const adminUser = await userByName(t.db, "admin");
    const office = await t.db.office.findFirstOrThrow({ where: { name: "综合科" } });
    const input = createUserSchema.parse({ username: "new-staff", displayName: "新同事", password: "Abcdef12", role: "STAFF", officeId: String(office.id) });
    const created = await admin.createUser(t.db, actor(adminUser), input);
    expect(created).not.toHaveProperty("passwordHash");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "User", entityId: String(created.id), action: "create" } });
    expect(audit.after).not.toContain("argon2");
  });

  it("refuses unknown fields, weak passwords and STAFF without an office", () => {
    expect(createUserSchema.safeParse({ username: "abc", displayName: "某某", password: "Abcdef12", role: "STAFF", officeId: "1", sessionVersion: "9" }).success).toBe(false);
    expect(createUserSchema.safeParse({ username: "abc", displayName: "某某", password: "short", role: "VIEWER", officeId: "" }).success).toBe(false);
    const noOffice = createUserSchema.safeParse({ username: "abc", displayName: "某某", password: "Abcdef12", role: "STAFF", officeId: "" });
    expect(noOffice.success).toBe(false);
  });

  it("changing a role (安全保密管理员) bumps the session version; a stale version is refused and changes nothing", async () => {
    const secadmin = await userByName(t.db, "secadmin");
    const viewer = await userByName(t.db, "viewer");
    const input = updateAccountSecuritySchema.parse({ id: String(viewer.id), version: String(viewer.version), role: "LEADER", active: "on" });
    await admin.updateAccountSecurity(t.db, actor(secadmin), input);
    const after = await userByName(t.db, "viewer");
    expect(after.role).toBe("LEADER");
    expect(after.sessionVersion).toBe(viewer.sessionVersion + 1);

    const before = await tableCounts(t.db);
    await expect(admin.updateAccountSecurity(t.db, actor(secadmin), { ...input, role: "VIEWER" })).rejects.toBeInstanceOf(ConflictError);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await userByName(t.db, "viewer")).role).toBe("LEADER");
  });

  it("三员分立: the 系统管理员 opens business accounts only and cannot change administrative accounts", async () => {
    expect(createUserSchema.safeParse({ username: "abc", displayName: "某某", password: "Abcdef12", role: "AUDITOR", officeId: "" }).success).toBe(false);
    expect(createUserSchema.safeParse({ username: "abc", displayName: "某某", password: "Abcdef12", role: "ADMIN", officeId: "" }).success).toBe(false);
    expect(updateUserSchema.safeParse({ id: "1", version: "1", displayName: "某某", role: "ADMIN", officeId: "", active: "on" }).success).toBe(false);
    const adminUser = await userByName(t.db, "admin");
    const before = await tableCounts(t.db);
    for (const username of ["admin", "secadmin", "auditor"]) {
      const target = await userByName(t.db, username);
      await expect(
        admin.updateUser(t.db, actor(adminUser), { id: target.id, version: target.version, displayName: "改名", officeId: null, active: false }),
      ).rejects.toThrow("管理员账户由安全保密管理员管理");
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("the 安全保密管理员 cannot change their own role nor disable themselves", async () => {
    const secadmin = await userByName(t.db, "secadmin");
    for (const change of [{ role: "VIEWER" as const, active: true }, { role: "SECURITY_ADMIN" as const, active: false }]) {
      await expect(admin.updateAccountSecurity(t.db, actor(secadmin), { id: secadmin.id, version: secadmin.version, ...change })).rejects.toBeInstanceOf(UserFacingError);
    }
    expect((await userByName(t.db, "secadmin")).role).toBe("SECURITY_ADMIN");
  });

  it("resetting a password ends existing sessions", async () => {
    const adminUser = await userByName(t.db, "admin");
    const staff = await userByName(t.db, "staff-yanjiu");
    await admin.resetPassword(t.db, actor(adminUser), { id: staff.id, password: "NewPass123" });
    const after = await userByName(t.db, "staff-yanjiu");
    expect(after.sessionVersion).toBe(staff.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "NewPass123")).toBe(true);
  });
});

describe("audit log", () => {
  it("is append-only: UPDATE and DELETE are refused by a trigger", async () => {
    await expect(t.db.$executeRawUnsafe(`UPDATE "AuditLog" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
  });
});

describe.skipIf(onPostgres)("sqlite durability settings", () => {
  it("every connection runs with WAL, synchronous=FULL, foreign keys and a busy timeout", async () => {
    const [journal] = await t.db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [sync] = await t.db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
    const [fk] = await t.db.$queryRawUnsafe<{ foreign_keys: bigint }[]>("PRAGMA foreign_keys");
    const [busy] = await t.db.$queryRawUnsafe<{ timeout: bigint }[]>("PRAGMA busy_timeout");
    expect(journal.journal_mode).toBe("wal");
    expect(Number(sync.synchronous)).toBe(2);
    expect(Number(fk.foreign_keys)).toBe(1);
    expect(Number(busy.timeout)).toBe(5000);
  });
});

describe("the tests' table fingerprint (tests/support/fingerprint.ts)", () => {
  it("sees an in-place UPDATE that row counts miss, and nothing when nothing changed", async () => {
    const { tableFingerprints } = await import("@/tests/support/fingerprint");
    const before = await tableFingerprints(t.db);
    expect(Object.keys(before)).toContain("LedgerEntry");
    expect(await tableFingerprints(t.db)).toEqual(before);
    const entry = await t.db.ledgerEntry.findFirstOrThrow({ orderBy: { id: "asc" } });
    await t.db.ledgerEntry.update({ where: { id: entry.id }, data: { title: `${entry.title}（改）` } });
    const after = await tableFingerprints(t.db);
    expect(after.LedgerEntry).not.toEqual(before.LedgerEntry);
    expect(after.LedgerEntry.split(":")[0]).toEqual(before.LedgerEntry.split(":")[0]);
    expect({ ...after, LedgerEntry: "", AuditLog: "" }).toEqual({ ...before, LedgerEntry: "", AuditLog: "" });
    await t.db.ledgerEntry.update({ where: { id: entry.id }, data: { title: entry.title } });
  });
});
