import { prisma } from "@/lib/db";
import { getAttachmentForDownload } from "@/lib/ledger/attachments";
import { NOT_FOUND_MESSAGE } from "@/lib/ledger/constants";
import { contentDisposition } from "@/lib/ledger/files";
import { attachmentHeaders, auditDenial, jsonError, parseId, routeUser } from "@/lib/ledger/http";

/**
 * GET /api/attachments/[id] — the only way to a stored file. Same visibility as the entry
 * (STAFF: their office only); deleted files and files of deleted entries are not served
 * (except deleted entries to the COORDINATOR, who may restore them).
 */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await routeUser("ledger:read");
  if (user instanceof Response) return user;
  const id = parseId((await ctx.params).id);
  if (id === null) return jsonError(404, NOT_FOUND_MESSAGE);
  const attachment = await getAttachmentForDownload(prisma, user, id);
  if (!attachment) {
    await auditDenial(user, "Attachment", id, NOT_FOUND_MESSAGE);
    return jsonError(404, NOT_FOUND_MESSAGE);
  }
  return new Response(attachment.data, {
    status: 200,
    headers: attachmentHeaders(attachment.mimeType, contentDisposition(attachment.fileName), {
      "Content-Length": String(attachment.data.byteLength),
      ETag: `"${attachment.sha256}"`,
    }),
  });
}
