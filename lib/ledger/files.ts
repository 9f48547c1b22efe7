/**
 * Evidence files (佐证材料): the type is decided by content (magic bytes, and for DOCX/XLSX the
 * package structure), never by the name or the browser's type. Names are sanitised for storage
 * and for the Content-Disposition header.
 */
import crypto from "node:crypto";
import JSZip from "jszip";
import { UserFacingError } from "@/lib/action-state";
import { ACCEPTED_TYPES_LABEL, MAX_ATTACHMENT_BYTES } from "./constants";
import { isOle, oleDirectoryNames } from "./ole";

export type EvidenceKind = "pdf" | "jpeg" | "png" | "docx" | "xlsx" | "doc" | "xls" | "ofd";

export const KIND_MIME: Record<EvidenceKind, string> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ofd: "application/ofd",
};

const KIND_EXTENSIONS: Record<EvidenceKind, readonly string[]> = {
  pdf: [".pdf"],
  jpeg: [".jpg", ".jpeg"],
  png: [".png"],
  docx: [".docx"],
  xlsx: [".xlsx"],
  // WPS 文字 and WPS 表格 write the same binary formats as Word and Excel 97–2003.
  doc: [".doc", ".wps"],
  xls: [".xls", ".et"],
  ofd: [".ofd"],
};

/** Limits for OOXML packages: a 20 MB upload should never expand into gigabytes. */
export const ZIP_LIMITS = {
  maxEntries: 5_000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  /** An entry above this size must not be compressed more than maxRatio : 1. */
  ratioCheckAbove: 1024 * 1024,
  maxRatio: 100,
  maxContentTypesBytes: 1024 * 1024,
};

export const FILE_MESSAGES = {
  empty: "文件为空，请重新选择",
  tooLarge: `文件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 上限`,
  unsupported: `不支持的文件类型：仅接受 ${ACCEPTED_TYPES_LABEL} 文件（按文件内容识别，改扩展名无效）`,
  corrupt: "文件已损坏或不是有效的 Word/Excel/OFD 文档",
  macro: "不接受包含宏的 Word/Excel 文档，请另存为不含宏的 .docx / .xlsx 后上传",
  bomb: "文件压缩结构异常（疑似压缩炸弹），已拒绝",
} as const;

export class FileRejectedError extends UserFacingError {}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04

/**
 * Throws FileRejectedError unless the bytes are a PDF, JPEG, PNG, a macro-free DOCX/XLSX, a
 * macro-free Word/Excel 97–2003 (or WPS) binary document, or an OFD (版式文件) package.
 */
export async function detectEvidenceKind(bytes: Uint8Array): Promise<EvidenceKind> {
  if (bytes.length === 0) throw new FileRejectedError(FILE_MESSAGES.empty);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new FileRejectedError(FILE_MESSAGES.tooLarge);
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, ZIP)) return inspectOoxml(bytes);
  if (isOle(bytes)) return inspectOle(bytes);
  throw new FileRejectedError(FILE_MESSAGES.unsupported);
}

/** Word or Excel 97–2003 (or WPS): told apart by the directory's stream names; VBA storages are refused. */
function inspectOle(bytes: Uint8Array): EvidenceKind {
  const names = oleDirectoryNames(bytes);
  if (!names) throw new FileRejectedError(FILE_MESSAGES.corrupt);
  if (names.some((n) => n === "Macros" || n === "_VBA_PROJECT_CUR" || n === "VBA" || n === "_VBA_PROJECT")) throw new FileRejectedError(FILE_MESSAGES.macro);
  if (names.includes("WordDocument")) return "doc";
  if (names.includes("Workbook") || names.includes("Book")) return "xls";
  throw new FileRejectedError(FILE_MESSAGES.unsupported);
}

interface ZipEntryInternals {
  _data?: { compressedSize?: number; uncompressedSize?: number };
}

