/**
 * The import page's choices for one file, sent with the upload as the X-Import-Options header
 * (URI-encoded JSON): the worksheet of a workbook and the column mapping of a task table.
 * Untrusted input: parsed with a strict schema, a clear message when it does not fit.
 */
import { z } from "zod";
import { COLUMN_ROLES } from "./table/columns";
import type { ImportFileOptions } from "./import-parse";

export const importOptionsSchema = z
  .object({
    sheet: z.string().trim().min(1).max(100).optional(),
    mapping: z
      .object({
        columns: z.array(z.enum(COLUMN_ROLES)).min(1).max(100),
        headerRow: z.number().int().min(-1).max(10_000),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ImportOptionsInput = z.infer<typeof importOptionsSchema>;

export function parseImportOptionsHeader(header: string | null): { ok: true; value: ImportFileOptions } | { ok: false; message: string } {
  if (header === null || header === "") return { ok: true, value: {} };
  if (header.length > 8192) return { ok: false, message: "导入选项过长" };
  let json: unknown;
  try {
    json = JSON.parse(decodeURIComponent(header));
  } catch {
    return { ok: false, message: "导入选项格式无效" };
  }
  const parsed = importOptionsSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: "导入选项无效：请重新选择工作表或列对应" };
  return { ok: true, value: parsed.data };
}

/** The header value the browser sends. */
export function importOptionsHeader(options: ImportOptionsInput): string {
  return encodeURIComponent(JSON.stringify(options));
}
