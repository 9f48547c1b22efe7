/**
 * Word (.docx) → plan text, one line per paragraph, with Word's automatic list numbers
 * ("一、", "1.") written back in front of the paragraphs: mammoth would drop them, and
 * without them parsePlanText cannot see the plan's structure.
 *
 * Uploaded files are untrusted: anything that is not a docx is refused with a Chinese
 * message (the caller shows it), as are macro-enabled documents and parts that inflate
 * beyond 50 MB (zip bombs) — checked against the declared size and enforced while inflating.
 */
import JSZip from "jszip";
import { parseNumberingXml, parseStylesXml, type NumberingDefinitions, type ParagraphStyle } from "./docx-numbering";
import { documentToBlocks } from "./readers/docx-blocks";
import type { SourceDocument } from "./readers/document";

export const INVALID_DOCX_MESSAGE = "文件不是有效的 Word（.docx）文档";
export const MACRO_DOCX_MESSAGE = "不接受包含宏的 Word 文档";
export const OVERSIZED_DOCX_MESSAGE = "Word 文档内容过大（解压后超过 50 MB），已拒绝处理";

const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"

/** True when the bytes start like a zip archive (every .docx does). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((byte, index) => bytes[index] === byte);
}

export async function docxToPlanText(buf: Buffer | Uint8Array): Promise<string> {
  const { documentXml, numbering, styles } = await openDocx(buf);
  return documentToLines(documentXml, numbering, styles).join("\n");
}

async function openDocx(buf: Uint8Array): Promise<{ documentXml: string; numbering: NumberingDefinitions; styles: Map<string, ParagraphStyle> }> {
  if (!(buf instanceof Uint8Array) || !looksLikeZip(buf)) throw new Error(INVALID_DOCX_MESSAGE);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new Error(INVALID_DOCX_MESSAGE);
  }
  if (zip.file(/(^|\/)vbaProject\.bin$/i).length > 0 || zip.file(/(^|\/)vbaData\.xml$/i).length > 0) {
    throw new Error(MACRO_DOCX_MESSAGE);
  }
  const documentEntry = zip.file("word/document.xml");
  if (!documentEntry) throw new Error(INVALID_DOCX_MESSAGE);

  const budget = { remaining: MAX_UNCOMPRESSED_BYTES };
  const documentXml = await readPart(documentEntry, budget);
  const numberingEntry = zip.file("word/numbering.xml");
  const stylesEntry = zip.file("word/styles.xml");
  const numbering = numberingEntry ? parseNumberingXml(await readPart(numberingEntry, budget)) : { abstractNums: new Map(), nums: new Map() };
  const styles = stylesEntry ? parseStylesXml(await readPart(stylesEntry, budget)) : new Map<string, ParagraphStyle>();
  return { documentXml, numbering, styles };
}

/** The document's paragraphs and tables (tables as grids with their merges). */
export async function readDocx(buf: Uint8Array): Promise<SourceDocument> {
  const { documentXml, numbering, styles } = await openDocx(buf);
  return { format: "docx", blocks: documentToBlocks(documentXml, numbering, styles), warnings: [] };
}

/** Inflates one zip entry, refusing to go past the shared byte budget. */
async function readPart(entry: JSZip.JSZipObject, budget: { remaining: number }): Promise<string> {
  // JSZip's declared size (from the central directory) lets us refuse early; it can lie,
  // so the stream below enforces the budget on the bytes actually produced.
  const declared = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  if (typeof declared === "number" && declared > budget.remaining) throw new Error(OVERSIZED_DOCX_MESSAGE);
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    // internalStream is JSZip's public streaming API (documented, missing from its typings);
    // unlike async("uint8array") it lets us stop as soon as the budget is exceeded.
    const streamable = entry as unknown as { internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array> };
    const stream = streamable.internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        if (settled) return;
        total += chunk.length;
        if (total > budget.remaining) {
          settled = true;
          stream.pause();
          reject(new Error(OVERSIZED_DOCX_MESSAGE));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", () => {
        if (settled) return;
        settled = true;
        reject(new Error(INVALID_DOCX_MESSAGE));
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        resolve(concatBytes(chunks, total));
      });
    stream.resume();
  });
  budget.remaining -= bytes.length;
  return decodeXml(bytes);
}

function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Word writes UTF-8; UTF-16 parts (with a BOM) are legal and decoded too. */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/** Plain lines of the document: one per paragraph, table cells' paragraphs in reading order. */
export function documentToLines(documentXml: string, numbering: NumberingDefinitions, styles: ReadonlyMap<string, ParagraphStyle>): string[] {
  return documentToBlocks(documentXml, numbering, styles).flatMap((block) =>
    block.kind === "paragraph" ? [block.text] : block.rows.flatMap((row) => row.filter((cell) => cell.text !== "").flatMap((cell) => cell.text.split("\n"))),
  );
}
