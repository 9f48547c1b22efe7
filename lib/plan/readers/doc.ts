/**
 * Word 97–2003 (.doc) and WPS 文字 (.wps: current WPS writes the same binary format) → paragraphs
 * and tables, with word-extractor (pure JS). Only the main text is read: headers, footers,
 * footnotes, comments and text boxes are left out.
 *
 * word-extractor runs in a worker thread with a time limit, a heap limit and a cap on the buffers
 * it allocates: it follows a cyclic sector chain forever and allocates whatever a header claims.
 * The worker returns the raw main text, before word-extractor's cleaning turns the marks into tabs
 * and newlines ("\r" ends a paragraph, "\x07" a table cell or row), and from the paragraph
 * properties which cell marks end a row and which paragraph marks lie inside a table, so a cell of
 * several paragraphs stays one cell. A row with fewer cells than the table (a section row merged
 * across) is padded on the right with `mergedFrom: "left"`; a vertically merged cell is empty.
 * Word's automatic list numbers are not in the text (they live in the list tables): they are lost,
 * with a warning when the body uses them.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ReaderError, type GridCell, type SourceBlock, type SourceDocument } from "./document";

export const DOC_INVALID_MESSAGE = "文件不是有效的 Word 97-2003（.doc）或 WPS 文档，请另存为 .docx 后再导入";
export const DOC_ENCRYPTED_MESSAGE = "该 Word 文档有密码保护，请去除密码后再导入";
export const DOC_IS_XLS_MESSAGE = "该文件是 Excel 97-2003（.xls）表格，请在 Excel 中另存为 .xlsx 后再导入";
export const DOC_TOO_COMPLEX_MESSAGE = "读取该 Word 文档超出了时间或内存限制（文件过大或结构异常），请另存为 .docx 后再导入";
export const DOC_AUTO_NUMBERING_WARNING = "文档使用了 Word 自动编号，.doc 格式读不出这些编号（如“1.”），请核对导入结果中的序号，或在 Word 中另存为 .docx 后再导入";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Bounds for one file (the caller has already refused inputs over 10 MB). */
export const DOC_LIMITS = { timeoutMs: 20_000, heapMb: 256, concurrent: 2 } as const;

type WorkerReply =
  | { ok: true; text: string; inTable: number[]; rowEnds: number[]; headerRowEnds: number[]; numbered: boolean }
  | { ok: false; reason: "invalid" | "encrypted" | "xls" | "limit" };

