/**
 * SourceDocument (what any reader produced) → ParsedPlan, plus what the import page shows
 * about it: which tables were found, which column was read as what, the sheets of a workbook
 * and the pages of a PDF.
 *
 *   - paragraphs only: parsePlanText, as before;
 *   - tables only (or tables with a title and a preamble): the table recogniser; section
 *     headings written as paragraphs between tables open sections;
 *   - a plan text with its 分解表 annex: the text's points, enriched by the table rows.
 * A table whose header cannot be recognised is never guessed: it is reported (needsMapping)
 * until the user maps its columns.
 */
import { matchHeading } from "./headings";
import { NO_STRUCTURE_WARNING, parsePlanText } from "./parse";
import type { ImportFormat, SourceBlock, SourceDocument, SourceTable } from "./readers/document";
import { cellText, detectColumns, mappingProblems, type ColumnMapping, type ColumnRole } from "./table/columns";
import { enrichWithTable } from "./table/enrich";
import { buildTableSections } from "./table/plan";
import { assembleSections, cleanCell, type TableInput } from "./table/rows";
import type { ParsedPlan } from "./types";

export interface ColumnMappingChoice {
  /** One role per column of the tables it applies to (tables with this many columns). */
  columns: ColumnRole[];
  /** Row index of the header (-1: no header, data from the first row). */
  headerRow: number;
}

export interface DocumentImportOptions {
  defaultYear?: number;
  mapping?: ColumnMappingChoice;
}

export interface ImportTableInfo {
  index: number;
  page?: number;
  sheet?: string;
  rowCount: number;
  columnCount: number;
  /** null: no header row recognised (and no mapping given). */
  headerRow: number | null;
  headers: string[];
  roles: ColumnRole[];
  /** "detected": from its header words; "chosen": from the user's mapping; "continued": a page-split part of the table before it. */
  source: "detected" | "chosen" | "continued" | "none";
  /** The first rows as text, for the mapping form. */
  sample: string[][];
}

export interface ImportInfo {
  format: ImportFormat;
  mode: "text" | "table" | "text+table";
  tables: ImportTableInfo[];
  /** True when the plan could only come from a table whose columns the user must map first. */
  needsMapping: boolean;
  sheets?: string[];
  sheet?: string;
  pages?: string[];
}

export interface DocumentPlan {
  plan: ParsedPlan;
  info: ImportInfo;
}

const SAMPLE_ROWS = 6;
const ANNEX_RE = /^附件\s*[\d一二三四五六七八九十]*\s*(?:[：:].*)?$/;

function mappingFor(table: SourceTable, index: number, options: DocumentImportOptions, previous: { mapping: ColumnMapping; width: number; index: number } | null): { mapping: ColumnMapping | null; source: ImportTableInfo["source"] } {
  const width = table.rows[0]?.length ?? 0;
  const chosen = options.mapping;
  if (chosen && chosen.columns.length === width && mappingProblems(chosen.columns).length === 0) {
    const headerRow = Math.min(Math.max(chosen.headerRow, -1), table.rows.length - 1);
    const headerCells = headerRow >= 0 ? (table.rows[headerRow] ?? []) : [];
    return { mapping: { headerRow, roles: [...chosen.columns], headers: chosen.columns.map((_, c) => cellText(headerCells, c)) }, source: "chosen" };
  }
  const detected = detectColumns(table.rows);
  if (detected) return { mapping: detected, source: "detected" };
  // A table split by a page break without its header repeated: the part before it tells the columns.
  if (previous && previous.width === width && previous.index === index - 1) return { mapping: { ...previous.mapping, headerRow: -1 }, source: "continued" };
  return { mapping: null, source: "none" };
}

function pointCount(sections: ParsedPlan["sections"]): number {
  return sections.reduce((n, s) => n + s.points.length, 0);
}

/** A one-column table is a layout frame around text (a boxed notice, a plan pasted into a cell): read its lines as paragraphs. */
function unframe(blocks: readonly SourceBlock[]): SourceBlock[] {
  return blocks.flatMap((block): SourceBlock[] => {
    if (block.kind === "paragraph" || (block.rows[0]?.length ?? 0) > 1) return [block];
    return block.rows.flatMap((row) => (row[0]?.text ?? "").split("\n").map((text) => ({ kind: "paragraph" as const, text, page: block.page })));
  });
}

