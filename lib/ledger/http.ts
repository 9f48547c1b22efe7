/**
 * Helpers for the ledger's route handlers (upload, download, exports): JSON errors in Chinese,
 * the 401/403 mapping of the data access layer and the download headers (bodies are read through
 * lib/security/body.ts).
 */
import "server-only";
import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/dal";
import { auditActorOf } from "./access";
import { KIND_MIME, contentDisposition } from "./files";

export { jsonError, routeUser, parseId, attachmentHeaders } from "@/lib/http/responses";

export async function auditDenial(user: CurrentUser, entity: string, entityId: number | string, reason: string): Promise<void> {
  await writeAudit(prisma, auditActorOf(user), { entity, entityId, action: "denied", after: { reason } }).catch(() => undefined);
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
