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
import { DOWNLOAD_CSP } from "@/lib/security/csp";
import { auditActorOf } from "./access";
import { KIND_MIME, contentDisposition } from "./files";

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

/**
 * Headers of every stored or generated file: its type as stored (decided from the content at
 * upload), never sniffed, never cached, and under a policy that loads nothing and sandboxes the
 * document (lib/security/csp.ts DOWNLOAD_CSP), so a file a browser renders anyway runs no script
 * and has no origin. Other sites may not embed it (CORP).
 */
export function attachmentHeaders(contentType: string, disposition: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    "Content-Type": contentType,
    "Content-Disposition": disposition,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Content-Security-Policy": DOWNLOAD_CSP,
    "Cross-Origin-Resource-Policy": "same-origin",
    ...extra,
  });
}

/** The only stored types a browser may show in place (`?preview=1`); everything else is downloaded. */
export const INLINE_PREVIEW_TYPES: readonly string[] = ["application/pdf", "image/png", "image/jpeg"];

/** The stored type when it is one the upload check can produce; anything else is served as opaque bytes. */
export function servedType(mimeType: string): string {
  return (Object.values(KIND_MIME) as string[]).includes(mimeType) ? mimeType : "application/octet-stream";
}

/** `attachment` unless an inline preview of an image or PDF was asked for. */
export function downloadDisposition(mimeType: string, fileName: string, preview: boolean): string {
  const disposition = contentDisposition(fileName);
  return preview && INLINE_PREVIEW_TYPES.includes(mimeType) ? disposition.replace(/^attachment;/, "inline;") : disposition;
}
