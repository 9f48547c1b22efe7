/**
 * Server side of the import: an uploaded file (.txt, .docx, .doc, .wps, .xlsx, .pdf) or pasted
 * text → ParsedPlan and how it was read, with a clear
 * Chinese message for everything that cannot be imported. Nothing here touches the database.
 */
import { UserFacingError } from "@/lib/action-state";
import { INVALID_DOCX_MESSAGE, looksLikeZip, MACRO_DOCX_MESSAGE, OVERSIZED_DOCX_MESSAGE, readDocx } from "./docx";
import { planFromDocument, type ColumnMappingChoice, type DocumentPlan } from "./import-document";
import { parsePlanText } from "./parse";
import { ReaderError, type SourceDocument } from "./readers/document";
import { decodePlanTextBuffer } from "./text-file";
import type { ParsedPlan } from "./types";
import {
  EMPTY_MESSAGE, EMPTY_TEXT_MESSAGE, kindOfFileName, MAX_IMPORT_BYTES, MAX_IMPORT_CHARS, MAX_PDF_PAGES, TOO_LARGE_MESSAGE, UNSUPPORTED_TYPE_MESSAGE,
  type ImportFileKind,
} from "./import-limits";

export * from "./import-limits";

export const NOT_TEXT_MESSAGE = "该文件不是纯文本文件，请上传 .txt 文本或 Word、Excel、PDF 文件";
export const UNREADABLE_FILE_MESSAGE = "无法读取该文件，请确认文件未损坏，或另存为 .docx 后再试";
export const TOO_LONG_MESSAGE = "文本过长（超过 100 万字），无法导入";
export const NO_STRUCTURE_MESSAGE = "未能识别出工作要点的结构（如“一、……”“1.……”），未导入任何内容，请检查文本格式";
export const UNREADABLE_DOCX_MESSAGE = "无法读取该 Word 文档，请另存为 .docx 或复制全文粘贴后再试";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // old binary Office (.doc, .xls)

export class TooLargeError extends UserFacingError {
  constructor() {
    super(TOO_LARGE_MESSAGE);
  }
}

/** Reads a request body, refusing (without reading on) as soon as it passes `limit` bytes. */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLargeError();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Plain text has no NUL bytes (UTF-16 files announce themselves with a BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

/** Parsed text, refusing empty, oversized and structureless text. */
export function parseImportText(text: string, defaultYear = new Date().getFullYear()): ParsedPlan {
  if (text.trim() === "") throw new UserFacingError(EMPTY_TEXT_MESSAGE);
  if (text.length > MAX_IMPORT_CHARS) throw new UserFacingError(TOO_LONG_MESSAGE);
  let plan: ParsedPlan;
  try {
    plan = parsePlanText(text, { defaultYear });
  } catch (error) {
    console.error("plan parse failed", error);
    throw new UserFacingError(NO_STRUCTURE_MESSAGE);
  }
  const points = plan.sections.reduce((n, s) => n + s.points.length, 0);
  if (points === 0) throw new UserFacingError(NO_STRUCTURE_MESSAGE);
  return plan;
}


const DOCX_MESSAGES = new Set([INVALID_DOCX_MESSAGE, MACRO_DOCX_MESSAGE, OVERSIZED_DOCX_MESSAGE]);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // "%PDF"
export const ENCRYPTED_OFFICE_MESSAGE = "该文件有密码保护，请去除密码后再导入";
export const NEEDS_MAPPING_MESSAGE = "未能识别表格的表头（序号、重点任务、牵头单位等），请在下方指定各列对应的内容后重新识别";

export interface ImportFileOptions {
  defaultYear?: number;
  /** Worksheet of a workbook to read (default: the first that holds a task table). */
  sheet?: string;
  mapping?: ColumnMappingChoice;
}

/** "%PDF" within the first KB (some generators put bytes before it). */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 <= head.length; i++) if (PDF_MAGIC.every((b, k) => head[i + k] === b)) return true;
  return false;
}