/**
 * The worker, as CommonJS source that no bundler touches: word-extractor's modules come from the
 * project's node_modules. Positions it returns are CPs (indexes) in the raw main text.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const path = require("node:path");

// A cap on all buffers allocated here: word-extractor allocates whatever sector counts a header claims.
let budget = workerData.allocBudget;
const alloc = Buffer.alloc;
Buffer.alloc = function (size, ...rest) {
  budget -= size;
  if (!(budget >= 0)) throw new Error("allocation budget exceeded");
  return alloc.call(this, size, ...rest);
};

// Sprm operand sizes by spra; 6 is variable (sprmTDefTable has a 2-byte length).
function sprmsOf(grpprl, visit) {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    const spra = sprm >> 13;
    let size = [1, 1, 2, 4, 2, 2, -1, 3][spra];
    if (size < 0) size = sprm === 0xd608 ? 1 + grpprl.readUInt16LE(at) : 1 + grpprl[at];
    if (at + size > grpprl.length) return;
    visit(sprm, grpprl.subarray(at, at + size));
    at += size;
  }
}

// The paragraph properties that matter here; sprmPHugePapx moves them into the Data stream.
function propertiesOf(grpprl, data) {
  const found = { table: false, rowEnd: false, header: false, list: false };
  const visit = (sprm, operand) => {
    if ((sprm === 0x2416 && operand[0] === 1) || (sprm === 0x6649 && operand.readInt32LE(0) > 0)) found.table = true;
    if (sprm === 0x2417 && operand[0] === 1) found.rowEnd = true;
    if (sprm === 0x3404 && operand[0] === 1) found.header = true;
    if (sprm === 0x460b && operand.readInt16LE(0) > 0 && operand.readInt16LE(0) < 0x7ff) found.list = true;
  };
  sprmsOf(grpprl, (sprm, operand) => {
    visit(sprm, operand);
    const at = sprm === 0x6646 ? operand.readUInt32LE(0) : -1;
    if (at >= 0 && at + 2 <= data.length) sprmsOf(data.subarray(at + 2, at + 2 + data.readUInt16LE(at)), visit);
  });
  return found;
}

// Walks the paragraph properties (PlcBtePapx → PapxFkp pages) for the marks of the main text:
// paragraph ends inside a table (sprmPFInTable, sprmPItap), row ends (sprmPFTtp) and those of
// repeated header rows (sprmTTableHeader), and automatic numbering (sprmPIlfo).
function paragraphMarks(word, table, data, pieces, text) {
  const [inTable, rowEnds, headerRowEnds] = [[], [], []];
  let numbered = false;
  const fc = word.readUInt32LE(0x0102);
  const lcb = word.readUInt32LE(0x0106);
  if (lcb < 12 || fc + lcb > table.length) throw new Error("no paragraph properties");
  const count = Math.floor((lcb - 4) / 8);
  const pages = new Set();
  for (let i = 0; i < count; i++) pages.add(table.readUInt32LE(fc + (count + 1) * 4 + i * 4) & 0x3fffff);
  const cpRange = (from, to, each) => {
    for (const piece of pieces) {
      const start = Math.max(from, piece.startFilePos);
      const end = Math.min(to, piece.endFilePos);
      if (start >= end) continue;
      const first = piece.startCp + Math.floor((start - piece.startFilePos) / piece.bpc);
      const last = Math.min(piece.startCp + Math.ceil((end - piece.startFilePos) / piece.bpc), text.length);
      for (let cp = first; cp < last; cp++) each(cp);
    }
  };
  for (const page of pages) {
    const fkp = word.subarray(page * 512, page * 512 + 512);
    if (fkp.length < 512) continue;
    const runs = fkp[511];
    for (let j = 0; j < runs && (runs + 1) * 4 + j * 13 < 511; j++) {
      const offset = fkp[(runs + 1) * 4 + j * 13] * 2;
      if (offset === 0) continue;
      // PapxInFkp: cb, then GrpPrlAndIstd of 2cb-1 bytes; cb 0 means a second byte cb' and 2cb' bytes.
      const [at, size] = fkp[offset] > 0 ? [offset + 1, 2 * fkp[offset] - 1] : [offset + 2, 2 * fkp[offset + 1]];
      if (size < 2 || at + size > 511) continue;
      const { table, rowEnd, header, list } = propertiesOf(fkp.subarray(at + 2, at + size), data);
      if (!table && !list && !rowEnd) continue;
      cpRange(fkp.readUInt32LE(j * 4), fkp.readUInt32LE(j * 4 + 4), (cp) => {
        const c = text[cp];
        if (list && !table) numbered = true;
        if (table && (c === "\r" || c === "\n")) inTable.push(cp);
        if (rowEnd && c === "\x07") (header ? [rowEnds, headerRowEnds] : [rowEnds]).forEach((marks) => marks.push(cp));
      });
    }
  }
  return { inTable, rowEnds, headerRowEnds, numbered };
}

// Loaded outside run(): a missing library is an error event, not an unreadable file.
function libraryDirectory() {
  for (const base of workerData.bases) {
    try { return path.dirname(createRequire(base).resolve("word-extractor")); } catch { /* next base */ }
  }
  throw new Error("word-extractor is not installed");
}
const lib = libraryDirectory();
const OleCompoundDoc = require(path.join(lib, "ole-compound-doc.js"));
const BufferReader = require(path.join(lib, "buffer-reader.js"));
const WordOleExtractor = require(path.join(lib, "word-ole-extractor.js"));

