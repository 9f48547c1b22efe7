/**
 * Issue 15, single sign-on: LOCAL_LOGIN=off switches the local password login off on the server,
 * not only on the login page — except the emergency login of the administrative roles (三员), so
 * a broken IdP does not lock everyone out. A refused local login looks like any failed one (same
 * message, counted toward the lock), so the switch does not tell a guesser which accounts are
 * administrative; its audit row says why.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import type { SsoConfig } from "@/lib/auth/sso-config";

let t: TestDb;
let login: typeof import("@/lib/auth/login");

const OFF: SsoConfig = {
  oidc: { issuer: "https://sso.example.gov.cn", clientId: "portal", clientSecret: "s", name: "统一身份认证登录", usernameClaim: "preferred_username" },
  ldap: null,
  localLogin: false,
};

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  vi.resetModules();
  login = await import("@/lib/auth/login");
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

describe("LOCAL_LOGIN=off", () => {
  it.each(["coordinator", "leader", "staff-zonghe", "viewer"])("refuses the right local password of %s like a wrong one, counted and audited", async (username) => {
    expect(await login.authenticate(username, "Demo@2025", "10.90.0.1", { config: OFF })).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });
    expect(await t.db.loginAttempt.count({ where: { username, success: false } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "login.local.disabled", entityId: username } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "login.success", entityId: username } })).toBe(0);
  });

  it.each(["admin", "secadmin", "auditor"])("keeps the emergency local login of %s", async (username) => {
    const result = await login.authenticate(username, "Demo@2025", "10.90.0.2", { config: OFF });
    expect(result.ok).toBe(true);
  });

  it("still refuses a wrong administrator password", async () => {
    expect(await login.authenticate("admin", "wrong-password1", "10.90.0.3", { config: OFF })).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });
  });

  it("with LOCAL_LOGIN on, every account logs in with its local password", async () => {
    expect((await login.authenticate("coordinator", "Demo@2025", "10.90.0.4", { config: { ...OFF, localLogin: true } })).ok).toBe(true);
  });

  it("refuses a directory login when no directory is configured", async () => {
    expect(await login.authenticate("coordinator", "Demo@2025", "10.90.0.5", { config: OFF, method: "ldap" })).toEqual({ ok: false, message: login.LDAP_NOT_CONFIGURED_MESSAGE });
  });
});
