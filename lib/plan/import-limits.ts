/** Limits and messages of the plan import shared by the browser and the server (no imports). */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Characters of plan text accepted after decoding (a long plan has ~30 000). */
export const MAX_IMPORT_CHARS = 1_000_000;
/** Pages of a PDF read at most: a plan with its 分解表 has a few dozen. */
export const MAX_PDF_PAGES = 300;

export const TOO_LARGE_MESSAGE = "文件超过 10 MB，无法导入，请删除图片或拆分文件后再试";
export const EMPTY_MESSAGE = "文件为空，没有可导入的内容";
export const EMPTY_TEXT_MESSAGE = "请先粘贴工作要点全文";
export const UNSUPPORTED_TYPE_MESSAGE = "只支持 .txt 文本、Word（.docx / .doc）、WPS 文字（.wps）、Excel（.xlsx）和 PDF 文件";
export const XLS_MESSAGE = "不支持 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入";
export const ET_MESSAGE = "不支持 WPS 表格（.et）文件，请另存为 .xlsx 后再导入";

/** The file extensions the import accepts, for the file picker. */
export const IMPORT_ACCEPT = ".txt,.docx,.doc,.wps,.xlsx,.pdf";

export type ImportFileKind = "txt" | "docx" | "doc" | "wps" | "xlsx" | "pdf";

/** The kind of a file by its name, or the Chinese reason it is refused. */
export function kindOfFileName(fileName: string): ImportFileKind | { problem: string } {
  const lower = fileName.trim().toLowerCase();
  const ext = lower.slice(lower.lastIndexOf(".") + 1);
  switch (ext) {
    case "txt": case "docx": case "doc": case "wps": case "xlsx": case "pdf":
      return ext;
    case "xls":
      return { problem: XLS_MESSAGE };
    case "et":
      return { problem: ET_MESSAGE };
    default:
      return { problem: UNSUPPORTED_TYPE_MESSAGE };
  }
}

/** The check the browser runs before uploading (the server repeats it). */
export function preUploadProblem(file: { name: string; size: number }): string | null {
  const kind = kindOfFileName(file.name);
  if (typeof kind !== "string") return kind.problem;
  if (file.size === 0) return EMPTY_MESSAGE;
  if (file.size > MAX_IMPORT_BYTES) return `${TOO_LARGE_MESSAGE}（当前 ${(file.size / 1024 / 1024).toFixed(1)} MB）`;
  return null;
}
