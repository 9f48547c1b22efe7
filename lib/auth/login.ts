import { prisma, type Tx } from "@/lib/db";
import { databaseKind } from "@/lib/config";
import { writeAudit } from "@/lib/audit";
import { timingDummyHash, verifyPassword } from "./password";

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

export interface AuthenticateOptions {
  /** The argon2 check; tests pass a counting wrapper to prove how many guesses were evaluated. */
  verify?: (passwordHash: string, password: string) => Promise<boolean>;
}

/**
 * Checks a username/password pair. Attempts are stored in the database (not in memory) so a lockout
 * holds across several app instances; unknown users and wrong passwords get the same message and
 * cost the same argon2 verification. A locked attempt is refused before any verification: its
 * message already says it is locked, and skipping the hash keeps a flood against a locked account
 * or address cheap.
 */
export async function authenticate(rawUsername: string, password: string, ip: string, options: AuthenticateOptions = {}): Promise<LoginResult> {
  const verify = options.verify ?? verifyPassword;
  const username = rawUsername.trim().slice(0, 64);
  const reservation = await reserveAttempt(username, ip);
  const user = username ? await prisma.user.findUnique({ where: { username } }) : null;
  const actor = user ? { id: user.id, username, role: user.role } : { id: null, username, role: "" };
  if (reservation.locked) {
    await prisma.$transaction(async (tx) => {
      await writeAudit(tx, actor, { entity: "Auth", entityId: username, action: "login.locked", ip });
    });
    return { ok: false, message: LOGIN_LOCKED_MESSAGE };
  }

  const passwordOk = await verify(user?.passwordHash ?? (await timingDummyHash()), password);
  if (!user || !passwordOk || !user.active) {
    await prisma.$transaction(async (tx) => {
      await writeAudit(tx, actor, {
        entity: "Auth",
        entityId: username,
        action: user && passwordOk && !user.active ? "login.disabled" : "login.failed",
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
    await writeAudit(tx, { id: user.id, username, role: user.role }, { entity: "Auth", entityId: username, action: "login.success", ip });
  });
  return { ok: true, user: { id: user.id, username: user.username, sessionVersion: user.sessionVersion, role: user.role } };
}
