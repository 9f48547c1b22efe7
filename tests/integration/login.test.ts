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
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => authenticate("staff-yanjiu", `guess-${i}-pw`, `10.9.${Math.floor(i / 10)}.${i % 10}`)));
    // Each evaluated guess is audited as login.failed; the others were refused as locked without a check.
    expect(await t.db.auditLog.count({ where: { action: "login.failed", entityId: "staff-yanjiu" } })).toBe(5);
    expect(burst.filter((r) => !r.ok && r.message === messages.LOGIN_LOCKED_MESSAGE)).toHaveLength(95);
    expect(await authenticate("staff-yanjiu", "Demo@2025", "10.9.99.1")).toEqual({ ok: false, message: messages.LOGIN_LOCKED_MESSAGE });
  });

  it("does not extend the lock with attempts made while locked", async () => {
    const failures = await t.db.loginAttempt.count({ where: { username: "staff-yanjiu", success: false } });
    await authenticate("staff-yanjiu", "another-guess1", "10.9.99.2");
    expect(await t.db.loginAttempt.count({ where: { username: "staff-yanjiu", success: false } })).toBe(failures);
  });
});

