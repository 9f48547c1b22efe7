import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { UserFacingError } from "@/lib/action-state";
import { AuthError, requirePermission } from "@/lib/auth/dal";
import { isSameOrigin } from "@/lib/security/origin";
import { MAX_IMPORT_BYTES, readImportDocument, readLimited, TOO_LARGE_MESSAGE } from "@/lib/plan/import-parse";
import { RubricNeedsPointsColumn, RubricTableError, rubricFromDocument, type RubricParse } from "@/lib/assessment/rubric-table";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export type RubricParseResponse = ({ ok: true } & RubricParse) | { ok: false; message: string; needsPointsColumn?: string[] };

const optionsSchema = z.object({ pointsColumn: z.number().int().min(0).max(99).optional(), sheet: z.string().trim().min(1).max(100).optional() }).strict();

function fail(status: number, message: string, extra: Partial<Extract<RubricParseResponse, { ok: false }>> = {}) {
  return NextResponse.json({ ok: false, message, ...extra } satisfies RubricParseResponse, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * POST /api/assessment/parse — reads a 考核指标 table from an uploaded Word / Excel (/ PDF, .doc)
 * file with the plan importer's readers, for the preview; saves nothing. Body: the file's bytes,
 * its name URI-encoded in X-File-Name; X-Rubric-Options (URI-encoded JSON, optional):
 * { pointsColumn, sheet } — the 分值 column the user chose when the header names none.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request)) return fail(403, "请求来源无效，请在本系统页面内操作");
  try {
    await requirePermission("assessment:edit");
  } catch (error) {
    if (error instanceof AuthError) return fail(error.status, error.message);
    throw error;
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) return fail(413, TOO_LARGE_MESSAGE);
  let fileName: string;
  let options: z.infer<typeof optionsSchema> = {};
  try {
    fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "");
    const raw = request.headers.get("x-rubric-options");
    if (raw) options = optionsSchema.parse(JSON.parse(decodeURIComponent(raw)));
  } catch {
    return fail(400, "文件名或导入选项无效");
  }
  if (fileName === "") return fail(400, "请选择考核指标文件（Word 或 Excel）");
  try {
    const bytes = await readLimited(request.body, MAX_IMPORT_BYTES);
    const doc = await readImportDocument(fileName, bytes, { sheet: options.sheet });
    const result = rubricFromDocument(doc, { pointsColumn: options.pointsColumn });
    return NextResponse.json({ ok: true, ...result } satisfies RubricParseResponse, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof RubricNeedsPointsColumn) return fail(422, error.message, { needsPointsColumn: error.headers });
    if (error instanceof RubricTableError) return fail(422, error.message);
    if (error instanceof UserFacingError) return fail(error.message === TOO_LARGE_MESSAGE ? 413 : 422, error.message);
    console.error("rubric parse failed", error);
    return fail(500, "解析失败，请稍后重试");
  }
}
