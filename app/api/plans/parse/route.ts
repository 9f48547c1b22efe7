import { NextResponse, type NextRequest } from "next/server";
import { AuthError, requirePermission } from "@/lib/auth/dal";
import { UserFacingError } from "@/lib/action-state";
import { isSameOrigin } from "@/lib/security/origin";
import { MAX_IMPORT_BYTES, parseImportFile, parsePastedText, readLimited, TOO_LARGE_MESSAGE } from "@/lib/plan/import-parse";
import type { DocumentPlan } from "@/lib/plan/import-document";
import { parseImportOptionsHeader } from "@/lib/plan/import-options";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export type ParseResponse = ({ ok: true } & DocumentPlan) | { ok: false; message: string };

function fail(status: number, message: string) {
  return NextResponse.json({ ok: false, message } satisfies ParseResponse, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * POST /api/plans/parse — parses a plan for the import editor; saves nothing.
 * Body: the raw bytes of an uploaded file (its name, URI-encoded, in X-File-Name) or, without
 * X-File-Name, pasted text as UTF-8. X-Import-Options (URI-encoded JSON, optional) chooses the
 * worksheet of a workbook and the column mapping of a table. Bodies over 10 MB are refused from
 * Content-Length before reading, and while reading when the length is not declared.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request)) return fail(403, "请求来源无效，请在本系统页面内操作");
  try {
    await requirePermission("plan:import");
  } catch (error) {
    if (error instanceof AuthError) return fail(error.status, error.message);
    throw error;
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) return fail(413, TOO_LARGE_MESSAGE);

  const rawName = request.headers.get("x-file-name");
  const options = parseImportOptionsHeader(request.headers.get("x-import-options"));
  if (!options.ok) return fail(400, options.message);
  try {
    const bytes = await readLimited(request.body, MAX_IMPORT_BYTES);
    let result: DocumentPlan;
    if (rawName === null) {
      result = parsePastedText(new TextDecoder("utf-8").decode(bytes));
    } else {
      let fileName: string;
      try {
        fileName = decodeURIComponent(rawName);
      } catch {
        return fail(400, "文件名无效");
      }
      result = await parseImportFile(fileName, bytes, options.value);
    }
    return NextResponse.json({ ok: true, ...result } satisfies ParseResponse, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.message === TOO_LARGE_MESSAGE ? 413 : 422, error.message);
    console.error("plan import parse failed", error);
    return fail(500, "解析失败，请稍后重试");
  }
}
