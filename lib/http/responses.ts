/**
 * What every route handler answers with: a JSON refusal in Chinese, the signed-in user with a
 * permission (or the 401/403 to return), a positive id from the URL, and a generated or stored file
 * under the download headers. The Word and Excel exports (report, 情况通报, 述法, 督办单, 自评表)
 * and the ledger's files share them, so a download is never cached, sniffed or rendered with script.
 */
import "server-only";
import { AuthError, requirePermission, type CurrentUser } from "@/lib/auth/dal";
import type { Permission } from "@/lib/auth/permissions";
import { DOWNLOAD_CSP } from "@/lib/security/csp";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

/** A positive integer id from a route segment or query, or null. */
export function parseId(raw: string | null | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
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

/** A generated file (Word, Excel) as the response, with its length. */
export function fileResponse(body: Uint8Array | Buffer, contentType: string, disposition: string): Response {
  return new Response(new Uint8Array(body), { status: 200, headers: attachmentHeaders(contentType, disposition, { "Content-Length": String(body.length) }) });
}