async function run() {
  const ole = new OleCompoundDoc(new BufferReader(Buffer.from(workerData.bytes)));
  await ole.read();
  const streams = ole._rootStorage._dirEntry.streams;
  const has = (name) => Object.prototype.hasOwnProperty.call(streams, name);
  if (!has("WordDocument")) {
    return { ok: false, reason: has("EncryptedPackage") ? "encrypted" : has("Workbook") || has("Book") ? "xls" : "invalid" };
  }
  const extractor = new WordOleExtractor();
  const word = await extractor.streamBuffer(ole.stream("WordDocument"));
  // FibBase: wIdent 0xA5EC; nFib below 0xC0 is Word 6/95, whose layout word-extractor cannot read.
  if (word.length < 0x1a6 || word.readUInt16LE(0) !== 0xa5ec || word.readUInt16LE(2) < 0xc0) return { ok: false, reason: "invalid" };
  if ((word.readUInt16LE(0x0a) & 0x0100) !== 0) return { ok: false, reason: "encrypted" };
  let table = Buffer.alloc(0);
  const writePieces = extractor.writePieces;
  extractor.writePieces = function (buffer, tableBuffer) { table = tableBuffer; writePieces.call(this, buffer, tableBuffer); };
  // Its row-end marking rebuilds the whole text once per row: paragraphMarks finds the rows instead.
  extractor.writeParagraphProperties = () => {};
  extractor.buildDocument = () => null;
  await extractor.extractWordDocument(ole, word);
  const text = extractor._pieces.map((piece) => piece.text).join("").slice(0, extractor._boundaries.ccpText);
  const data = has("Data") ? await extractor.streamBuffer(ole.stream("Data")) : Buffer.alloc(0);
  return { ok: true, text, ...paragraphMarks(word, table, data, extractor._pieces, text) };
}

