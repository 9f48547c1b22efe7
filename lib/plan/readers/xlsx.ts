/**
 * Excel (.xlsx) → SourceDocument: the task table (任务分解表) of one worksheet as a grid with
 * its merges, and the title rows above its header ("附件1", "……任务分解表") as paragraphs.
 *
 * The sheet is the one asked for, else the first visible sheet with a task-table header, else
 * the first visible sheet with content. Cells are read as Excel shows them: cached formula
 * results, rich text, hyperlink text, dates as "2025年6月30日". Fully empty rows and columns
 * are dropped. Before exceljs sees the file, the zip is inflated once under a byte budget
 * (declared and actual sizes: zip bombs) and its worksheets' cells are counted (exceljs keeps
 * every cell in memory).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XLS_MESSAGE } from "../import-limits";
import { roleOfHeader, type ColumnRole } from "../table/columns";
import { ReaderError, type GridCell, type SourceBlock, type SourceDocument } from "./document";

export const INVALID_XLSX_MESSAGE = "文件不是有效的 Excel（.xlsx）表格";
export const ENCRYPTED_XLSX_MESSAGE = "该 Excel 文件有密码保护，请去除密码后再导入";
export const MACRO_XLSX_MESSAGE = "不接受包含宏的 Excel 文件";
export const EMPTY_XLSX_MESSAGE = "Excel 文件中没有可导入的内容";
export const OVERSIZED_XLSX_MESSAGE = "Excel 文件内容过大（解压后超过 100 MB），已拒绝处理";
export const TOO_MANY_CELLS_MESSAGE = "Excel 文件内容过多（超过 100 万个单元格），无法导入，请删除无关的工作表或内容后再试";
export const TOO_MANY_ROWS_MESSAGE = "表格超过 2 万行，无法导入，请删除无关内容或拆分文件后再试";
export const TOO_MANY_COLUMNS_MESSAGE = "表格超过 100 列，无法导入，请删除无关的列后再试";
export const unknownSheetMessage = (name: string): string => `工作簿中没有名为“${name}”的工作表`;
export const emptySheetMessage = (name: string): string => `工作表“${name}”中没有内容`;
export const multipleTablesWarning = (name: string): string => `工作簿有多个工作表，已读取“${name}”，可在页面上选择其他工作表`;
export const hiddenSheetWarning = (name: string): string => `已读取隐藏的工作表“${name}”`;

const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
const MAX_CELLS = 1_000_000;
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 100;
/** Rows (with text) searched for the table header. */
const HEADER_SEARCH_ROWS = 30;
/** Header words that mark a task table (two different ones in a row make a header). */
const TABLE_ROLES: ReadonlySet<ColumnRole> = new Set(["number", "task", "measures", "lead", "support", "deadline"]);

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

interface Region {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A worksheet's content: text of the cells that have some (row → column → text, 1-based) and its merges. */
interface SheetCells {
  texts: Map<number, Map<number, string>>;
  merges: Region[];
}

export async function readXlsx(bytes: Uint8Array, options: { sheet?: string } = {}): Promise<SourceDocument> {
  const workbook = await openWorkbook(bytes);
  const worksheets = workbook.worksheets;
  const cache = new Map<ExcelJS.Worksheet, SheetCells>();
  const cellsOf = (ws: ExcelJS.Worksheet): SheetCells => {
    let cells = cache.get(ws);
    if (!cells) cache.set(ws, (cells = readSheetCells(ws)));
    return cells;
  };
  const warnings: string[] = [];
  let chosen: ExcelJS.Worksheet | undefined;
  if (options.sheet !== undefined) {
    chosen = worksheets.find((ws) => ws.name === options.sheet);
    if (!chosen) throw new ReaderError(unknownSheetMessage(options.sheet));
    if (cellsOf(chosen).texts.size === 0) throw new ReaderError(emptySheetMessage(chosen.name));
  } else {
    const visible = worksheets.filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden");
    const tables = visible.filter((ws) => headerRowOf(cellsOf(ws)) !== null);
    const nonEmpty = (ws: ExcelJS.Worksheet): boolean => cellsOf(ws).texts.size > 0;
    chosen = tables[0] ?? visible.find(nonEmpty) ?? worksheets.find(nonEmpty);
    if (!chosen) throw new ReaderError(EMPTY_XLSX_MESSAGE);
    if (tables.length > 1) warnings.push(multipleTablesWarning(chosen.name));
    if (!visible.includes(chosen)) warnings.push(hiddenSheetWarning(chosen.name));
  }
  return { format: "xlsx", blocks: sheetBlocks(cellsOf(chosen), chosen.name), sheets: worksheets.map((ws) => ws.name), warnings };
}

// ---- The file ---------------------------------------------------------------------------

async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (startsWith(bytes, OLE_MAGIC)) {
    // An encrypted .xlsx is an OLE compound file holding an "EncryptedPackage" stream.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    throw new ReaderError(buffer.includes(Buffer.from("EncryptedPackage", "utf16le")) ? ENCRYPTED_XLSX_MESSAGE : XLS_MESSAGE);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new ReaderError(INVALID_XLSX_MESSAGE);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ReaderError(INVALID_XLSX_MESSAGE);
  }
  if (zip.file(/(^|\/)vbaProject\.bin$/i).length > 0) throw new ReaderError(MACRO_XLSX_MESSAGE);
  if (!zip.file("xl/workbook.xml")) throw new ReaderError(INVALID_XLSX_MESSAGE);
  await checkInflatedSize(zip);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ReaderError(INVALID_XLSX_MESSAGE);
  }
  return workbook;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/**
 * Refuses a zip whose entries inflate past the budget (declared sizes first, then the bytes
 * actually produced, since the declared ones can lie) or whose worksheets hold too many cells.
 */