export function planFromDocument(source: SourceDocument, options: DocumentImportOptions = {}): DocumentPlan {
  const doc = { ...source, blocks: unframe(source.blocks) };
  // An annex heading ("附件：任务分解表") followed by a table ends the plan text: what follows is the annex.
  const lastTable = doc.blocks.findLastIndex((b) => b.kind === "table");
  const annexAt = doc.blocks.findIndex((b, i) => b.kind === "paragraph" && i < lastTable && ANNEX_RE.test(cleanCell(b.text)));
  const textBlocks = annexAt > 0 ? doc.blocks.slice(0, annexAt) : doc.blocks;
  const paragraphText = textBlocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : [])).join("\n");
  const textPlan = parsePlanText(paragraphText, { defaultYear: options.defaultYear });

  // Tables in order, with the section heading paragraph written just before each.
  const tables: ImportTableInfo[] = [];
  const inputs: TableInput[] = [];
  let pendingHeading: { label: string; title: string } | null = null;
  let previous: { mapping: ColumnMapping; width: number; index: number } | null = null;
  let tableIndex = 0;
  for (const block of doc.blocks) {
    if (block.kind === "paragraph") {
      const text = cleanCell(block.text);
      const heading = matchHeading(text);
      if (heading && heading.kind === "CN") pendingHeading = { label: heading.label, title: text.slice(heading.markerLength).replace(/[。：:]$/, "").trim() };
      continue;
    }
    const index = tableIndex++;
    const { mapping, source } = mappingFor(block, index, options, previous);
    const width = block.rows[0]?.length ?? 0;
    tables.push({
      index,
      page: block.page,
      sheet: block.sheet,
      rowCount: block.rows.length,
      columnCount: width,
      headerRow: mapping ? mapping.headerRow : null,
      headers: mapping ? mapping.headers : [],
      roles: mapping ? mapping.roles : [],
      source,
      sample: block.rows.slice(0, SAMPLE_ROWS).map((row) => row.map((_, c) => cellText(row, c).slice(0, 60))),
    });
    if (mapping) {
      inputs.push({ rows: block.rows, mapping, sectionBefore: pendingHeading ?? undefined });
      previous = { mapping, width, index };
    }
    pendingHeading = null;
  }

  const textPoints = pointCount(textPlan.sections);
  const sheet = doc.blocks.find((b): b is SourceTable => b.kind === "table" && b.sheet !== undefined)?.sheet;
  const base = { format: doc.format, tables, sheets: doc.sheets, sheet, pages: doc.pages } as const;
  const unusedTables = tables.filter((t) => t.source === "none");
  const unusedWarning = unusedTables.length > 0 && textPoints > 0
    ? [`文档中有 ${unusedTables.length} 个表格未识别出表头，未读取；如为任务分解表，请在“表格列对应”中指定各列`]
    : [];

  if (inputs.length === 0) {
    return {
      plan: { ...textPlan, warnings: [...doc.warnings, ...textPlan.warnings, ...unusedWarning] },
      info: { ...base, mode: "text", needsMapping: textPoints === 0 && unusedTables.length > 0 },
    };
  }

  const drafts = assembleSections(inputs);
  const head = [textPlan.title, textPlan.preamble].filter((part) => part !== "").join("\n");
  const baseOffset = head === "" ? 0 : head.length + 1;
  const hasSupportColumn = inputs.some((input) => input.mapping.roles.includes("support"));
  const table = buildTableSections(drafts, textPlan.year, baseOffset, hasSupportColumn);
  const tablePoints = table.sections.flatMap((s) => s.points);

  if (textPoints > 0 && tablePoints.length > 0) {
    const enriched = enrichWithTable(textPlan.sections, tablePoints);
    if (enriched.matched * 2 >= tablePoints.length) {
      const unmatched = enriched.unmatched.map((p) => `分解表第${p.number}项“${p.title}”未在正文中找到对应的工作要点，未导入`);
      return {
        plan: { ...textPlan, sections: enriched.sections, warnings: [...doc.warnings, ...textPlan.warnings, ...table.warnings, ...unmatched, ...unusedWarning] },
        info: { ...base, mode: "text+table", needsMapping: false },
      };
    }
  }
  if (textPoints > tablePoints.length) {
    return {
      plan: { ...textPlan, warnings: [...doc.warnings, ...textPlan.warnings, "文档中的任务分解表与正文的工作要点对应不上，已按正文导入，表格未读取", ...unusedWarning] },
      info: { ...base, mode: "text", needsMapping: false },
    };
  }
  if (tablePoints.length === 0) {
    return { plan: { ...textPlan, warnings: [...doc.warnings, ...textPlan.warnings, "表格中未识别到工作要点"] }, info: { ...base, mode: "text", needsMapping: textPoints === 0 } };
  }
  const textWarnings = textPlan.warnings.filter((w) => w !== NO_STRUCTURE_WARNING && !w.startsWith("只识别到一级编号") && !w.includes("未识别到工作要点"));
  const noSections = table.sections.every((s) => s.title === "" && s.number === "");
  return {
    plan: {
      ...textPlan,
      sections: table.sections,
      unassignedTargets: textPlan.unassignedTargets.filter((t) => t.start < baseOffset),
      warnings: [
        ...doc.warnings,
        ...(textPoints > 0 ? [`正文中的 ${textPoints} 项工作要点与分解表对应不上，已按分解表导入，请核对`] : []),
        ...textWarnings,
        ...(noSections ? ["表格中未识别到“一、”等部分标题，已将各项归入一个未命名部分"] : []),
        ...table.warnings,
      ],
      normalizedText: [head, ...table.lines].filter((part) => part !== "").join("\n"),
    },
    info: { ...base, mode: "table", needsMapping: false },
  };
}
