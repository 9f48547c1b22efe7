import { prisma } from "@/lib/db";
import { contentDisposition } from "@/lib/ledger/files";
import { attachmentHeaders, jsonError, parseId, routeUser } from "@/lib/ledger/http";

/**
 * GET /api/regulations/versions/[id]/file — the original file of a rule's version, always as a
 * download (opaque bytes, sandboxed, never rendered in place). Every reader of the 制度库 may fetch it.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await routeUser("regulation:read");
  if (user instanceof Response) return user;
  const id = parseId((await ctx.params).id);
  if (id === null) return jsonError(404, "文件不存在");
  const version = await prisma.regulationVersion.findUnique({ where: { id }, select: { fileName: true, fileData: true } });
  if (!version?.fileData || !version.fileName) return jsonError(404, "文件不存在");
  const body = new Uint8Array(version.fileData);
  return new Response(body, {
    headers: attachmentHeaders("application/octet-stream", contentDisposition(version.fileName), { "Content-Length": String(body.byteLength) }),
  });
}