async function checkInflatedSize(zip: JSZip): Promise<void> {
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  const declared = entries.reduce((sum, entry) => {
    const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
    return sum + (typeof size === "number" ? size : 0);
  }, 0);
  if (declared > MAX_UNCOMPRESSED_BYTES) throw new ReaderError(OVERSIZED_XLSX_MESSAGE);
  const budget = { bytes: MAX_UNCOMPRESSED_BYTES, cells: MAX_CELLS };
  for (const entry of entries) await drainEntry(entry, budget, /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name));
}

/** "<c" cell elements and "<mergeCell ref=…>" elements of a worksheet (a prefix such as "x:" allowed). */
const CELL_TAG = /<(?:[\w.-]+:)?c[\s/>]/g;
const MERGE_TAG = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref="\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?"/g;

const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The cells exceljs will create for this worksheet text: one per cell element, and one per
 * cell of each merged region (a tiny `<mergeCell ref="A1:XFD1048576"/>` is billions of cells).
 */
function countCells(text: string): number {
  let cells = text.match(CELL_TAG)?.length ?? 0;
  for (const [, fromColumn = "A", fromRow = "1", toColumn = fromColumn, toRow = fromRow] of text.matchAll(MERGE_TAG)) {
    cells += (Math.abs(columnNumber(toColumn) - columnNumber(fromColumn)) + 1) * (Math.abs(Number(toRow) - Number(fromRow)) + 1);
  }
  return cells;
}

/** Inflates one entry without keeping it, charging its bytes (and a worksheet's cells) to the budget. */
function drainEntry(entry: JSZip.JSZipObject, budget: { bytes: number; cells: number }, isWorksheet: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const decoder = new TextDecoder("utf-8");
    // An element cut by a chunk boundary is kept for the next chunk.
    let carry = "";
    const scan = (text: string, final: boolean): void => {
      const cut = text.lastIndexOf("<");
      const keep = !final && cut >= 0 && text.length - cut <= 64;
      budget.cells -= countCells(keep ? text.slice(0, cut) : text);
      carry = keep ? text.slice(cut) : "";
    };
    // internalStream is JSZip's documented streaming API (missing from its typings).
    const stream = (entry as unknown as { internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream("uint8array");
    const settle = (message: string | null): void => {
      if (settled) return;
      settled = true;
      if (message === null) return resolve();
      stream.pause();
      reject(new ReaderError(message));
    };
    stream
      .on("data", (chunk: Uint8Array) => {
        if (settled) return;
        budget.bytes -= chunk.length;
        if (budget.bytes < 0) return settle(OVERSIZED_XLSX_MESSAGE);
        if (!isWorksheet) return;
        scan(carry + decoder.decode(chunk, { stream: true }), false);
        if (budget.cells < 0) settle(TOO_MANY_CELLS_MESSAGE);
      })
      .on("error", () => settle(INVALID_XLSX_MESSAGE))
      .on("end", () => {
        if (isWorksheet && !settled) scan(carry + decoder.decode(), true);
        settle(budget.cells < 0 ? TOO_MANY_CELLS_MESSAGE : null);
      });
    stream.resume();
  });
}

// ---- Cells --------------------------------------------------------------------------------

function readSheetCells(ws: ExcelJS.Worksheet): SheetCells {
  const texts = new Map<number, Map<number, string>>();
  const regions = new Map<string, Region>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const master = cell.master;
      if (master.address !== cell.address) {
        const { row, col } = master.fullAddress;
        // A cell covered by a merge: it only widens its region (the origin holds the text).
        const region = regions.get(master.address) ?? { top: row, left: col, bottom: row, right: col };
        region.top = Math.min(region.top, rowNumber);
        region.bottom = Math.max(region.bottom, rowNumber);
        region.left = Math.min(region.left, column);
        region.right = Math.max(region.right, column);
        regions.set(master.address, region);
        return;
      }
      const text = cleanText(valueText(cell.value, cell.numFmt));
      if (text === "") return;
      let cells = texts.get(rowNumber);
      if (!cells) texts.set(rowNumber, (cells = new Map()));
      cells.set(column, text);
    });
  });
  return { texts, merges: [...regions.values()] };
}

