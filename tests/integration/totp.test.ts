import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import type { ActionState } from "@/lib/action-state";
import { totpCode, totpStep, decodeStoredTotp } from "@/lib/auth/totp";

process.env.NEXTAUTH_SECRET ||= "integration-test-secret-for-totp";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

let t: TestDb;
let login: typeof import("@/lib/auth/login");
let factor: typeof import("@/lib/auth/second-factor");
let actions: typeof import("@/lib/account/totp-actions");
let dal: typeof import("@/lib/auth/dal");
let passwordHash: string;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  vi.resetModules();
  login = await import("@/lib/auth/login");
  factor = await import("@/lib/auth/second-factor");
  actions = await import("@/lib/account/totp-actions");
  dal = await import("@/lib/auth/dal");
  passwordHash = (await t.db.user.findUniqueOrThrow({ where: { username: "leader" } })).passwordHash;
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});
beforeEach(() => {
  currentSession = null;
});

const PASSWORD = "Demo@2025";
let seq = 0;

/** A fresh account that is not a demo account (so the security gate applies in demo mode too). */
async function createUser(role: string) {
  seq += 1;
  return t.db.user.create({ data: { username: `totp-${role.toLowerCase()}-${seq}`, displayName: `测试${seq}`, role, passwordHash } });
}

function signInAs(user: { id: number; sessionVersion: number }) {
  currentSession = { expires: new Date(Date.now() + 3600_000).toISOString(), uid: user.id, sv: user.sessionVersion, loginAt: Date.now(), sid: crypto.randomUUID() };
}

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

async function call(action: (prev: ActionState, data: FormData) => Promise<ActionState>, values: Record<string, string>) {
  return action({ ok: false, message: "" }, form(values));
}

/** Enrols directly through the data layer at time `now`; returns the secret and the recovery codes. */
async function enrol(user: { id: number; username: string; role: string }, now = Date.now()) {
  const offer = factor.createEnrolmentOffer(user, now);
  const { recoveryCodes } = await factor.enableTotp(t.db, user, { token: offer.token, code: totpCode(offer.secret, now) }, "127.0.0.1", now);
  return { secret: offer.secret, recoveryCodes };
}

async function audits(action: string, entityId: string) {
  return t.db.auditLog.count({ where: { action, entityId } });
}

async function failures(username: string) {
  return t.db.loginAttempt.count({ where: { username, success: false } });
}