run().then(
  (reply) => parentPort.postMessage(reply),
  () => parentPort.postMessage({ ok: false, reason: "invalid" }),
);
`;

let running = 0;
const waiting: Array<() => void> = [];

/** Runs the worker on one file, at most DOC_LIMITS.concurrent at a time (a finished one hands its slot on). */
async function inWorker(bytes: Uint8Array, timeoutMs: number): Promise<WorkerReply> {
  if (running < DOC_LIMITS.concurrent) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await new Promise<WorkerReply>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { bytes, bases: [path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"), import.meta.url], allocBudget: 64 * 2 ** 20 + 4 * bytes.byteLength },
        resourceLimits: { maxOldGenerationSizeMb: DOC_LIMITS.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      });
      let settled = false;
      const finish = (reply: WorkerReply | Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (reply instanceof Error) reject(reply);
        else resolve(reply);
      };
      const limit: WorkerReply = { ok: false, reason: "limit" };
      const timer = setTimeout(() => finish(limit), timeoutMs);
      worker.once("message", (reply: WorkerReply) => finish(reply));
      // Out of memory is the file's doing; any other crash (word-extractor missing) is ours.
      worker.once("error", (error) => finish(error instanceof Error && "code" in error && error.code === "ERR_WORKER_OUT_OF_MEMORY" ? limit : error));
      worker.once("exit", () => finish({ ok: false, reason: "invalid" }));
    });
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Hides field codes (\x13 code \x14 result \x15 keeps the result); unmatched marks are ignored. */
function hiddenFieldCodes(raw: string): Uint8Array {
  const depth = new Int32Array(raw.length + 1);
  const open: Array<{ begin: number; separator: number }> = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x13) open.push({ begin: i, separator: -1 });
    else if (c === 0x14 && open.length > 0 && open[open.length - 1]!.separator < 0) open[open.length - 1]!.separator = i;
    else if (c === 0x15 && open.length > 0) {
      const field = open.pop()!;
      depth[field.begin]! += 1;
      depth[(field.separator >= 0 ? field.separator : i) + 1]! -= 1;
    }
  }
  const hidden = new Uint8Array(raw.length);
  let level = 0;
  for (let i = 0; i < raw.length; i++) {
    level += depth[i]!;
    if (level > 0) hidden[i] = 1;
  }
  return hidden;
}

/** From the paragraph properties, as CPs in the raw text: paragraph marks inside cells, cell marks that end a row (of a header row). */
export interface ParagraphMarks {
  inTable?: ReadonlySet<number>;
  rowEnds?: ReadonlySet<number>;
  headerRowEnds?: ReadonlySet<number>;
}

/**
 * The raw main text → blocks: "\r" ends a paragraph, "\x07" a cell, or a row at `rowEnds`.
 * Paragraphs are trimmed and empty ones dropped; a line break (\x0b) stays as "\n" in its paragraph,
 * the paragraphs of a cell are joined with "\n".
 */
export function rawBodyToBlocks(raw: string, marks: ParagraphMarks = {}): SourceBlock[] {
  const none = new Set<number>();
  const { inTable = none, rowEnds = none, headerRowEnds = none } = marks;
  const blocks: SourceBlock[] = [];
  const hidden = hiddenFieldCodes(raw);
  let text = "";
  let cell: string[] = [];
  let row: string[] = [];
  let rows: string[][] = [];
  let headerRows: number[] = [];
  const endCell = () => {
    row.push([...cell, text].join("\n").trim());
    cell = [];
    text = "";
  };
  const flushTable = () => {
    if (cell.length > 0 || (row.length > 0 && text.trim() !== "")) endCell();
    if (row.length > 0) rows.push(row);
    if (rows.length > 0) {
      const width = rows.reduce((max, cells) => Math.max(max, cells.length), 0);
      const grid: GridCell[][] = rows.map((cells) => [
        ...cells.map((value) => ({ text: value })),
        ...Array.from({ length: width - cells.length }, () => ({ text: "", mergedFrom: "left" as const })),
      ]);
      blocks.push(headerRows.length > 0 ? { kind: "table", rows: grid, headerRows } : { kind: "table", rows: grid });
    }
    [rows, row, headerRows] = [[], [], []];
  };
  for (let i = 0; i < raw.length; i++) {
    if (hidden[i]) continue;
    const c = raw[i] as string;
    switch (c) {
      case "\r":
      case "\n":
      case "\x0c": // page or section break
      case "\x0e": // column break
        // Inside a cell: a paragraph mark flagged in-table, or any before the row's end.
        if (inTable.has(i) || row.length > 0 || cell.length > 0) cell.push(text);
        else {
          flushTable();
          if (text.trim() !== "") blocks.push({ kind: "paragraph", text: text.trim() });
        }
        text = "";
        break;
      case "\x07":
        if (!rowEnds.has(i)) endCell();
        else {
          // The row-end mark is a paragraph of its own: text before it would be a stray cell.
          if (cell.length > 0 || text.trim() !== "") endCell();
          if (headerRowEnds.has(i)) headerRows.push(rows.length);
          rows.push(row);
          [row, cell, text] = [[], [], ""];
        }
        break;
      case "\x0b":
        text += "\n";
        break;
      case "\x1e": // non-breaking hyphen
        text += "-";
        break;
      default:
        // Other marks (pictures, footnote references, optional hyphens, deleted text) are not text.
        if (c >= " " || c === "\t") text += c;
    }
  }
  if (cell.length === 0 && row.length === 0 && text.trim() !== "") {
    flushTable();
    blocks.push({ kind: "paragraph", text: text.trim() });
  }
  flushTable();
  return blocks;
}

/** Reads a .doc/.wps; `timeoutMs` (tests) shortens the time limit. Throws ReaderError for what it refuses. */
export async function readDoc(bytes: Uint8Array, format: "doc" | "wps", options: { timeoutMs?: number } = {}): Promise<SourceDocument> {
  if (bytes.byteLength < 512 || !OLE_SIGNATURE.every((byte, index) => bytes[index] === byte)) throw new ReaderError(DOC_INVALID_MESSAGE);
  const reply = await inWorker(bytes, options.timeoutMs ?? DOC_LIMITS.timeoutMs);
  if (!reply.ok) {
    const messages = { encrypted: DOC_ENCRYPTED_MESSAGE, xls: DOC_IS_XLS_MESSAGE, limit: DOC_TOO_COMPLEX_MESSAGE, invalid: DOC_INVALID_MESSAGE };
    throw new ReaderError(messages[reply.reason]);
  }
  const blocks = rawBodyToBlocks(reply.text, { inTable: new Set(reply.inTable), rowEnds: new Set(reply.rowEnds), headerRowEnds: new Set(reply.headerRowEnds) });
  return { format, blocks, warnings: reply.numbered ? [DOC_AUTO_NUMBERING_WARNING] : [] };
}
