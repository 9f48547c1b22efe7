/**
 * Server side of the import: an uploaded .txt/.docx or pasted text → ParsedPlan, with a clear
 * Chinese message for everything that cannot be imported. Nothing here touches the database.
 */
import { UserFacingError } from "@/lib/action-state";
import { docxToPlanText, INVALID_DOCX_MESSAGE, looksLikeZip, MACRO_DOCX_MESSAGE, OVERSIZED_DOCX_MESSAGE } from "./docx";
import { parsePlanText } from "./parse";
import { decodePlanTextBuffer } from "./text-file";
import type { ParsedPlan } from "./types";
import {
  EMPTY_MESSAGE, EMPTY_TEXT_MESSAGE, LEGACY_DOC_MESSAGE, MAX_IMPORT_BYTES, MAX_IMPORT_CHARS, TOO_LARGE_MESSAGE, UNSUPPORTED_TYPE_MESSAGE,
} from "./import-limits";

export * from "./import-limits";

export const NOT_TEXT_MESSAGE = "该文件不是纯文本文件，请上传 .txt 文本或 .docx Word 文档";
export const TOO_LONG_MESSAGE = "文本过长（超过 100 万字），无法导入";
export const NO_STRUCTURE_MESSAGE = "未能识别出工作要点的结构（如“一、……”“1.……”），未导入任何内容，请检查文本格式";
export const UNREADABLE_DOCX_MESSAGE = "无法读取该 Word 文档，请另存为 .docx 或复制全文粘贴后再试";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // old binary Office (.doc, .xls)

export type ImportFileKind = "txt" | "docx";

export class TooLargeError extends UserFacingError {
  constructor() {
    super(TOO_LARGE_MESSAGE);
  }
}

/** The kind of an uploaded file by its name; refuses anything else. */
export function importFileKind(fileName: string): ImportFileKind {
  const lower = fileName.trim().toLowerCase();
  if (lower.endsWith(".txt")) return "txt";
  if (lower.endsWith(".docx")) return "docx";
  if (lower.endsWith(".doc") || lower.endsWith(".wps")) throw new UserFacingError(LEGACY_DOC_MESSAGE);
  throw new UserFacingError(UNSUPPORTED_TYPE_MESSAGE);
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

/** An uploaded file's bytes → ParsedPlan. */
export async function parseImportFile(fileName: string, bytes: Uint8Array, defaultYear?: number): Promise<ParsedPlan> {
  const kind = importFileKind(fileName);
  if (bytes.byteLength === 0) throw new UserFacingError(EMPTY_MESSAGE);
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new TooLargeError();
  if (startsWith(bytes, OLE_MAGIC)) throw new UserFacingError(LEGACY_DOC_MESSAGE);
  if (kind === "txt") {
    if (looksLikeZip(bytes) || looksBinary(bytes)) throw new UserFacingError(NOT_TEXT_MESSAGE);
    const text = decodePlanTextBuffer(bytes);
    if (text.trim() === "") throw new UserFacingError(EMPTY_MESSAGE);
    return parseImportText(text, defaultYear);
  }
  let text: string;
  try {
    text = await docxToPlanText(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    throw new UserFacingError(DOCX_MESSAGES.has(message) ? message : UNREADABLE_DOCX_MESSAGE);
  }
  if (text.trim() === "") throw new UserFacingError(EMPTY_MESSAGE);
  return parseImportText(text, defaultYear);
}

