import { prisma, type Tx } from "@/lib/db";
import { databaseKind } from "@/lib/config";
import { writeAudit } from "@/lib/audit";
import { timingDummyHash, verifyPassword } from "./password";
import { verifyLdapPassword, type LdapVerifyResult } from "./ldap";
import { localPasswordAllowed, normalizeSsoUsername, ssoConfig, type LdapConfig, type SsoConfig } from "./sso-config";
import { checkSecondFactor, secondFactorKind, TOTP_CODE_INVALID_MESSAGE } from "./second-factor";

export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_THRESHOLD = 5;
/** Failures from one client address that lock the address (an office behind one NAT shares it). */
export const IP_LOCKOUT_THRESHOLD = LOCKOUT_THRESHOLD * 4;

export const LOGIN_FAILED_MESSAGE = "用户名或密码错误";
export const LOGIN_LOCKED_MESSAGE = "登录失败次数过多，账户已临时锁定，请 15 分钟后再试或联系系统管理员";

/**
 * What authorize() throws when the password is right but the account's second factor was not sent:
 * the login form then asks for the code and submits again (app/login/login-form.tsx).
 */
export const TOTP_REQUIRED = "TOTP_REQUIRED";
export const LOGIN_TOTP_FAILED_MESSAGE = TOTP_CODE_INVALID_MESSAGE;

export type LoginResult =
  | { ok: true; user: { id: number; username: string; sessionVersion: number; role: string } }
  | { ok: false; message: string; totpRequired?: true };

type Reservation = { locked: true } | { locked: false; attemptId: number; failures: number; addressFailures: number };

/**
 * Counts the recent failures and, when under the thresholds, records this attempt as a failure
 * before the password is checked — in one transaction that no other login for the same account
 * can interleave with (SQLite: BEGIN IMMEDIATE, see lib/db.ts; PostgreSQL: a transaction-scoped
 * advisory lock per username). So a burst of parallel guesses reserves at most the threshold's
 * worth of verifications; the rest are refused as locked. Locked attempts are not recorded as
 * failures, so hammering a locked account does not extend its lock.
 */
export async function reserveAttempt(username: string, ip: string): Promise<Reservation> {
  return prisma.$transaction(async (tx: Tx) => {
    if (databaseKind() === "postgresql") {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${username}`}))`;
    }
    const since = new Date(Date.now() - LOCKOUT_WINDOW_MS);
    const [userFailures, ipFailures, user] = await Promise.all([
      tx.loginAttempt.count({ where: { username, success: false, createdAt: { gte: since } } }),
      tx.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
      username ? tx.user.findUnique({ where: { username }, select: { lockedUntil: true } }) : null,
    ]);
    const adminLock = user?.lockedUntil != null && user.lockedUntil > new Date();
    if (userFailures >= LOCKOUT_THRESHOLD || ipFailures >= IP_LOCKOUT_THRESHOLD || adminLock) return { locked: true } as const;
    const attempt = await tx.loginAttempt.create({ data: { username, ip, success: false }, select: { id: true } });
    return { locked: false, attemptId: attempt.id, failures: userFailures + 1, addressFailures: ipFailures + 1 } as const;
  });
}

/** How the password is checked: the portal's own argon2 hash, or the LDAP / AD directory (lib/auth/ldap.ts). */
export type LoginMethod = "local" | "ldap";

export interface AuthenticateOptions {
  /** The argon2 check; tests pass a counting wrapper to prove how many guesses were evaluated. */
  verify?: (passwordHash: string, password: string) => Promise<boolean>;
  /** "local" (default) or "ldap"; the lockout reservation and the audit rows are the same for both. */
  method?: LoginMethod;
  /** The directory check (default: verifyLdapPassword with the LDAP_* configuration). */
  verifyDirectory?: (username: string, password: string) => Promise<LdapVerifyResult>;
  /** The SSO configuration (default: the environment's, lib/auth/sso-config.ts). */
  config?: SsoConfig;
  /** The second factor (TOTP code or recovery code) when the form sent one. */
  otp?: string;
  /** The clock for the TOTP check (tests). */
  now?: number;
}

/** A directory login whose identity has no portal account: never created automatically. */
export const SSO_UNKNOWN_ACCOUNT_MESSAGE = "该账号尚未开通本系统权限，请联系系统管理员";
export const LDAP_UNAVAILABLE_MESSAGE = "统一身份认证服务（LDAP 目录）暂时无法连接，请稍后再试；如持续出现请联系系统管理员";
export const LDAP_NOT_CONFIGURED_MESSAGE = "未配置 LDAP 目录登录，请使用其他登录方式";

