import crypto from "node:crypto";
import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { normalizeSsoUsername } from "./sso-config";

/**
 * OIDC logins (next-auth's OAuth provider, lib/auth/options.ts): the IdP vouches for an identity,
 * the portal decides what it may open. The identity maps to the portal account of the same
 * (lower-cased) username; role and office stay managed in the portal. An identity without an
 * account is sent to /login/unauthorized — never given an account automatically — and an inactive
 * or locked account is refused there too. Every outcome is audited with the method and the client
 * address, like a password login.
 */

export const UNAUTHORIZED_PAGE = "/login/unauthorized";

export type SsoRefusal = "unknown" | "disabled" | "locked" | "no-username";

export type SsoResolution = { ok: true; user: { id: number; username: string; sessionVersion: number; role: string } } | { ok: false; reason: SsoRefusal };

/** The portal account an SSO identity opens, or why it opens none (no audit: see resolveSsoLogin). */
export async function findSsoAccount(identity: string): Promise<SsoResolution> {
  const username = normalizeSsoUsername(identity);
  if (!username) return { ok: false, reason: "no-username" };
  const user = await prisma.user.findUnique({
    where: { username },
    select: { id: true, username: true, sessionVersion: true, role: true, active: true, lockedUntil: true },
  });
  if (!user) return { ok: false, reason: "unknown" };
  if (!user.active) return { ok: false, reason: "disabled" };
  if (user.lockedUntil && user.lockedUntil > new Date()) return { ok: false, reason: "locked" };
  return { ok: true, user: { id: user.id, username: user.username, sessionVersion: user.sessionVersion, role: user.role } };
}

const REFUSAL_ACTION: Record<SsoRefusal, string> = {
  unknown: "login.sso.unknown",
  disabled: "login.disabled",
  locked: "login.locked",
  "no-username": "login.sso.unknown",
};

/** Maps an identity to an account and audits the outcome (login.success, login.sso.unknown, login.disabled, login.locked). */
export async function resolveSsoLogin(identity: string, ip: string, detail: { method: string; subject?: string }): Promise<SsoResolution> {
  const resolution = await findSsoAccount(identity);
  const username = normalizeSsoUsername(identity);
  await prisma.$transaction(async (tx) => {
    if (resolution.ok) {
      const { user } = resolution;
      await writeAudit(tx, { id: user.id, username: user.username, role: user.role }, { entity: "Auth", entityId: user.username, action: "login.success", after: { method: detail.method }, ip });
      return;
    }
    const account = resolution.reason === "unknown" || resolution.reason === "no-username" ? null : await tx.user.findUnique({ where: { username }, select: { id: true, role: true } });
    await writeAudit(tx, account ? { id: account.id, username, role: account.role } : { id: null, username, role: "" }, {
      entity: "Auth",
      entityId: username,
      action: REFUSAL_ACTION[resolution.reason],
      after: { method: detail.method, identity: identity.slice(0, 128), ...(detail.subject ? { subject: detail.subject.slice(0, 128) } : {}) },
      ip,
    });
  });
  return resolution;
}

function signature(identity: string, reason: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(`sso-unauthorized\n${reason}\n${identity}`).digest("base64url").slice(0, 32);
}

function authSecret(): string {
  return process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET || "";
}

/**
 * Where a refused SSO login goes. The identity is shown on the page, so the link is signed with the
 * auth secret: a crafted link cannot make the portal's own page claim a name it never saw.
 */
export function unauthorizedUrl(identity: string, reason: SsoRefusal, secret = authSecret()): string {
  const params = new URLSearchParams({ reason });
  const shown = identity.slice(0, 128);
  if (shown) params.set("identity", shown);
  params.set("sig", signature(shown, reason, secret));
  return `${UNAUTHORIZED_PAGE}?${params.toString()}`;
}

export interface UnauthorizedParams {
  reason: SsoRefusal;
  /** The identity, only when the link was signed by this portal. */
  identity: string | null;
}

const REASONS: readonly SsoRefusal[] = ["unknown", "disabled", "locked", "no-username"];

export function readUnauthorizedParams(query: Record<string, string | string[] | undefined>, secret = authSecret()): UnauthorizedParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
  const reasonRaw = first(query.reason);
  const reason = (REASONS as readonly string[]).includes(reasonRaw) ? (reasonRaw as SsoRefusal) : "unknown";
  const identity = first(query.identity).slice(0, 128);
  const given = first(query.sig);
  const expected = signature(identity, reason, secret);
  const valid = secret !== "" && given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  return { reason, identity: valid && identity ? identity : null };
}
