import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { UserFacingError } from "@/lib/action-state";
import { ForbiddenError, NotFoundError } from "@/lib/ledger/access";
import { addAttachment } from "@/lib/ledger/attachments";
import { MAX_ATTACHMENT_BYTES, NOT_FOUND_MESSAGE } from "@/lib/ledger/constants";
import { FILE_MESSAGES, FileRejectedError } from "@/lib/ledger/files";
import { auditDenial, jsonError, parseId, routeUser } from "@/lib/ledger/http";
import { BodyTooLargeError, readFormLimited, tooLargeResponse } from "@/lib/security/body";
import { crossOriginResponse, isSameOrigin } from "@/lib/security/origin";

/** Room for the multipart boundaries and part headers around a 20 MB file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * POST /api/ledger/[id]/attachments — multipart/form-data with one `file` field.
 * Same-origin only; ledger:write; the entry must be the user's office's (or ledger:writeAll) and
 * editable; the file type is decided by its content. 201 {ok, message, attachment} or a Chinese error.
 */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  if (!isSameOrigin(request)) return crossOriginResponse();
  const user = await routeUser("ledger:write");
  if (user instanceof Response) return user;
  const entryId = parseId((await ctx.params).id);
  if (entryId === null) return jsonError(404, NOT_FOUND_MESSAGE);

  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return jsonError(400, "请以表单方式上传文件");
  let file: File;
  try {
    // Content-Length first, then a running count while the body streams in; parsed only once within the cap.
    const form = await readFormLimited(request, MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD, FILE_MESSAGES.tooLarge);
    const value = form.get("file");
    if (!(value instanceof File)) return jsonError(400, "请选择要上传的文件");
    file = value;
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(FILE_MESSAGES.tooLarge);
    return jsonError(400, "上传内容无法解析，请重新选择文件");
  }

  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const created = await addAttachment(prisma, user, { entryId, fileName: file.name, bytes });
    revalidatePath(`/ledger/${entryId}`);
    return Response.json(
      { ok: true, message: `已上传“${created.fileName}”`, attachment: { id: created.id, fileName: created.fileName, size: created.size, sha256: created.sha256 } },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      await auditDenial(user, "LedgerEntry", entryId, error.message);
      return jsonError(error instanceof NotFoundError ? 404 : 403, error.message);
    }
    if (error instanceof FileRejectedError) return jsonError(error.message === FILE_MESSAGES.tooLarge ? 413 : 415, error.message);
    if (error instanceof UserFacingError) return jsonError(409, error.message);
    console.error("attachment upload failed", error);
    return jsonError(500, "上传失败，未保存任何文件，请稍后重试");
  }
}
