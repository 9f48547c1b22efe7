/**
 * Helpers for the ledger's route handlers (upload, download, exports): JSON errors in Chinese,
 * the 401/403 mapping of the data access layer and the download headers (bodies are read through
 * lib/security/body.ts).
 */
import "server-only";
import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AuthError, requirePermission, type CurrentUser } from "@/lib/auth/dal";
import type { Permission } from "@/lib/auth/permissions";
import { auditActorOf } from "./access";

export function jsonError(status: number, message: string): Response {
  return Response.json({ ok: false, message }, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

/** The current user with the permission, or the 401/403 response to return. */
export async function routeUser(permission: Permission): Promise<CurrentUser | Response> {
  try {
    return await requirePermission(permission);
  } catch (error) {
    if (error instanceof AuthError) return jsonError(error.status, error.message);
    throw error;
  }
}

/** A positive integer id from a route segment, or null. */
export function parseId(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}

export async function auditDenial(user: CurrentUser, entity: string, entityId: number | string, reason: string): Promise<void> {
  await writeAudit(prisma, auditActorOf(user), { entity, entityId, action: "denied", after: { reason } }).catch(() => undefined);
}

export function attachmentHeaders(contentType: string, disposition: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    "Content-Type": contentType,
    "Content-Disposition": disposition,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    // Even if a browser were to render it, the file gets no scripts and no origin.
    "Content-Security-Policy": "default-src 'none'; sandbox",
    ...extra,
  });
}