/** An encrypted .docx/.xlsx is an OLE file holding an "EncryptedPackage" stream (UTF-16 name). */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const needle = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** The kind by name; a name the import does not know (plan.bin, no extension) is judged by its content. */
function kindOf(fileName: string, bytes: Uint8Array): ImportFileKind {
  const kind = kindOfFileName(fileName);
  if (typeof kind === "string") return kind;
  if (kind.problem === UNSUPPORTED_TYPE_MESSAGE) {
    if (looksLikePdf(bytes)) return "pdf";
    if (startsWith(bytes, OLE_MAGIC)) return "doc";
    if (looksLikeZip(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("xl/workbook") ? "xlsx" : "docx";
  }
  throw new UserFacingError(kind.problem);
}

/** An uploaded file's bytes → the paragraphs and tables it holds, refusing what cannot be read. */
export async function readImportDocument(fileName: string, bytes: Uint8Array, options: ImportFileOptions = {}): Promise<SourceDocument> {
  let kind = kindOf(fileName, bytes);
  if (bytes.byteLength === 0) throw new UserFacingError(EMPTY_MESSAGE);
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new TooLargeError();
  const ole = startsWith(bytes, OLE_MAGIC);
  // The content decides over the name where they disagree (a .doc saved as .docx, a PDF renamed .txt).
  if (looksLikePdf(bytes) && kind !== "pdf") kind = "pdf";
  if (ole && (kind === "docx" || kind === "xlsx") && isEncryptedOoxml(bytes)) throw new UserFacingError(ENCRYPTED_OFFICE_MESSAGE);
  if (ole && (kind === "docx" || kind === "txt")) kind = "doc";
  try {
    switch (kind) {
      case "txt": {
        if (looksLikeZip(bytes) || looksBinary(bytes)) throw new UserFacingError(NOT_TEXT_MESSAGE);
        const text = decodePlanTextBuffer(bytes);
        if (text.trim() === "") throw new UserFacingError(EMPTY_MESSAGE);
        if (text.length > MAX_IMPORT_CHARS) throw new UserFacingError(TOO_LONG_MESSAGE);
        return { format: "txt", blocks: text.split(/\r\n|\r|\n/).map((line) => ({ kind: "paragraph", text: line })), warnings: [] };
      }
      case "docx":
        return await readDocx(bytes);
      case "xlsx": {
        const { readXlsx } = await import("./readers/xlsx");
        return await readXlsx(bytes, { sheet: options.sheet });
      }
      case "pdf": {
        const { readPdf } = await import("./readers/pdf");
        return await readPdf(bytes, { maxPages: MAX_PDF_PAGES });
      }
      case "doc":
      case "wps": {
        const { readDoc } = await import("./readers/doc");
        return await readDoc(bytes, kind);
      }
    }
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    if (error instanceof ReaderError) throw new UserFacingError(error.message);
    const message = error instanceof Error ? error.message : "";
    if (kind === "docx") throw new UserFacingError(DOCX_MESSAGES.has(message) ? message : UNREADABLE_DOCX_MESSAGE);
    console.error("plan import read failed", error);
    throw new UserFacingError(UNREADABLE_FILE_MESSAGE);
  }
}

/** What the import page gets back: the plan and how it was read. */
export function planOfDocument(doc: SourceDocument, options: ImportFileOptions = {}): DocumentPlan {
  const text = doc.blocks.reduce((n, b) => n + (b.kind === "paragraph" ? b.text.length : b.rows.length * 50), 0);
  if (text === 0) throw new UserFacingError(EMPTY_MESSAGE);
  const result = planFromDocument(doc, { defaultYear: options.defaultYear ?? new Date().getFullYear(), mapping: options.mapping });
  if (result.info.needsMapping) return result;
  const points = result.plan.sections.reduce((n, s) => n + s.points.length, 0);
  if (points === 0) throw new UserFacingError(NO_STRUCTURE_MESSAGE);
  return result;
}

/** An uploaded file's bytes → the plan and how it was read. */
export async function parseImportFile(fileName: string, bytes: Uint8Array, options: ImportFileOptions = {}): Promise<DocumentPlan> {
  return planOfDocument(await readImportDocument(fileName, bytes, options), options);
}

/** Pasted text → the plan, in the same shape as a file. */
export function parsePastedText(text: string, defaultYear?: number): DocumentPlan {
  const plan = parseImportText(text, defaultYear);
  return { plan, info: { format: "text", mode: "text", tables: [], needsMapping: false } };
}
