/**
 * The upload route handlers of the 制度库 (制定 with a file, 修订 with a file): multipart forms
 * read under the 10 MB cap (lib/security/body.ts), fields checked with the zod schemas, the
 * mutation run as the current user. JSON answers {ok, message, id?, fieldErrors?}.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/dal";
import { invalidInput, UserFacingError } from "@/lib/action-state";
import { jsonError, routeUser } from "@/lib/ledger/http";
import { BodyTooLargeError, readFormLimited, tooLargeResponse } from "@/lib/security/body";
import { crossOriginResponse, isSameOrigin } from "@/lib/security/origin";
import { FILE_TOO_LARGE_MESSAGE, MAX_REGULATION_FILE_BYTES } from "./constants";
import type { UploadedFile } from "./mutations";

const MULTIPART_OVERHEAD = 64 * 1024 + 2 * 500_000 * 3;

export async function handleRegulationUpload<S extends z.ZodType>(
  request: Request,
  schema: S,
  run: (user: CurrentUser, input: z.infer<S>, file: UploadedFile | undefined) => Promise<{ id: number; message: string }>,
  extra: Record<string, string> = {},
): Promise<Response> {
  if (!isSameOrigin(request)) return crossOriginResponse();
  const user = await routeUser("regulation:manage");
  if (user instanceof Response) return user;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return jsonError(400, "请以表单方式提交");
  let form: FormData;
  try {
    form = await readFormLimited(request, MAX_REGULATION_FILE_BYTES + MULTIPART_OVERHEAD, FILE_TOO_LARGE_MESSAGE);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(FILE_TOO_LARGE_MESSAGE);
    return jsonError(400, "提交内容无法解析，请重试");
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  for (const [key, value] of form.entries()) {
    if (key === "file") {
      if (value instanceof File && value.size > 0) {
        if (value.size > MAX_REGULATION_FILE_BYTES) return jsonError(413, FILE_TOO_LARGE_MESSAGE);
        file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
      }
    } else if (typeof value === "string") fields[key] = value;
  }
  // The URL names the rule: a form field of the same name cannot point elsewhere.
  Object.assign(fields, extra);
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return Response.json(invalidInput(parsed.error), { status: 400, headers: { "Cache-Control": "no-store" } });
  try {
    const result = await run(user, parsed.data, file);
    revalidatePath("/regulations");
    revalidatePath(`/regulations/${result.id}`);
    return Response.json({ ok: true, message: result.message, id: result.id }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UserFacingError) return jsonError(422, error.message);
    console.error("regulation upload failed", error);
    return jsonError(500, "保存失败，未保存任何内容，请稍后重试");
  }
}

