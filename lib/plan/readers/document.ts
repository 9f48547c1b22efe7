/**
 * The one shape every plan reader produces, whatever the file format: an ordered list of
 * paragraphs and tables. The plan builder (lib/plan/import-document.ts) turns it into a
 * ParsedPlan: paragraphs go through parsePlanText, tables through the table recogniser.
 *
 * Pure data, no I/O: readers (docx, xlsx, pdf, doc/wps) fill it; tests compare it.
 */

export type ImportFormat = "text" | "txt" | "docx" | "xlsx" | "pdf" | "doc" | "wps";

export interface SourceParagraph {
  kind: "paragraph";
  /** One logical line of text (for PDF: one visual line; hard-wrapped lines are joined later by the parser). */
  text: string;
  /** 1-based page number when the format has pages (PDF). */
  page?: number;
}

/**
 * One cell of a table's rectangular grid. A merged region keeps its text in its top-left
 * cell (the origin); every other cell of the region has text "" and says where its origin
 * lies: `mergedFrom: "left"` (a horizontal merge: the origin is in the same row, further
 * left) or `"above"` (a vertical merge: the origin is in an earlier row of the same column).
 */
export interface GridCell {
  text: string;
  mergedFrom?: "left" | "above";
}

export interface SourceTable {
  kind: "table";
  /** Rectangular: every row has the same number of cells (short rows are padded with ""). */
  rows: GridCell[][];
  /** Indexes of rows the file marks as repeated header rows (Word's w:tblHeader), if it says. */
  headerRows?: number[];
  /** 1-based page where the table starts (PDF). */
  page?: number;
  /** Worksheet name (xlsx). */
  sheet?: string;
}

export type SourceBlock = SourceParagraph | SourceTable;

export interface SourceDocument {
  format: ImportFormat;
  blocks: SourceBlock[];
  /** PDF: the text of each page as read (for showing the pages beside the parse). */
  pages?: string[];
  /** xlsx: the names of all worksheets, in workbook order (blocks hold only the chosen sheet's table). */
  sheets?: string[];
  /** Chinese notes for the user about what the reader skipped or guessed. */
  warnings: string[];
}

/**
 * A file the readers refuse, with a clear Chinese message for the user (password protected,
 * scanned, corrupt, too many pages, .xls instead of .xlsx …). Readers throw only this for
 * bad input; anything else is a bug.
 */
export class ReaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReaderError";
  }
}

/** A cell by text, for building grids in tests and readers. */
export function cell(text: string, mergedFrom?: "left" | "above"): GridCell {
  return mergedFrom ? { text: "", mergedFrom } : { text };
}

/** Pads rows to the widest row so the grid is rectangular. */
export function rectangular(rows: GridCell[][]): GridCell[][] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return rows.map((row) => (row.length === width ? row : [...row, ...Array.from({ length: width - row.length }, () => ({ text: "" }))]));
}
