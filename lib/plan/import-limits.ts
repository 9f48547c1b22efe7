/** Limits and messages of the plan import shared by the browser and the server (no imports). */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Characters of plan text accepted after decoding (a long plan has ~30 000). */
export const MAX_IMPORT_CHARS = 1_000_000;

export const TOO_LARGE_MESSAGE = "文件超过 10 MB，无法导入，请删除图片或拆分文件后再试";
export const EMPTY_MESSAGE = "文件为空，没有可导入的内容";
export const EMPTY_TEXT_MESSAGE = "请先粘贴工作要点全文";
export const UNSUPPORTED_TYPE_MESSAGE = "只支持 .txt 文本文件或 .docx Word 文档";
export const LEGACY_DOC_MESSAGE = "不支持旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再导入";

/** The check the browser runs before uploading (the server repeats it). */
export function preUploadProblem(file: { name: string; size: number }): string | null {
  const lower = file.name.toLowerCase();
  if (lower.endsWith(".doc") || lower.endsWith(".wps")) return LEGACY_DOC_MESSAGE;
  if (!lower.endsWith(".txt") && !lower.endsWith(".docx")) return UNSUPPORTED_TYPE_MESSAGE;
  if (file.size === 0) return EMPTY_MESSAGE;
  if (file.size > MAX_IMPORT_BYTES) return `${TOO_LARGE_MESSAGE}（当前 ${(file.size / 1024 / 1024).toFixed(1)} MB）`;
  return null;
}