type Verdict = "ok" | "invalid" | "local-off" | "unknown-account" | "unavailable";

/**
 * Checks a username/password pair. Attempts are stored in the database (not in memory) so a lockout
 * holds across several app instances; unknown users and wrong passwords get the same message and
 * cost the same argon2 verification. A locked attempt is refused before any verification: its
 * message already says it is locked, and skipping the hash keeps a flood against a locked account
 * or address cheap.
 *
 * With `method: "ldap"` the same reservation is taken, and the directory is the verifier: a wrong
 * directory password counts toward the lock like a wrong local one. A right directory password
 * opens the portal account of the same (lower-cased) username if there is one and it is active —
 * otherwise the login is refused, with SSO_UNKNOWN_ACCOUNT_MESSAGE for an identity the portal does
 * not know. A directory that cannot be reached is the one case that does not count: the reserved
 * attempt is withdrawn and only the audit row remains.
 *
 * With LOCAL_LOGIN=off the local password opens only administrative accounts (the emergency
 * login); anyone else's is refused as a failed login (same message, counted), so the switch does
 * not tell a guesser which accounts are administrative.
 */
export async function authenticate(rawUsername: string, password: string, ip: string, options: AuthenticateOptions = {}): Promise<LoginResult> {
  const verify = options.verify ?? verifyPassword;
  const method = options.method ?? "local";
  const config = options.config ?? ssoConfig();
  if (method === "ldap" && !config.ldap) return { ok: false, message: LDAP_NOT_CONFIGURED_MESSAGE };
  const username = method === "ldap" ? normalizeSsoUsername(rawUsername) : rawUsername.trim().slice(0, 64);
  const reservation = await reserveAttempt(username, ip);
  const user = username ? await prisma.user.findUnique({ where: { username } }) : null;
  const actor = user ? { id: user.id, username, role: user.role } : { id: null, username, role: "" };
  if (reservation.locked) {
    await prisma.$transaction(async (tx) => {
      await writeAudit(tx, actor, { entity: "Auth", entityId: username, action: "login.locked", after: { method }, ip });
    });
    return { ok: false, message: LOGIN_LOCKED_MESSAGE };
  }

  let verdict: Verdict;
  let detail = "";
  if (method === "ldap") {
    const ldap = config.ldap as LdapConfig;
    const checked = await (options.verifyDirectory ?? ((name, pw) => verifyLdapPassword(ldap, name, pw)))(username, password);
    if (checked.ok) verdict = user ? "ok" : "unknown-account";
    else if (checked.reason === "unavailable") {
      verdict = "unavailable";
      detail = checked.detail;
    } else verdict = "invalid";
  } else {
    const passwordOk = await verify(user?.passwordHash ?? (await timingDummyHash()), password);
    verdict = !user || !passwordOk ? "invalid" : localPasswordAllowed(user.role, config) ? "ok" : "local-off";
  }

  if (verdict === "unavailable") {
    console.error(`[auth] LDAP directory unavailable (${config.ldap?.url}): ${detail}`);
    await prisma.$transaction(async (tx) => {
      // Not a guess: the reserved attempt is withdrawn, so an outage locks nobody out.
      if (!reservation.locked) await tx.loginAttempt.delete({ where: { id: reservation.attemptId } });
      await writeAudit(tx, actor, { entity: "Auth", entityId: username, action: "login.ldap.unavailable", after: { method, error: detail }, ip });
    });
    return { ok: false, message: LDAP_UNAVAILABLE_MESSAGE };
  }

  if (verdict === "unknown-account") {
    await prisma.$transaction(async (tx) => {
      // The directory accepted the password: not a guess, so it does not count toward a lock.
      await tx.loginAttempt.update({ where: { id: reservation.attemptId }, data: { success: true } });
      await writeAudit(tx, actor, { entity: "Auth", entityId: username, action: "login.sso.unknown", after: { method, identity: username }, ip });
    });
    return { ok: false, message: SSO_UNKNOWN_ACCOUNT_MESSAGE };
  }

  if (!user || verdict !== "ok" || !user.active) {
    await prisma.$transaction(async (tx) => {
      await writeAudit(tx, actor, {
        entity: "Auth",
        entityId: username,
        action: verdict === "local-off" ? "login.local.disabled" : user && verdict === "ok" && !user.active ? "login.disabled" : "login.failed",
        after: { method },
        ip,
      });
      if (user && reservation.failures === LOCKOUT_THRESHOLD) {
        await writeAudit(tx, actor, { entity: "Auth", entityId: username, action: "login.lockout", ip });
      }
      if (reservation.addressFailures === IP_LOCKOUT_THRESHOLD) {
        await writeAudit(tx, actor, { entity: "Auth", entityId: ip, action: "login.lockout.address", ip });
      }
    });
    return { ok: false, message: LOGIN_FAILED_MESSAGE };
  }

  // Second factor (等保 2.0), asked only after the right password of an active account, so unknown
  // users and wrong passwords behave exactly as without it. No code sent: the form asks for one,
  // and the attempt does not count as a failure. A wrong code does count (the reservation above),
  // so codes are guessed no faster than passwords.
  let factorMethod: "totp" | "recovery" | null = null;
  if (user.totpEnabledAt) {
    const otp = (options.otp ?? "").slice(0, 64).trim();
    if (!otp) {
      await prisma.loginAttempt.update({ where: { id: reservation.attemptId }, data: { success: true } });
      return { ok: false, message: TOTP_REQUIRED, totpRequired: true };
    }
    const factor = await checkSecondFactor(prisma, user, otp, options.now ?? Date.now());
    if (!factor.ok) {
      await prisma.$transaction(async (tx) => {
        await writeAudit(tx, actor, { entity: "Auth", entityId: username, action: "login.totp_failed", after: { kind: secondFactorKind(otp) ?? "malformed" }, ip });
        if (reservation.failures === LOCKOUT_THRESHOLD) {
          await writeAudit(tx, actor, { entity: "Auth", entityId: username, action: "login.lockout", ip });
        }
        if (reservation.addressFailures === IP_LOCKOUT_THRESHOLD) {
          await writeAudit(tx, actor, { entity: "Auth", entityId: ip, action: "login.lockout.address", ip });
        }
      });
      return { ok: false, message: LOGIN_TOTP_FAILED_MESSAGE };
    }
    factorMethod = factor.method;
  }

  await prisma.$transaction(async (tx) => {
    // The reserved attempt turns out a success: it no longer counts toward a lock.
    await tx.loginAttempt.update({ where: { id: reservation.attemptId }, data: { success: true } });
    const who = { id: user.id, username, role: user.role };
    if (factorMethod === "recovery") {
      const remaining = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
      await writeAudit(tx, who, { entity: "Auth", entityId: username, action: "totp.recovery.used", after: { remaining, during: "login" }, ip });
    }
    await writeAudit(tx, who, { entity: "Auth", entityId: username, action: "login.success", after: factorMethod ? { method, secondFactor: factorMethod } : { method }, ip });
  });
  return { ok: true, user: { id: user.id, username: user.username, sessionVersion: user.sessionVersion, role: user.role } };
}

