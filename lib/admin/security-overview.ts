import "server-only";
import type { Db } from "@/lib/db";
import { LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MS } from "@/lib/auth/login";

export interface AccountSecurityRow {
  id: number;
  username: string;
  displayName: string;
  role: string;
  officeName: string | null;
  active: boolean;
  version: number;
  /** Failed logins within the lockout window. */
  recentFailures: number;
  locked: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  secondFactor: boolean;
}

/** Every account with what the 安全保密管理员 acts on: role, lock state, password and second-factor state. */
export async function loadAccountSecurity(db: Db, now = new Date()): Promise<AccountSecurityRow[]> {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const [users, failures] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" }, include: { office: { select: { name: true } } } }),
    db.loginAttempt.groupBy({ by: ["username"], where: { success: false, createdAt: { gte: since } }, _count: { _all: true } }),
  ]);
  const failuresByName = new Map(failures.map((f) => [f.username, f._count._all]));
  return users.map((u) => {
    const recentFailures = failuresByName.get(u.username) ?? 0;
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      officeName: u.office?.name ?? null,
      active: u.active,
      version: u.version,
      recentFailures,
      locked: recentFailures >= LOCKOUT_THRESHOLD || (u.lockedUntil !== null && u.lockedUntil > now),
      mustChangePassword: u.mustChangePassword,
      passwordChangedAt: u.passwordChangedAt,
      secondFactor: u.totpEnabledAt !== null,
    };
  });
}
