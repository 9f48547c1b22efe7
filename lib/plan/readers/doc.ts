/**
 * Word 97–2003 (.doc) and WPS 文字 (.wps, written in the same binary format by current WPS) →
 * paragraphs and tables, with word-extractor (pure JS, reads the OLE compound file and the
 * piece table; no native code, no LibreOffice at run time). Headers, footers and footnotes are
 * not body text and are left out.
 *
 * word-extractor turns each table cell mark into a tab, so a table row is a line ending with a
 * tab: "序号\t重点任务\t…\t完成时限\t". A cell of several paragraphs spans several lines until that
 * final tab. A row with fewer cells (a section row merged across) is padded with merged cells;
 * a vertically merged cell arrives empty, which the table recogniser reads as a continuation.
 */
import { ReaderError, type GridCell, type SourceBlock, type SourceDocument } from "./document";

export const DOC_INVALID_MESSAGE = "文件不是有效的 Word 97-2003（.doc）或 WPS 文档，请另存为 .docx 后再导入";
export const DOC_ENCRYPTED_MESSAGE = "该 Word 文档有密码保护，请去除密码后再导入";
export const DOC_IS_XLS_MESSAGE = "该文件是 Excel 97-2003（.xls）表格，请在 Excel 中另存为 .xlsx 后再导入";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const FIB_FLAGS_OFFSET = 0x0a;
const FIB_ENCRYPTED = 0x0100;
const ENCRYPTED_ERROR = "fazhi:encrypted-doc";

interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
}
type Extractor = { extract(source: Buffer): Promise<WordDocument> };

let patched = false;

/**
 * word-extractor reads encrypted documents as garbage: refuse them from the FIB's fEncrypted flag,
 * checked where the library reads the FIB (its only hook), before any text is decoded.
 */
async function loadExtractor(): Promise<new () => Extractor> {
  const [{ default: WordExtractor }, oleModule] = await Promise.all([
    import("word-extractor") as Promise<{ default: new () => Extractor }>,
    import("word-extractor/lib/word-ole-extractor.js") as Promise<{ default: { prototype: Record<string, unknown> } }>,
  ]);
  const prototype = oleModule.default.prototype;
  if (!patched && typeof prototype.extractWordDocument === "function") {
    const original = prototype.extractWordDocument as (this: unknown, document: unknown, buffer: Buffer) => Promise<unknown>;
    prototype.extractWordDocument = function (this: unknown, document: unknown, buffer: Buffer) {
      if (buffer.length > FIB_FLAGS_OFFSET + 2 && (buffer.readUInt16LE(FIB_FLAGS_OFFSET) & FIB_ENCRYPTED) !== 0) return Promise.reject(new Error(ENCRYPTED_ERROR));
      return original.call(this, document, buffer);
    };
    patched = true;
  }
  return WordExtractor;
}

const contains = (bytes: Buffer, text: string) => bytes.indexOf(Buffer.from(text, "utf16le")) >= 0;

/** Lines from `start` joined up to the one that ends a table row (a final tab), or null. */
function rowFrom(lines: readonly string[], start: number): { cells: string[]; next: number } | null {
  let text = lines[start] as string;
  let j = start;
  // The lines of a cell with several paragraphs belong to the row until its final tab.
  while (!text.endsWith("\t") && j + 1 < lines.length && j - start < 50) {
    const next = lines[j + 1] as string;
    if (!text.includes("\t") && ((next.trim() === "" && !next.includes("\t")) || j - start >= 3)) break;
    j++;
    text += `\n${next}`;
  }
  return text.endsWith("\t") ? { cells: text.slice(0, -1).split("\t"), next: j + 1 } : null;
}

/** Body text → blocks: rows (lines ending in a tab) grouped into tables, other lines as paragraphs. */
export function bodyToBlocks(body: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let table: string[][] | null = null;
  const flushTable = () => {
    if (!table) return;
    const width = table.reduce((max, row) => Math.max(max, row.length), 0);
    const rows: GridCell[][] = table.map((cells) => [
      ...cells.map((text) => ({ text: text.trim() })),
      ...Array.from({ length: width - cells.length }, () => ({ text: "", mergedFrom: "left" as const })),
    ]);
    blocks.push({ kind: "table", rows });
    table = null;
  };
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length;) {
    const line = lines[i] as string;
    // A row starts with a tab on this line, or (inside a table) a first cell of several paragraphs.
    const row = line.includes("\t") || table !== null ? rowFrom(lines, i) : null;
    if (row) {
      table ??= [];
      table.push(row.cells);
      i = row.next;
      continue;
    }
    flushTable();
    if (line.trim() !== "") blocks.push({ kind: "paragraph", text: line.replace(/\t+/g, " ").trim() });
    i++;
  }
  flushTable();
  return blocks;
}

export async function readDoc(bytes: Uint8Array, format: "doc" | "wps"): Promise<SourceDocument> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!OLE_MAGIC.every((byte, index) => buffer[index] === byte)) throw new ReaderError(DOC_INVALID_MESSAGE);
  if (contains(buffer, "EncryptedPackage")) throw new ReaderError(DOC_ENCRYPTED_MESSAGE);
  const hasWordStream = contains(buffer, "WordDocument");
  if (!hasWordStream && (contains(buffer, "Workbook") || contains(buffer, "Book"))) throw new ReaderError(DOC_IS_XLS_MESSAGE);
  if (!hasWordStream) throw new ReaderError(DOC_INVALID_MESSAGE);
  const WordExtractor = await loadExtractor();
  let body: string;
  try {
    const document = await new WordExtractor().extract(Buffer.from(buffer));
    body = document.getBody({ filterUnicode: false });
  } catch (error) {
    if (error instanceof Error && error.message === ENCRYPTED_ERROR) throw new ReaderError(DOC_ENCRYPTED_MESSAGE);
    throw new ReaderError(DOC_INVALID_MESSAGE);
  }
  return { format, blocks: bodyToBlocks(body), warnings: [] };
}
