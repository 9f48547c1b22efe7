import { prisma, type Tx } from "@/lib/db";
import { databaseKind } from "@/lib/config";
import { writeAudit } from "@/lib/audit";
import { timingDummyHash, verifyPassword } from "./password";
import { verifyLdapPassword, type LdapVerifyResult } from "./ldap";
import { localPasswordAllowed, normalizeSsoUsername, ssoConfig, type LdapConfig, type SsoConfig } from "./sso-config";

export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_THRESHOLD = 5;
/** Failures from one client address that lock the address (an office behind one NAT shares it). */
export const IP_LOCKOUT_THRESHOLD = LOCKOUT_THRESHOLD * 4;

export const LOGIN_FAILED_MESSAGE = "用户名或密码错误";
export const LOGIN_LOCKED_MESSAGE = "登录失败次数过多，账户已临时锁定，请 15 分钟后再试或联系系统管理员";

export type LoginResult =
  | { ok: true; user: { id: number; username: string; sessionVersion: number; role: string } }
  | { ok: false; message: string };

type Reservation = { locked: true } | { locked: false; attemptId: number; failures: number; addressFailures: number };

/**
 * Counts the recent failures and, when under the thresholds, records this attempt as a failure
 * before the password is checked — in one transaction that no other login for the same account
 * can interleave with (SQLite: BEGIN IMMEDIATE, see lib/db.ts; PostgreSQL: a transaction-scoped
 * advisory lock per username). So a burst of parallel guesses reserves at most the threshold's
 * worth of verifications; the rest are refused as locked. Locked attempts are not recorded as
 * failures, so hammering a locked account does not extend its lock.
 */
async function reserveAttempt(username: string, ip: string): Promise<Reservation> {
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

  await prisma.$transaction(async (tx) => {
    // The reserved attempt turns out a success: it no longer counts toward a lock.
    await tx.loginAttempt.update({ where: { id: reservation.attemptId }, data: { success: true } });
    await writeAudit(tx, { id: user.id, username, role: user.role }, { entity: "Auth", entityId: username, action: "login.success", after: { method }, ip });
  });
  return { ok: true, user: { id: user.id, username: user.username, sessionVersion: user.sessionVersion, role: user.role } };
}
