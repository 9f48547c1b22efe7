import { prisma } from "@/lib/db";
import { getAttachmentForDownload } from "@/lib/ledger/attachments";
import { NOT_FOUND_MESSAGE } from "@/lib/ledger/constants";
import { attachmentHeaders, auditDenial, downloadDisposition, jsonError, parseId, routeUser, servedType } from "@/lib/ledger/http";

/**
 * GET /api/attachments/[id] — the only way to a stored file. Same visibility as the entry
 * (STAFF: their office only); deleted files and files of deleted entries are not served
 * (except deleted entries to the COORDINATOR, who may restore them).
 * Always a download (`Content-Disposition: attachment`), except `?preview=1` of a PDF, PNG or JPEG;
 * either way under the sandbox policy and nosniff (lib/ledger/http.ts attachmentHeaders).
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await routeUser("ledger:read");
  if (user instanceof Response) return user;
  const id = parseId((await ctx.params).id);
  if (id === null) return jsonError(404, NOT_FOUND_MESSAGE);
  const attachment = await getAttachmentForDownload(prisma, user, id);
  if (!attachment) {
    await auditDenial(user, "Attachment", id, NOT_FOUND_MESSAGE);
    return jsonError(404, NOT_FOUND_MESSAGE);
  }
  const type = servedType(attachment.mimeType);
  const preview = new URL(request.url).searchParams.get("preview") === "1";
  return new Response(attachment.data, {
    status: 200,
    headers: attachmentHeaders(type, downloadDisposition(type, attachment.fileName, preview), {
      "Content-Length": String(attachment.data.byteLength),
      ETag: `"${attachment.sha256}"`,
    }),
  });
}