describe("enrolment through the account page's actions", () => {
  it("an admin-role account without a factor is held at the enrolment step, which confirming a code clears", async () => {
    const user = await createUser("SECURITY_ADMIN");
    signInAs(user);
    expect((await dal.getCurrentUser())?.securityStep).toBe("totp");
    // Everything else is refused until enrolled (lib/auth/dal.ts).
    await expect(dal.requirePermission("dashboard:read")).rejects.toThrow(/绑定动态验证码/);

    const offer = factor.createEnrolmentOffer(user);
    const wrong = String((Number(totpCode(offer.secret, Date.now())) + 500_000) % 1_000_000).padStart(6, "0");
    const refused = await call(actions.confirmTotpAction, { token: offer.token, code: wrong });
    expect(refused.ok).toBe(false);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();

    const result = await call(actions.confirmTotpAction, { token: offer.token, code: totpCode(offer.secret, Date.now()) });
    expect(result.ok, result.message).toBe(true);
    const codes = result.data?.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);

    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    // Sealed at rest: the database never holds the secret or a code in the clear.
    expect(row.totpSecret).not.toContain(offer.secret);
    const stored = await t.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const r of stored) expect(codes.map((c) => c.replace("-", ""))).not.toContain(r.codeHash);
    expect(await audits("totp.enable", user.username)).toBe(1);

    // getCurrentUser is cached per request; a new request sees the step done.
    vi.resetModules();
    const freshDal = await import("@/lib/auth/dal");
    expect((await freshDal.getCurrentUser())?.securityStep).toBeNull();
  });

  it("refuses another user's enrolment token, a tampered one and an anonymous caller", async () => {
    const a = await createUser("STAFF");
    const b = await createUser("STAFF");
    const offerForB = factor.createEnrolmentOffer(b);
    signInAs(a);
    const stolen = await call(actions.confirmTotpAction, { token: offerForB.token, code: totpCode(offerForB.secret, Date.now()) });
    expect(stolen).toMatchObject({ ok: false, message: factor.ENROLMENT_EXPIRED_MESSAGE });
    const offerForA = factor.createEnrolmentOffer(a);
    // A character in the middle carries six whole bits (the last one of base64url may carry padding bits only).
    const middle = Math.floor(offerForA.token.length / 2);
    const tampered = offerForA.token.slice(0, middle) + (offerForA.token[middle] === "A" ? "B" : "A") + offerForA.token.slice(middle + 1);
    expect((await call(actions.confirmTotpAction, { token: tampered, code: totpCode(offerForA.secret, Date.now()) })).ok).toBe(false);
    const expired = factor.createEnrolmentOffer(a, Date.now() - factor.ENROLMENT_TTL_MS - 60_000);
    expect(await call(actions.confirmTotpAction, { token: expired.token, code: totpCode(expired.secret, Date.now()) })).toMatchObject({
      ok: false,
      message: factor.ENROLMENT_EXPIRED_MESSAGE,
    });
    currentSession = null;
    expect(await call(actions.confirmTotpAction, { token: offerForA.token, code: totpCode(offerForA.secret, Date.now()) })).toMatchObject({
      ok: false,
      message: dal.NOT_LOGGED_IN_MESSAGE,
    });
    expect(await t.db.user.count({ where: { id: { in: [a.id, b.id] }, totpEnabledAt: { not: null } } })).toBe(0);
  });

  it("re-enrolment needs the current factor and replaces the secret and the recovery codes", async () => {
    const user = await createUser("ADMIN");
    const before = Date.now() - 120_000;
    const first = await enrol(user, before);
    signInAs(user);
    const offer = factor.createEnrolmentOffer(user);
    const newCode = totpCode(offer.secret, Date.now());
    const missing = await call(actions.confirmTotpAction, { token: offer.token, code: newCode });
    expect(missing.ok).toBe(false);
    const wrongCurrent = await call(actions.confirmTotpAction, { token: offer.token, code: newCode, current: "zzzzz-zzzzz" });
    expect(wrongCurrent.ok).toBe(false);
    const ok = await call(actions.confirmTotpAction, { token: offer.token, code: newCode, current: totpCode(first.secret, Date.now()) });
    expect(ok.ok, ok.message).toBe(true);
    // The old recovery codes are gone; the old secret no longer opens a login.
    const oldCode = first.recoveryCodes[0];
    expect((await login.authenticate(user.username, PASSWORD, "10.9.0.1", { otp: oldCode })).ok).toBe(false);
    expect((await login.authenticate(user.username, PASSWORD, "10.9.0.1", { otp: (ok.data?.recoveryCodes as string[])[0] })).ok).toBe(true);
    expect(await audits("totp.enable", user.username)).toBe(2);
  });

  it("disabling: refused for every administrative role, allowed for a business role with the current factor", async () => {
    for (const role of ["ADMIN", "SECURITY_ADMIN", "AUDITOR"]) {
      const admin = await createUser(role);
      const { secret } = await enrol(admin, Date.now() - 60_000);
      signInAs(admin);
      const result = await call(actions.disableTotpAction, { current: totpCode(secret, Date.now()) });
      expect(result).toMatchObject({ ok: false, message: dal.FORBIDDEN_MESSAGE });
      expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).totpEnabledAt).not.toBeNull();
    }

    const staff = await createUser("COORDINATOR");
    const { secret } = await enrol(staff, Date.now() - 60_000);
    signInAs(staff);
    expect((await call(actions.disableTotpAction, { current: "" })).ok).toBe(false);
    expect((await call(actions.disableTotpAction, { current: "000000" === totpCode(secret, Date.now()) ? "111111" : "000000" })).ok).toBe(false);
    expect(await failures(staff.username)).toBe(1);
    expect(await audits("totp.confirm_failed", staff.username)).toBe(1);
    const ok = await call(actions.disableTotpAction, { current: totpCode(secret, Date.now()) });
    expect(ok.ok, ok.message).toBe(true);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.totpEnabledAt).toBeNull();
    expect(row.totpSecret).toBeNull();
    expect(await t.db.recoveryCode.count({ where: { userId: staff.id } })).toBe(0);
    expect(await audits("totp.disable", staff.username)).toBe(1);
    // Back to a password-only login.
    expect((await login.authenticate(staff.username, PASSWORD, "10.9.1.1")).ok).toBe(true);
  });

  it("regenerating recovery codes replaces them all and is audited", async () => {
    const user = await createUser("VIEWER");
    const { secret, recoveryCodes } = await enrol(user, Date.now() - 60_000);
    signInAs(user);
    const result = await call(actions.regenerateRecoveryCodesAction, { current: recoveryCodes[0] });
    expect(result.ok, result.message).toBe(true);
    expect(await audits("totp.recovery.used", user.username)).toBe(1);
    expect(await audits("totp.recovery.regenerate", user.username)).toBe(1);
    const fresh = result.data?.recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(await factor.remainingRecoveryCodes(t.db, user.id)).toBe(10);
    expect((await login.authenticate(user.username, PASSWORD, "10.9.2.1", { otp: recoveryCodes[1] })).ok).toBe(false);
    expect((await login.authenticate(user.username, PASSWORD, "10.9.2.1", { otp: fresh[1] })).ok).toBe(true);
    expect(await factor.remainingRecoveryCodes(t.db, user.id)).toBe(9);
    void secret;
  });
});