/**
 * The current second factor asked again inside the portal (re-enrolment, new recovery codes,
 * turning it off): counted like a login attempt, so a session left open does not let someone guess
 * codes without limit. Input that cannot be a code is refused without writing anything.
 */
export async function confirmCurrentFactor(
  account: { id: number; username: string; role: string },
  input: string,
  ip: string,
  now = Date.now(),
): Promise<{ ok: true; method: "totp" | "recovery" } | { ok: false; message: string }> {
  if (!secondFactorKind(input)) return { ok: false, message: TOTP_CODE_INVALID_MESSAGE };
  const reservation = await reserveAttempt(account.username, ip);
  if (reservation.locked) return { ok: false, message: LOGIN_LOCKED_MESSAGE };
  const user = await prisma.user.findUniqueOrThrow({ where: { id: account.id } });
  const factor = await checkSecondFactor(prisma, user, input, now);
  const actor = { id: account.id, username: account.username, role: account.role };
  await prisma.$transaction(async (tx) => {
    if (factor.ok) {
      await tx.loginAttempt.update({ where: { id: reservation.attemptId }, data: { success: true } });
      if (factor.method === "recovery") {
        const remaining = await tx.recoveryCode.count({ where: { userId: account.id, usedAt: null } });
        await writeAudit(tx, actor, { entity: "Auth", entityId: account.username, action: "totp.recovery.used", after: { remaining, during: "confirm" }, ip });
      }
      return;
    }
    await writeAudit(tx, actor, { entity: "Auth", entityId: account.username, action: "totp.confirm_failed", ip });
    if (reservation.failures === LOCKOUT_THRESHOLD) {
      await writeAudit(tx, actor, { entity: "Auth", entityId: account.username, action: "login.lockout", ip });
    }
  });
  return factor.ok ? factor : { ok: false, message: TOTP_CODE_INVALID_MESSAGE };
}
