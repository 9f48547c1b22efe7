import type { Db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MS } from "@/lib/auth/login";
import { passwordChangeReason } from "@/lib/auth/password-policy";
import { passwordMaxAgeDays } from "@/lib/auth/security-gate";
import { newPasswordProblems, pushPasswordHistory } from "@/lib/auth/password-store";
import type { ChangePasswordInput } from "./schemas";

export const WRONG_CURRENT_PASSWORD_MESSAGE = "当前密码不正确";
export const CHANGE_LOCKED_MESSAGE = "密码错误次数过多，账户已临时锁定，请 15 分钟后再试或联系系统管理员";
export const PASSWORD_CHANGED_ELSEWHERE_MESSAGE = "密码刚刚已被修改，请刷新页面后重试";

export type ChangePasswordResult =
  | { ok: true; reason: "initial" | "expired" | "voluntary" }
  | { ok: false; message: string; field?: keyof ChangePasswordInput };

export interface ChangePasswordOptions {
  now?: Date;
  /** The argon2 check; tests may count calls. */
  verify?: (hash: string, password: string) => Promise<boolean>;
}

/**
 * The signed-in user changes their own password (a first-login change of an initial or reset
 * password, an expired one, or a voluntary change). The current password is checked like a login:
 * a wrong one counts toward the account's lockout (LoginAttempt) and is audited with the client
 * address; while the account is locked nothing is verified. The new password must satisfy the
 * policy and differ from the current and the last five. On success, in one transaction: the new
 * hash, passwordChangedAt, mustChangePassword cleared, the old hash into PasswordHistory (trimmed to
 * five) and the audit row `password.change`. The session version is left alone, so this session
 * (and the user's others) go on; an administrator's reset is what ends sessions.
 */
export async function changeOwnPassword(db: Db, userId: number, input: ChangePasswordInput, ip: string, options: ChangePasswordOptions = {}): Promise<ChangePasswordResult> {
  const now = options.now ?? new Date();
  const verify = options.verify ?? verifyPassword;
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || !user.active) return { ok: false, message: "登录已失效，请重新登录" };
  const actor = { id: user.id, username: user.username, role: user.role };
  const refuse = async (reason: "locked" | "wrong-current") => {
    await db.$transaction(async (tx) => {
      if (reason === "wrong-current") await tx.loginAttempt.create({ data: { username: user.username, ip, success: false } });
      await writeAudit(tx, actor, { entity: "Auth", entityId: user.username, action: "password.change.refused", after: { reason }, ip });
    });
  };

  const failures = await db.loginAttempt.count({ where: { username: user.username, success: false, createdAt: { gte: new Date(now.getTime() - LOCKOUT_WINDOW_MS) } } });
  if (failures >= LOCKOUT_THRESHOLD || (user.lockedUntil && user.lockedUntil > now)) {
    await refuse("locked");
    return { ok: false, message: CHANGE_LOCKED_MESSAGE, field: "currentPassword" };
  }
  if (!(await verify(user.passwordHash, input.currentPassword))) {
    await refuse("wrong-current");
    return { ok: false, message: WRONG_CURRENT_PASSWORD_MESSAGE, field: "currentPassword" };
  }

  const problems = await newPasswordProblems(db, user, input.newPassword, { checkHistory: true, verify });
  if (problems.length > 0) return { ok: false, message: problems.join("；"), field: "newPassword" };

  const reason = passwordChangeReason(user, { now, passwordMaxAgeDays: passwordMaxAgeDays(), exempt: false }) ?? "voluntary";
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only if the password is still the one verified above (two changes at once: the second loses).
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false },
    });
    if (count === 0) return { ok: false, message: PASSWORD_CHANGED_ELSEWHERE_MESSAGE } as const;
    await pushPasswordHistory(tx, user.id, user.passwordHash, now);
    await writeAudit(tx, actor, { entity: "User", entityId: user.id, action: "password.change", after: { reason }, ip });
    return { ok: true, reason } as const;
  });
}