describe("reset by the operator (scripts/reset-totp.ts)", () => {
  it("removes the factor and the recovery codes, ends the sessions and is audited; an admin must enrol again", async () => {
    const user = await createUser("ADMIN");
    await enrol(user, Date.now() - 60_000);
    const result = await factor.resetTotp(t.db, { id: null, username: "cli:root", role: "" }, user.username, "cli");
    expect(result).toEqual({ wasEnabled: true });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: user.sessionVersion + 1 });
    expect(await t.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await audits("totp.reset", user.username)).toBe(1);
    // Password alone signs in again, and the gate sends the admin to enrol.
    expect((await login.authenticate(user.username, PASSWORD, "10.9.3.1")).ok).toBe(true);
    signInAs(row);
    vi.resetModules();
    expect((await (await import("@/lib/auth/dal")).getCurrentUser())?.securityStep).toBe("totp");
  });
});

describe("login with the second factor", () => {
  it("asks for the code after the right password without counting a failure, then needs a valid one", async () => {
    const user = await createUser("LEADER");
    const base = Date.now() - 10 * 30_000;
    const { secret } = await enrol(user, base);
    const ip = "10.8.0.1";

    const noCode = await login.authenticate(user.username, PASSWORD, ip);
    expect(noCode).toEqual({ ok: false, message: login.TOTP_REQUIRED, totpRequired: true });
    expect(await failures(user.username)).toBe(0);
    expect(await audits("login.success", user.username)).toBe(0);

    // A wrong password with or without a code: exactly the ordinary failure, as for an unknown user.
    const wrongPassword = await login.authenticate(user.username, "Wrong@2025", ip, { otp: totpCode(secret, Date.now()) });
    const unknown = await login.authenticate("nobody-totp", "Wrong@2025", ip, { otp: "123456" });
    expect(wrongPassword).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });
    expect(unknown).toEqual({ ok: false, message: login.LOGIN_FAILED_MESSAGE });

    const now = Date.now();
    const right = totpCode(secret, now);
    const wrong = right === "000000" ? "000001" : "000000";
    const refused = await login.authenticate(user.username, PASSWORD, ip, { otp: wrong, now });
    expect(refused).toEqual({ ok: false, message: login.LOGIN_TOTP_FAILED_MESSAGE });
    expect(await audits("login.totp_failed", user.username)).toBe(1);

    const accepted = await login.authenticate(user.username, PASSWORD, ip, { otp: right, now });
    expect(accepted.ok).toBe(true);
    expect(await audits("login.success", user.username)).toBe(1);
    const stored = decodeStoredTotp((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret);
    expect(stored?.lastStep).toBe(totpStep(now));

    // The same code again (another browser, a phisher relaying it): refused within its window.
    const replay = await login.authenticate(user.username, PASSWORD, ip, { otp: right, now: now + 5_000 });
    expect(replay).toEqual({ ok: false, message: login.LOGIN_TOTP_FAILED_MESSAGE });
    // The next step's code works.
    expect((await login.authenticate(user.username, PASSWORD, ip, { otp: totpCode(secret, now + 30_000), now: now + 30_000 })).ok).toBe(true);
  });

  it("wrong codes count toward the lockout; once locked even the right code is refused", async () => {
    const user = await createUser("STAFF");
    const { secret } = await enrol(user, Date.now() - 60_000);
    const now = Date.now();
    const right = totpCode(secret, now);
    const wrong = right === "999999" ? "999998" : "999999";
    for (let i = 0; i < login.LOCKOUT_THRESHOLD; i += 1) {
      expect(await login.authenticate(user.username, PASSWORD, `10.8.1.${i}`, { otp: wrong, now })).toEqual({ ok: false, message: login.LOGIN_TOTP_FAILED_MESSAGE });
    }
    expect(await failures(user.username)).toBe(login.LOCKOUT_THRESHOLD);
    expect(await audits("login.lockout", user.username)).toBe(1);
    expect(await login.authenticate(user.username, PASSWORD, "10.8.1.99", { otp: right, now })).toEqual({ ok: false, message: login.LOGIN_LOCKED_MESSAGE });
    // Nothing was accepted while locked: the code is still unspent.
    expect(decodeStoredTotp((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret)?.lastStep).toBeLessThan(totpStep(now));
  });

  it("a recovery code logs in once, is audited, and is refused the second time", async () => {
    const user = await createUser("COORDINATOR");
    const { recoveryCodes } = await enrol(user, Date.now() - 60_000);
    const code = recoveryCodes[3].toUpperCase();
    expect((await login.authenticate(user.username, PASSWORD, "10.8.2.1", { otp: code })).ok).toBe(true);
    expect(await audits("totp.recovery.used", user.username)).toBe(1);
    expect(await login.authenticate(user.username, PASSWORD, "10.8.2.1", { otp: code })).toEqual({ ok: false, message: login.LOGIN_TOTP_FAILED_MESSAGE });
    expect(await factor.remainingRecoveryCodes(t.db, user.id)).toBe(9);
  });

  it("a recovery code sent by many parallel logins is accepted exactly once", async () => {
    const user = await createUser("ADMIN");
    const { recoveryCodes } = await enrol(user, Date.now() - 60_000);
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => login.authenticate(user.username, PASSWORD, `10.8.3.${i}`, { otp: recoveryCodes[0] })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await t.db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
    expect(await audits("totp.recovery.used", user.username)).toBe(1);
  });

  it("the same code checked by racing requests is accepted exactly once (conditional update)", async () => {
    const user = await createUser("AUDITOR");
    const { secret, recoveryCodes } = await enrol(user, Date.now() - 60_000);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const now = Date.now();
    // Both read the same row before either writes: the second must lose.
    const totp = await Promise.all(Array.from({ length: 6 }, () => factor.checkSecondFactor(t.db, row, totpCode(secret, now), now)));
    expect(totp.filter((r) => r.ok)).toHaveLength(1);
    const recovery = await Promise.all(Array.from({ length: 6 }, () => factor.checkSecondFactor(t.db, row, recoveryCodes[5], now)));
    expect(recovery.filter((r) => r.ok)).toHaveLength(1);
  });

  it("the next-auth provider reports TOTP_REQUIRED, then signs in with the code", async () => {
    const user = await createUser("VIEWER");
    const { secret } = await enrol(user, Date.now() - 60_000);
    const { authOptions } = await import("@/lib/auth/options");
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const req = { headers: { "x-portal-peer": "10.8.4.1" } };
    await expect(provider.options.authorize({ username: user.username, password: PASSWORD }, req)).rejects.toThrow(login.TOTP_REQUIRED);
    const signedIn = await provider.options.authorize({ username: user.username, password: PASSWORD, otp: totpCode(secret, Date.now()) }, req);
    expect(signedIn).toMatchObject({ id: String(user.id), name: user.username });
  });
});
