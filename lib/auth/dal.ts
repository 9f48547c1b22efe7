import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { findSessionUser } from "@/lib/hot-path";
import { authOptions, SESSION_ABSOLUTE_MS } from "./options";
import { can, type Permission } from "./permissions";
import { isRole, type Role } from "./roles";
import { passwordMaxAgeDays, pendingSecurityStep, SECURITY_STEP_MESSAGE, SECURITY_STEP_PAGE, type SecurityStep } from "./security-gate";
import { DEMO_USERNAMES, isDemoMode } from "@/lib/seed/demo-accounts";
import { localPasswordAllowed, ssoConfig } from "./sso-config";

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  officeId: number | null;
  officeName: string | null;
  /** A step the account must take first (change its password, enrol a second factor), or null. */
  securityStep: SecurityStep;
}

/**
 * The one choke point for "who is asking". The session says only who logged in; whether that
 * user still exists, is active, has the same session version, whether this session was ended by
 * a logout (its sid revoked) and what role/office they have now is read from the database, in one
 * statement, once per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid || typeof session.sv !== "number" || typeof session.sid !== "string" || !session.sid) return null;
  if (!session.loginAt || Date.now() - session.loginAt > SESSION_ABSOLUTE_MS) return null;
  const user = await findSessionUser(prisma, session.uid, session.sid);
  if (!user || !user.active || user.revoked || user.sessionVersion !== session.sv || !isRole(user.role)) return null;
  // One active session per account (SINGLE_SESSION=1): a later login takes the account's sid over.
  if (process.env.SINGLE_SESSION === "1" && user.currentSid && user.currentSid !== session.sid) return null;
  const securityStep = pendingSecurityStep(
    { role: user.role, mustChangePassword: user.mustChangePassword, passwordChangedAt: user.passwordChangedAt, totpEnabledAt: user.totpEnabledAt },
    {
      now: new Date(),
      passwordMaxAgeDays: passwordMaxAgeDays(),
      exempt: isDemoMode() && DEMO_USERNAMES.has(user.username),
      localPasswordInUse: localPasswordAllowed(user.role, ssoConfig()),
    },
  );
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    officeId: user.officeId,
    officeName: user.officeName,
    securityStep,
  };
});

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

export const NOT_LOGGED_IN_MESSAGE = "登录已失效，请重新登录";
export const FORBIDDEN_MESSAGE = "您没有执行此操作的权限";

async function recordDenial(user: CurrentUser, permission: Permission) {
  await writeAudit(prisma, { id: user.id, username: user.username, role: user.role }, {
    entity: "Permission",
    entityId: permission,
    action: "denied",
  });
}

/**
 * For server actions and route handlers: throws AuthError (401/403) instead of redirecting. An
 * account with a pending security step is refused everything but that step's own actions, which
 * pass `{ allowPendingStep: true }`.
 */
export async function requirePermission(permission: Permission, options: { allowPendingStep?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError(401, NOT_LOGGED_IN_MESSAGE);
  if (user.securityStep && !options.allowPendingStep) throw new AuthError(403, SECURITY_STEP_MESSAGE[user.securityStep]);
  if (!can(user.role, permission)) {
    await recordDenial(user, permission);
    throw new AuthError(403, FORBIDDEN_MESSAGE);
  }
  return user;
}

/**
 * For pages: anonymous users go to the login page, users without the permission to /forbidden,
 * and users with a pending security step to that step's page (pages of the step itself pass
 * `{ allowPendingStep: true }`).
 */
export async function requirePageUser(permission?: Permission, options: { allowPendingStep?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.securityStep && !options.allowPendingStep) redirect(SECURITY_STEP_PAGE[user.securityStep]);
  if (permission && !can(user.role, permission)) {
    await recordDenial(user, permission);
    redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
  }
  return user;
}

export function actorOf(user: CurrentUser) {
  return { id: user.id, username: user.username, role: user.role };
}
