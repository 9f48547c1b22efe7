/**
 * The text of an uploaded rule, read with the plan importer's readers (lib/plan/readers): Word
 * .docx (own streaming reader), .doc (word-extractor), PDF (PDF.js) and .txt (UTF-8 or GB18030).
 * A file without extractable text (a scanned PDF, an empty document) is still kept, as an
 * attachment flagged 无法检索; a file the readers refuse for another reason (password, corrupt)
 * is refused with their message.
 */
import { UserFacingError } from "@/lib/action-state";
import { readDocx } from "@/lib/plan/docx";
import { readDoc } from "@/lib/plan/readers/doc";
import { readPdf, PDF_SCANNED_MESSAGE } from "@/lib/plan/readers/pdf";
import { ReaderError, type SourceDocument } from "@/lib/plan/readers/document";
import { decodePlanTextBuffer } from "@/lib/plan/text-file";
import { FILE_TOO_LARGE_MESSAGE, FILE_TYPE_MESSAGE, MAX_FULL_TEXT_CHARS, MAX_REGULATION_FILE_BYTES } from "./constants";

export type RegulationFileKind = "docx" | "doc" | "pdf" | "txt";

export function regulationFileKind(fileName: string): RegulationFileKind | null {
  const ext = fileName.trim().toLowerCase().split(".").pop() ?? "";
  return ext === "docx" || ext === "doc" || ext === "pdf" || ext === "txt" ? ext : null;
}

export function documentText(doc: SourceDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === "paragraph") lines.push(block.text);
    else for (const row of block.rows) lines.push(row.map((c) => c.text).filter(Boolean).join("\t"));
  }
  return lines.join("\n").trim();
}

export interface ExtractedText {
  text: string;
  /** false: nothing readable (scanned PDF, empty file): stored, flagged 无法检索. */
  searchable: boolean;
}

export async function extractRegulationText(fileName: string, bytes: Uint8Array): Promise<ExtractedText> {
  if (bytes.byteLength > MAX_REGULATION_FILE_BYTES) throw new UserFacingError(FILE_TOO_LARGE_MESSAGE);
  const kind = regulationFileKind(fileName);
  if (!kind) throw new UserFacingError(FILE_TYPE_MESSAGE);
  let text: string;
  try {
    if (kind === "txt") text = decodePlanTextBuffer(bytes).trim();
    else if (kind === "docx") text = documentText(await readDocx(bytes));
    else if (kind === "doc") text = documentText(await readDoc(bytes, "doc"));
    else text = documentText(await readPdf(bytes));
  } catch (error) {
    if (error instanceof ReaderError && error.message === PDF_SCANNED_MESSAGE) return { text: "", searchable: false };
    if (error instanceof ReaderError || error instanceof UserFacingError) throw new UserFacingError(error.message);
    throw error;
  }
  if (text.length > MAX_FULL_TEXT_CHARS) throw new UserFacingError(`制度全文超过 ${MAX_FULL_TEXT_CHARS / 10000} 万字，请拆分后再上传`);
  return { text, searchable: text.length > 0 };
}