async function inspectOoxml(bytes: Uint8Array): Promise<EvidenceKind> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new FileRejectedError(FILE_MESSAGES.corrupt);
  }
  const entries = Object.values(zip.files);
  if (entries.length > ZIP_LIMITS.maxEntries) throw new FileRejectedError(FILE_MESSAGES.bomb);
  // Declared sizes from the central directory: nothing is decompressed to check them.
  let total = 0;
  for (const entry of entries) {
    const data = (entry as unknown as ZipEntryInternals)._data;
    const size = data?.uncompressedSize ?? 0;
    const packed = data?.compressedSize ?? 0;
    total += size;
    if (size > ZIP_LIMITS.ratioCheckAbove && size > Math.max(1, packed) * ZIP_LIMITS.maxRatio) throw new FileRejectedError(FILE_MESSAGES.bomb);
  }
  if (total > ZIP_LIMITS.maxTotalUncompressed) throw new FileRejectedError(FILE_MESSAGES.bomb);

  const names = new Set(entries.map((e) => e.name));
  const lower = entries.map((e) => e.name.toLowerCase());
  if (lower.some((n) => n.endsWith("vbaproject.bin") || n.endsWith("vbadata.xml"))) throw new FileRejectedError(FILE_MESSAGES.macro);

  // OFD (GB/T 33190 版式文件): a ZIP whose entry point is OFD.xml at the root.
  if (names.has("OFD.xml")) return "ofd";

  const contentTypesFile = zip.file("[Content_Types].xml");
  if (!contentTypesFile) throw new FileRejectedError(FILE_MESSAGES.unsupported);
  const contentTypes = await readCapped(contentTypesFile, ZIP_LIMITS.maxContentTypesBytes);
  if (/macroenabled|vbaproject/i.test(contentTypes)) throw new FileRejectedError(FILE_MESSAGES.macro);

  const isDocx = names.has("word/document.xml") && contentTypes.includes("wordprocessingml.document.main+xml");
  const isXlsx = names.has("xl/workbook.xml") && contentTypes.includes("spreadsheetml.sheet.main+xml");
  if (isDocx === isXlsx) throw new FileRejectedError(FILE_MESSAGES.unsupported);
  return isDocx ? "docx" : "xlsx";
}

/** JSZip's StreamHelper (present at run time, missing from its typings). */
interface InternalStream {
  on(event: "data", cb: (chunk: Uint8Array) => void): InternalStream;
  on(event: "error", cb: (error: unknown) => void): InternalStream;
  on(event: "end", cb: () => void): InternalStream;
  pause(): InternalStream;
  resume(): InternalStream;
}

/** Decompresses one entry, giving up as soon as it yields more than `cap` bytes (sizes in headers can lie). */
function readCapped(file: JSZip.JSZipObject, cap: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const stream = (file as unknown as { internalStream(type: "uint8array"): InternalStream }).internalStream("uint8array");
    stream.on("data", (chunk: Uint8Array) => {
      if (settled) return;
      total += chunk.length;
      if (total > cap) {
        settled = true;
        stream.pause();
        reject(new FileRejectedError(FILE_MESSAGES.bomb));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("error", () => {
      if (settled) return;
      settled = true;
      reject(new FileRejectedError(FILE_MESSAGES.corrupt));
    });
    stream.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    stream.resume();
  });
}

// Control characters (C0, DEL, C1), zero-width and bidirectional override characters.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const MAX_NAME_CHARS = 120;

/**
 * A safe display/storage name: no path parts ("../", "C:\"), no NUL/CR/LF or other control
 * characters, no characters Windows forbids, no leading dots; Chinese is kept. When the detected
 * kind is given, the extension is made to match it ("签到表.exe" holding a PDF → "签到表.exe.pdf").
 */
export function sanitizeFileName(raw: string, kind?: EvidenceKind): string {
  let name = String(raw ?? "").normalize("NFC").replace(INVISIBLE, "");
  name = name.split(/[\\/]/).pop() ?? "";
  name = name
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  let ext = extensionOf(name);
  if (kind && !KIND_EXTENSIONS[kind].includes(ext)) {
    ext = KIND_EXTENSIONS[kind][0];
    name = name ? `${name}${ext}` : ext;
  }
  let stem = ext && name.toLowerCase().endsWith(ext) ? name.slice(0, name.length - ext.length) : name;
  stem = stem.replace(/[.\s]+$/, "");
  if (!stem) stem = "附件";
  const chars = Array.from(stem);
  if (chars.length + ext.length > MAX_NAME_CHARS) stem = chars.slice(0, MAX_NAME_CHARS - ext.length).join("");
  return `${stem}${ext}`;
}

function extensionOf(name: string): string {
  const m = /\.[A-Za-z0-9]{1,8}$/.exec(name);
  return m ? m[0].toLowerCase() : "";
}

export interface InspectedUpload {
  kind: EvidenceKind;
  mimeType: string;
  fileName: string;
  size: number;
  sha256: string;
}

export async function inspectUpload(rawName: string, bytes: Uint8Array): Promise<InspectedUpload> {
  const kind = await detectEvidenceKind(bytes);
  return {
    kind,
    mimeType: KIND_MIME[kind],
    fileName: sanitizeFileName(rawName, kind),
    size: bytes.length,
    sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
  };
}

/** RFC 5987/6266: an ASCII fallback plus the UTF-8 original ("签到表.pdf"). */
export function contentDisposition(fileName: string): string {
  const safe = sanitizeFileName(fileName);
  const ext = extensionOf(safe);
  let fallback = Array.from(safe)
    .map((c) => (/^[\x20-\x7e]$/.test(c) && !`"\\%;`.includes(c) ? c : "_"))
    .join("");
  if (/^_*$/.test(ext ? fallback.slice(0, -ext.length) : fallback)) fallback = `download${ext}`;
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
