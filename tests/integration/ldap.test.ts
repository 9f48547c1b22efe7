/**
 * Issue 15, single sign-on: LDAP / Active Directory bind against a real OpenLDAP server (Debian's
 * slapd, started here in a temporary directory on a free port; `.ci/run` installs it on CI). The
 * login form's username and password go to the directory instead of the local hash, through the
 * same lockout reservation and audit as a local login (lib/auth/login.ts, lib/auth/ldap.ts).
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, tableCounts, type TestDb } from "@/tests/support/test-db";
import { BASE_DN, PEOPLE_DN, READER_DN, READER_PASSWORD, freePort, slapdAvailable, startSlapd, type Slapd } from "@/tests/support/slapd";
import type { LdapConfig, SsoConfig } from "@/lib/auth/sso-config";

if (!slapdAvailable) {
  console.warn("SKIPPED tests/integration/ldap.test.ts: OpenLDAP's slapd is not installed here (apt-get install slapd ldap-utils; .ci/run installs it on CI).");
}

const DIRECTORY = [
  { uid: "coordinator", password: "Dir-Coord-2026" },
  { uid: "leader", password: "Dir-Leader-2026" },
  { uid: "viewer", password: "Dir-Viewer-2026" },
  { uid: "Staff-Zonghe", password: "Dir-Staff-2026" },
  // A directory user the portal has no account for.
  { uid: "zhangsan", password: "Dir-Zhang-2026" },
];

describe.skipIf(!slapdAvailable)("LDAP login against OpenLDAP", () => {
  let t: TestDb;
  let slapd: Slapd;
  let ldap: LdapConfig;
  let config: SsoConfig;
  let login: typeof import("@/lib/auth/login");
  let directory: typeof import("@/lib/auth/ldap");

  beforeAll(async () => {
    [t, slapd] = await Promise.all([createTestDb({ seed: true }), startSlapd(DIRECTORY)]);
    process.env.DATABASE_URL = t.url;
    process.env.LDAP_URL = slapd.url;
    process.env.LDAP_BASE_DN = BASE_DN;
    process.env.LDAP_BIND_DN = READER_DN;
    process.env.LDAP_BIND_PASSWORD = READER_PASSWORD;
    process.env.LDAP_TIMEOUT_MS = "3000";
    vi.resetModules();
    login = await import("@/lib/auth/login");
    directory = await import("@/lib/auth/ldap");
    config = (await import("@/lib/auth/sso-config")).ssoConfig();
    ldap = config.ldap as LdapConfig;
  });
  afterAll(async () => {
    for (const key of ["LDAP_URL", "LDAP_BASE_DN", "LDAP_BIND_DN", "LDAP_BIND_PASSWORD", "LDAP_TIMEOUT_MS", "LOCAL_LOGIN"]) delete process.env[key];
    const { prisma } = await import("@/lib/db");
    await prisma.$disconnect();
    await Promise.all([t?.cleanup(), slapd?.stop()]);
  });

  const audits = (action: string, entityId: string) => t.db.auditLog.findMany({ where: { action, entityId } });

  it("logs a directory user with the right password into the portal account of the same username", async () => {
    const result = await login.authenticate("coordinator", "Dir-Coord-2026", "10.1.0.1", { method: "ldap" });
    const portal = await t.db.user.findUniqueOrThrow({ where: { username: "coordinator" } });
    expect(result).toEqual({ ok: true, user: { id: portal.id, username: "coordinator", sessionVersion: portal.sessionVersion, role: "COORDINATOR" } });
    const [row] = await audits("login.success", "coordinator");
    expect(row).toMatchObject({ ip: "10.1.0.1", userId: portal.id });
    expect(JSON.parse(row?.after ?? "{}")).toEqual({ method: "ldap" });
    // The local password is not what was checked: the demo password does not work through the directory.
    expect(await login.authenticate("coordinator", "Demo@2025", "10.1.0.1", { method: "ldap" })).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });
  });

  it("maps a mixed-case directory name to the lower-case portal account", async () => {
    const result = await login.authenticate("Staff-Zonghe", "Dir-Staff-2026", "10.1.0.2", { method: "ldap" });
    expect(result.ok && result.user.username).toBe("staff-zonghe");
  });

  it("refuses a wrong password and counts it toward the lockout: five lock the account, then the right password is refused too", async () => {
    for (let i = 0; i < 5; i += 1) {
      expect(await login.authenticate("leader", `wrong-${i}`, `10.2.0.${i}`, { method: "ldap" })).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });
    }
    expect(await t.db.loginAttempt.count({ where: { username: "leader", success: false } })).toBe(5);
    expect(await audits("login.failed", "leader")).toHaveLength(5);
    expect(await audits("login.lockout", "leader")).toHaveLength(1);
    const verified: string[] = [];
    const verifyDirectory = async (username: string, password: string) => {
      verified.push(username);
      return directory.verifyLdapPassword(ldap, username, password);
    };
    expect(await login.authenticate("leader", "Dir-Leader-2026", "10.2.1.1", { method: "ldap", verifyDirectory })).toEqual({
      ok: false,
      message: login.LOGIN_LOCKED_MESSAGE,
    });
    // Refused while locked without asking the directory.
    expect(verified).toEqual([]);
  });

  it("refuses an empty password without binding, although this directory (like AD) accepts an unauthenticated bind", async () => {
    const { Client } = await import("ldapts");
    const client = new Client({ url: slapd.url });
    await client.bind(`uid=coordinator,${PEOPLE_DN}`, "");
    await client.unbind();

    expect(await directory.verifyLdapPassword(ldap, "coordinator", "")).toEqual({ ok: false, reason: "invalid" });
    expect(await login.authenticate("coordinator", "", "10.3.0.1", { method: "ldap" })).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });
  });

  it("treats filter syntax in the username as data: wildcards and injected clauses match nobody", async () => {
    for (const injected of ["coord*", "*)(uid=*", "*", "coordinator)(|(uid=*", "coordinator\\2a"]) {
      expect(await directory.verifyLdapPassword(ldap, injected, "Dir-Coord-2026")).toEqual({ ok: false, reason: "invalid" });
      expect(await login.authenticate(injected, "Dir-Coord-2026", "10.4.0.1", { method: "ldap" })).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });
    }
    expect(await audits("login.success", "coord*")).toHaveLength(0);
    expect(await audits("login.sso.unknown", "coord*")).toHaveLength(0);
  });

  it("refuses a directory user without a portal account with a clear message, and creates no account", async () => {
    const users = await t.db.user.count();
    expect(await login.authenticate("zhangsan", "Dir-Zhang-2026", "10.5.0.1", { method: "ldap" })).toEqual({
      ok: false,
      message: "该账号尚未开通本系统权限，请联系系统管理员",
    });
    expect(await t.db.user.count()).toBe(users);
    const [row] = await audits("login.sso.unknown", "zhangsan");
    expect(row).toMatchObject({ ip: "10.5.0.1", userId: null });
    expect(JSON.parse(row?.after ?? "{}")).toEqual({ method: "ldap", identity: "zhangsan" });
    // Knowing one's own directory password is not a guess: it does not count toward a lock.
    expect(await t.db.loginAttempt.count({ where: { username: "zhangsan", success: false } })).toBe(0);
    // The wrong password of that user is an ordinary failure, not the "not yet authorised" message.
    expect(await login.authenticate("zhangsan", "nope", "10.5.0.1", { method: "ldap" })).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });
  });

  it("refuses an inactive portal account although the directory accepts the password", async () => {
    await t.db.user.update({ where: { username: "viewer" }, data: { active: false } });
    expect(await login.authenticate("viewer", "Dir-Viewer-2026", "10.6.0.1", { method: "ldap" })).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });
    expect(await audits("login.disabled", "viewer")).toHaveLength(1);
  });

  it("reports a directory that is down or silent clearly, and writes nothing but the audit row", async () => {
    const closedPort = await freePort();
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    try {
      for (const [url, ip] of [
        [`ldap://127.0.0.1:${closedPort}`, "10.7.0.1"],
        [`ldap://127.0.0.1:${silentPort}`, "10.7.0.2"],
      ] as const) {
        const before = await tableCounts(t.db);
        const down: SsoConfig = { ...config, ldap: { ...ldap, url, timeoutMs: 500 } };
        const started = Date.now();
        expect(await login.authenticate("coordinator", "Dir-Coord-2026", ip, { method: "ldap", config: down })).toEqual({
          ok: false,
          message: login.LDAP_UNAVAILABLE_MESSAGE,
        });
        expect(Date.now() - started).toBeLessThan(5000);
        expect(await tableCounts(t.db)).toEqual({ ...before, AuditLog: before.AuditLog + 1 });
        const [row] = await t.db.auditLog.findMany({ where: { action: "login.ldap.unavailable", ip } });
        expect(row?.entityId).toBe("coordinator");
      }
    } finally {
      silent.close();
    }
  });

  it("goes through the credentials provider: the directory by default, the local password with mode=local while LOCAL_LOGIN is on", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const provider = authOptions.providers.find((p) => p.id === "credentials") as unknown as {
      options: { authorize: (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ name?: string } | null> };
    };
    const authorize = (credentials: Record<string, string>) => provider.options.authorize(credentials, { headers: { "x-portal-peer": "10.8.0.1" } });
    expect(await authorize({ username: "coordinator", password: "Dir-Coord-2026" })).toMatchObject({ name: "coordinator" });
    await expect(authorize({ username: "coordinator", password: "Demo@2025" })).rejects.toThrow(login.LOGIN_FAILED_MESSAGE);
    expect(await authorize({ username: "coordinator", password: "Demo@2025", mode: "local" })).toMatchObject({ name: "coordinator" });
    await expect(authorize({ username: "zhangsan", password: "Dir-Zhang-2026" })).rejects.toThrow(login.SSO_UNKNOWN_ACCOUNT_MESSAGE);

    // LOCAL_LOGIN=off: the local password opens only the administrative accounts (emergency login).
    process.env.LOCAL_LOGIN = "off";
    await expect(authorize({ username: "coordinator", password: "Demo@2025", mode: "local" })).rejects.toThrow(login.LOGIN_FAILED_MESSAGE);
    expect(await authorize({ username: "admin", password: "Demo@2025", mode: "local" })).toMatchObject({ name: "admin" });
    expect(await authorize({ username: "coordinator", password: "Dir-Coord-2026" })).toMatchObject({ name: "coordinator" });
    expect(await audits("login.local.disabled", "coordinator")).toHaveLength(1);
    delete process.env.LOCAL_LOGIN;
  });
});
