import { AsyncLocalStorage } from "node:async_hooks";
import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";

/**
 * Logging out ends the session on the server, not only in the browser: every login gets its own
 * session id (`sid`, in the JWT), and logging out lists that id in RevokedSession, which the data
 * access layer (lib/auth/dal.ts) checks on every request. A copied cookie is refused from then on,
 * while the same user's sessions on other devices go on. A row is kept until the session would
 * have ended anyway (the absolute limit after the login), and each logout deletes the expired ones.
 */

/** What next-auth's sign-out event cannot see: the request's client address, and whether the revocation failed. */
export interface AuthRequestContext {
  ip: string;
  signOutFailed?: boolean;
}

export const authRequestContext = new AsyncLocalStorage<AuthRequestContext>();

export const LOGOUT_FAILED_MESSAGE = "退出登录失败，请稍后重试";

export interface SessionToRevoke {
  sid: string;
  userId: number;
  /** When the session ends regardless (login time + SESSION_ABSOLUTE_MS). */
  expiresAt: Date;
}

/** Revokes the session and audits the logout, in one transaction. Logging out twice is harmless. */
export async function revokeSession(session: SessionToRevoke, ip: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
    if (session.expiresAt <= now) return;
    // ON CONFLICT: two logouts of one session at once (two tabs) both succeed, one row and one audit row.
    const inserted = await tx.$executeRaw`
      INSERT INTO "RevokedSession" ("sid", "userId", "expiresAt", "createdAt")
      VALUES (${session.sid}, ${session.userId}, ${session.expiresAt}, ${now})
      ON CONFLICT ("sid") DO NOTHING`;
    if (inserted === 0) return;
    const user = await tx.user.findUnique({ where: { id: session.userId }, select: { id: true, username: true, role: true } });
    await writeAudit(tx, user ?? { id: session.userId, username: "", role: "" }, { entity: "Auth", entityId: user?.username ?? String(session.userId), action: "logout", ip });
  });
}