/** What Excel shows in the cell (without number formatting beyond dates and percentages). */
function valueText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value, numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value !== "object") return "";
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.richText)) return record.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("");
  if ("formula" in record || "sharedFormula" in record) return valueText(record.result, numFmt);
  if ("hyperlink" in record || "text" in record) return valueText(record.text, numFmt);
  if (typeof record.error === "string") return record.error;
  return "";
}

/** The format's code without quoted text, [colour/locale] parts and escaped characters. */
const formatCode = (numFmt: string | undefined): string => (numFmt ?? "").replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").toLowerCase();

function numberText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  // 15 significant digits drop binary noise (0.1 + 0.2 → "0.3"), as Excel shows it.
  if (formatCode(numFmt).includes("%")) return `${Number((value * 100).toPrecision(15))}%`;
  return String(Number(value.toPrecision(15)));
}

/** Excel dates are read as UTC midnights; "2025年6月30日" (no zero padding), "2025年11月" for month formats. */
function dateText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return "";
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  if (year < 1900) return `${date.getUTCHours()}:${String(date.getUTCMinutes()).padStart(2, "0")}`; // a time of day
  const code = formatCode(numFmt);
  if (code.includes("y") && !code.includes("d")) return `${year}年${month}月`;
  return `${year}年${month}月${date.getUTCDate()}日`;
}

/** Trimmed, with the cell's line breaks (Alt+Enter) kept as "\n" and blank lines dropped. */
function cleanText(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

// ---- Blocks -------------------------------------------------------------------------------

/** The row number of the first row naming two kinds of task-table columns, or null. */
function headerRowOf(cells: SheetCells): number | null {
  let searched = 0;
  for (const [rowNumber, row] of cells.texts) {
    if (searched++ >= HEADER_SEARCH_ROWS) break;
    const roles = new Set<ColumnRole>();
    for (const text of row.values()) {
      const role = roleOfHeader(text);
      if (role && TABLE_ROLES.has(role)) roles.add(role);
    }
    if (roles.size >= 2) return rowNumber;
  }
  return null;
}

function sheetBlocks(cells: SheetCells, sheet: string): SourceBlock[] {
  const rowNumbers = [...cells.texts.keys()].sort((a, b) => a - b);
  if (rowNumbers.length > MAX_ROWS) throw new ReaderError(TOO_MANY_ROWS_MESSAGE);
  const rowTexts = (rowNumber: number): string[] =>
    [...(cells.texts.get(rowNumber) ?? new Map<number, string>()).entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
  // Without a recognised header the table starts at the first row with two texts.
  const start = headerRowOf(cells) ?? rowNumbers.find((rowNumber) => rowTexts(rowNumber).length >= 2) ?? Infinity;

  const blocks: SourceBlock[] = [];
  for (const rowNumber of rowNumbers) {
    if (rowNumber >= start) break;
    for (const line of rowTexts(rowNumber).join(" ").split("\n")) blocks.push({ kind: "paragraph", text: line });
  }
  const tableRows = rowNumbers.filter((rowNumber) => rowNumber >= start);
  if (tableRows.length === 0) return blocks;

  let first = Infinity;
  let last = 0;
  for (const rowNumber of tableRows) {
    for (const column of cells.texts.get(rowNumber)?.keys() ?? []) {
      first = Math.min(first, column);
      last = Math.max(last, column);
    }
  }
  if (last - first + 1 > MAX_COLUMNS) throw new ReaderError(TOO_MANY_COLUMNS_MESSAGE);
  const rows: GridCell[][] = tableRows.map((rowNumber) =>
    Array.from({ length: last - first + 1 }, (_, i) => ({ text: cells.texts.get(rowNumber)?.get(first + i) ?? "" })),
  );
  // Merges over the rows kept: the first kept cell of a region is its origin, the rest covered.
  const indexOfRow = new Map(tableRows.map((rowNumber, index) => [rowNumber, index]));
  const lastRow = tableRows[tableRows.length - 1] as number;
  for (const region of cells.merges) {
    const kept: number[] = [];
    for (let rowNumber = Math.max(region.top, start); rowNumber <= Math.min(region.bottom, lastRow); rowNumber++) {
      if (indexOfRow.has(rowNumber)) kept.push(rowNumber);
    }
    const left = Math.max(region.left, first);
    const right = Math.min(region.right, last);
    kept.forEach((rowNumber, k) => {
      const row = rows[indexOfRow.get(rowNumber) as number] as GridCell[];
      for (let column = left; column <= right; column++) {
        if (k === 0 && column === left) continue;
        row[column - first] = { text: "", mergedFrom: k === 0 ? "left" : "above" };
      }
    });
  }
  blocks.push({ kind: "table", rows, sheet });
  return blocks;
}
