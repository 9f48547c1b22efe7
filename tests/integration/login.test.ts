import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";

let t: TestDb;
let authenticate: typeof import("@/lib/auth/login").authenticate;
let messages: typeof import("@/lib/auth/login");

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  // lib/db reads DATABASE_URL when first imported: point it at this test's file first.
  process.env.DATABASE_URL = t.url;
  vi.resetModules();
  messages = await import("@/lib/auth/login");
  authenticate = messages.authenticate;
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

describe("login", () => {
  it("accepts the demo password and records the login in the audit log", async () => {
    const result = await authenticate("leader", "Demo@2025", "10.0.0.1");
    expect(result.ok).toBe(true);
    expect(await t.db.auditLog.count({ where: { action: "login.success", entityId: "leader" } })).toBe(1);
  });

  it("gives unknown users and wrong passwords the same message", async () => {
    const unknown = await authenticate("nobody", "Demo@2025", "10.0.0.2");
    const wrong = await authenticate("viewer", "wrong-password1", "10.0.0.2");
    expect(unknown).toEqual({ ok: false, message: messages.LOGIN_FAILED_MESSAGE });
    expect(wrong).toEqual({ ok: false, message: messages.LOGIN_FAILED_MESSAGE });
  });

  it("locks an account after 5 failures within 15 minutes, even with the right password, until an admin unlocks it", async () => {
    for (let i = 0; i < 5; i += 1) await authenticate("staff-zonghe", "bad-password1", `10.0.1.${i}`);
    const locked = await authenticate("staff-zonghe", "Demo@2025", "10.0.2.1");
    expect(locked).toEqual({ ok: false, message: messages.LOGIN_LOCKED_MESSAGE });
    expect(await t.db.auditLog.count({ where: { action: "login.lockout", entityId: "staff-zonghe" } })).toBe(1);

    const { unlockUser } = await import("@/lib/admin/mutations");
    const staff = await t.db.user.findUniqueOrThrow({ where: { username: "staff-zonghe" } });
    await unlockUser(t.db, { id: null, username: "admin", role: "ADMIN" }, { id: staff.id });
    expect((await authenticate("staff-zonghe", "Demo@2025", "10.0.2.1")).ok).toBe(true);
  });

  it("refuses a disabled user with the ordinary failure message", async () => {
    await t.db.user.update({ where: { username: "viewer" }, data: { active: false } });
    expect(await authenticate("viewer", "Demo@2025", "10.0.3.1")).toEqual({ ok: false, message: messages.LOGIN_FAILED_MESSAGE });
  });

  it("evaluates at most 5 guesses of a 100-request parallel burst, and refuses the right password while locked", async () => {
    const { verifyPassword } = await import("@/lib/auth/password");
    const realHash = (await t.db.user.findUniqueOrThrow({ where: { username: "staff-yanjiu" } })).passwordHash;
    // Every argon2 verification the login runs goes through this counter.
    const verified: string[] = [];
    const verify = async (hash: string, password: string) => {
      verified.push(hash);
      return verifyPassword(hash, password);
    };
    const address = (i: number) => `10.9.${Math.floor(i / 10)}.${i % 10}`;

    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => authenticate("staff-yanjiu", `guess-${i}-pw`, address(i), { verify })));
    expect(verified.filter((hash) => hash === realHash)).toHaveLength(5);
    // The 95 others were refused as locked without any hashing at all.
    expect(verified).toHaveLength(5);
    expect(burst.filter((r) => !r.ok && r.message === messages.LOGIN_LOCKED_MESSAGE)).toHaveLength(95);
    expect(await t.db.auditLog.count({ where: { action: "login.failed", entityId: "staff-yanjiu" } })).toBe(5);
    expect(await t.db.auditLog.count({ where: { action: "login.lockout", entityId: "staff-yanjiu" } })).toBe(1);

    // The right password, alone after the burst or inside a second burst, is refused while locked, unverified.
    expect(await authenticate("staff-yanjiu", "Demo@2025", "10.9.99.1", { verify })).toEqual({ ok: false, message: messages.LOGIN_LOCKED_MESSAGE });
    const second = await Promise.all(
      Array.from({ length: 20 }, (_, i) => authenticate("staff-yanjiu", i === 10 ? "Demo@2025" : `again-${i}-pw`, address(i), { verify })),
    );
    expect(second.every((r) => !r.ok && r.message === messages.LOGIN_LOCKED_MESSAGE)).toBe(true);
    expect(verified).toHaveLength(5);
  });

  it("does not extend the lock with attempts made while locked", async () => {
    const failures = await t.db.loginAttempt.findMany({ where: { username: "staff-yanjiu", success: false }, orderBy: { id: "asc" } });
    expect(failures).toHaveLength(5);
    await authenticate("staff-yanjiu", "another-guess1", "10.9.99.2");
    // Same rows: the lock still ends 15 minutes after the fifth failure, not after the latest attempt.
    expect(await t.db.loginAttempt.findMany({ where: { username: "staff-yanjiu", success: false }, orderBy: { id: "asc" } })).toEqual(failures);
    expect(await t.db.auditLog.count({ where: { action: "login.locked", entityId: "staff-yanjiu", ip: "10.9.99.2" } })).toBe(1);
  });

  it("locks a client address after 20 failures across accounts, and audits the address lockout", async () => {
    for (let i = 0; i < messages.IP_LOCKOUT_THRESHOLD; i += 1) {
      expect(await authenticate(`nobody-${i}`, "wrong-password1", "10.66.0.1")).toEqual({ ok: false, message: messages.LOGIN_FAILED_MESSAGE });
    }
    expect(await t.db.auditLog.count({ where: { action: "login.lockout.address", entityId: "10.66.0.1" } })).toBe(1);
    // Even a real account with its right password, from that address.
    expect(await authenticate("coordinator", "Demo@2025", "10.66.0.1")).toEqual({ ok: false, message: messages.LOGIN_LOCKED_MESSAGE });
    // Another address is not affected.
    expect((await authenticate("coordinator", "Demo@2025", "10.66.0.2")).ok).toBe(true);
  });

  it("audits every outcome with time, account and client address", async () => {
    const rows = await t.db.auditLog.findMany({ where: { entity: "Auth" } });
    for (const action of ["login.success", "login.failed", "login.locked", "login.lockout", "login.lockout.address"]) {
      const row = rows.find((r) => r.action === action);
      expect(row, action).toBeDefined();
      expect(row!.ip).toMatch(/^10\./);
      expect(row!.entityId).not.toBe("");
      expect(row!.at.getTime()).toBeGreaterThan(Date.now() - 10 * 60 * 1000);
    }
  });
});

