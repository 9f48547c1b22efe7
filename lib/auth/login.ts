import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { timingDummyHash, verifyPassword } from "./password";

export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_THRESHOLD = 5;

export const LOGIN_FAILED_MESSAGE = "用户名或密码错误";
export const LOGIN_LOCKED_MESSAGE = "登录失败次数过多，账户已临时锁定，请 15 分钟后再试或联系系统管理员";

export type LoginResult =
  | { ok: true; user: { id: number; username: string; sessionVersion: number; role: string } }
  | { ok: false; message: string };

/**
 * Checks a username/password pair. Attempts are stored in the database (not in memory) so a lockout
 * holds across several app instances; unknown users and wrong passwords get the same message and
 * cost the same argon2 verification.
 */
export async function authenticate(rawUsername: string, password: string, ip: string): Promise<LoginResult> {
  const username = rawUsername.trim().slice(0, 64);
  const since = new Date(Date.now() - LOCKOUT_WINDOW_MS);
  const [userFailures, ipFailures] = await Promise.all([
    prisma.loginAttempt.count({ where: { username, success: false, createdAt: { gte: since } } }),
    prisma.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  const user = username ? await prisma.user.findUnique({ where: { username } }) : null;
  const adminLock = user?.lockedUntil && user.lockedUntil > new Date();
  if (userFailures >= LOCKOUT_THRESHOLD || ipFailures >= LOCKOUT_THRESHOLD * 4 || adminLock) {
    await verifyPassword(await timingDummyHash(), password);
    await prisma.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { username, ip, success: false } });
      await writeAudit(tx, user ? { id: user.id, username, role: user.role } : { id: null, username, role: "" }, {
        entity: "Auth",
        entityId: username,
        action: "login.locked",
        ip,
      });
    });
    return { ok: false, message: LOGIN_LOCKED_MESSAGE };
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
  if (!user || !passwordOk || !user.active) {
    await prisma.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { username, ip, success: false } });
      await writeAudit(tx, user ? { id: user.id, username, role: user.role } : { id: null, username, role: "" }, {
        entity: "Auth",
        entityId: username,
        action: user && passwordOk && !user.active ? "login.disabled" : "login.failed",
        ip,
      });
      if (user && userFailures + 1 >= LOCKOUT_THRESHOLD) {
        await writeAudit(tx, { id: user.id, username, role: user.role }, { entity: "Auth", entityId: username, action: "login.lockout", ip });
      }
    });
    return { ok: false, message: LOGIN_FAILED_MESSAGE };
  }

  await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { username, ip, success: true } });
    await writeAudit(tx, { id: user.id, username, role: user.role }, { entity: "Auth", entityId: username, action: "login.success", ip });
  });
  return { ok: true, user: { id: user.id, username: user.username, sessionVersion: user.sessionVersion, role: user.role } };
}
