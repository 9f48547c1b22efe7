/**
 * Task-table rows → sections and work points, following how 任务分解表 are laid out:
 *   - a section row: one text across the row ("一、强化法治思想引领"), or a Chinese numeral in
 *     the 序号 column ("一" | "强化法治思想引领" | …), or a 类别 column whose value changes;
 *   - a point row: a number in the 序号 column (or, without numbers, a task in the task column);
 *   - a continuation row: 序号 merged down or empty — more measures (and offices, deadlines)
 *     of the point above, or the rest of a row split by a page break;
 *   - the header row repeated on each page is skipped.
 * A task column whose merged cells span several numbered rows is a category, not a task.
 */
import { matchHeading } from "../headings";
import { normalizeInline } from "../normalize";
import type { GridCell } from "../readers/document";
import { cellText, headerKey, type ColumnMapping, type ColumnRole } from "./columns";

export interface PointDraft {
  number: number | null;
  task: string;
  measures: string;
  notes: string;
  lead: string[];
  support: string[];
  deadlines: string[];
  responsible: string[];
}

export interface SectionDraft {
  /** The numeral as written ("一"), "" when the table has no sections. */
  label: string;
  title: string;
  points: PointDraft[];
}

export interface TableInput {
  rows: readonly GridCell[][];
  mapping: ColumnMapping;
  /** A section heading written as a paragraph just before this table ("一、…" then its table). */
  sectionBefore?: { label: string; title: string };
}

const CN_NUMERAL_RE = /^[（(]?([一二三四五六七八九十]{1,3})[）)]?[、.．]?$/;
const ARABIC_NUMBER_RE = /^0*(\d{1,3})[.．、]?$/;
const PAREN_NUMBER_RE = /^[（(]0*(\d{1,3})[）)]$/;
const SUB_NUMBER_RE = /^(?:\d{1,3}[.．-]\d{1,3}|[①-⑳])/;

/** A point's number as a 序号 cell writes it: "1", "1.", "1、", "01", "（1）"; null otherwise ("1.1" is a sub-item). */
export function pointNumber(text: string): number | null {
  const m = ARABIC_NUMBER_RE.exec(text) ?? PAREN_NUMBER_RE.exec(text);
  return m ? Number(m[1]) : null;
}
const SENTENCE_END_RE = /[。；！？：;:]$/;
const ENUMERATION_START_RE = /^(?:[一二三四五六七八九十]+是|[（(]\d{1,2}[）)]|\d{1,2}[.．、]|[①-⑳]|[•·●])/;

/** Cell text with the plan's character normalisation, line by line. */
export function cleanCell(text: string): string {
  return text
    .split("\n")
    .map((line) => normalizeInline(line).trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Joins a continuation: a new line after a finished sentence or before an enumeration, else the same sentence. */
export function joinContinuation(previous: string, next: string, splitRow: boolean): string {
  if (previous === "") return next;
  if (next === "") return previous;
  if (SENTENCE_END_RE.test(previous) || ENUMERATION_START_RE.test(next) || !splitRow) return `${previous}\n${next}`;
  return previous + next;
}

function columnOf(mapping: ColumnMapping, role: ColumnRole): number {
  return mapping.roles.indexOf(role);
}

/** Origin text of a cell, following a vertical merge up to its origin. */
function mergedValue(rows: readonly GridCell[][], rowIndex: number, column: number): string {
  for (let r = rowIndex; r >= 0; r--) {
    const cell = rows[r]?.[column];
    if (!cell) return "";
    if (cell.mergedFrom !== "above") return cellText(rows[r] as GridCell[], column);
  }
  return "";
}

/** True when some merged task cell spans rows carrying two different numbers: the column groups points. */
export function taskColumnIsCategory(rows: readonly GridCell[][], mapping: ColumnMapping): boolean {
  const task = columnOf(mapping, "task");
  const number = columnOf(mapping, "number");
  if (task < 0 || number < 0 || columnOf(mapping, "measures") < 0 || columnOf(mapping, "section") >= 0) return false;
  let numbersInBlock = 0;
  for (let r = mapping.headerRow + 1; r < rows.length; r++) {
    const row = rows[r] as GridCell[];
    const startsBlock = row[task]?.mergedFrom !== "above";
    if (startsBlock) numbersInBlock = 0;
    if (pointNumber(cleanCell(cellText(row, number))) !== null) numbersInBlock++;
    if (!startsBlock && numbersInBlock >= 2) return true;
  }
  return false;
}

function isRepeatedHeader(row: readonly GridCell[], mapping: ColumnMapping): boolean {
  let same = 0;
  mapping.roles.forEach((role, column) => {
    if (role === "ignore") return;
    const header = headerKey(mapping.headers[column] ?? "");
    if (header !== "" && headerKey(cellText(row, column)) === header) same++;
  });
  return same >= 2;
}

/** The single text of a row that has only one (possibly wide) cell with content. */
function soleText(row: readonly GridCell[]): { text: string; column: number; span: number } | null {
  let found: { text: string; column: number; span: number } | null = null;
  for (let column = 0; column < row.length; column++) {
    const cell = row[column] as GridCell;
    if (cell.mergedFrom !== undefined || cell.text.trim() === "") continue;
    if (found) return null;
    let span = 1;
    while (row[column + span]?.mergedFrom === "left") span++;
    found = { text: cleanCell(cell.text), column, span };
  }
  return found;
}

interface SectionHeading {
  label: string;
  title: string;
}

/** A row that opens a section, or null. */
function sectionHeading(row: readonly GridCell[], mapping: ColumnMapping, hasNumbers: boolean): SectionHeading | null {
  const number = columnOf(mapping, "number");
  const numberText = number >= 0 && row[number]?.mergedFrom === undefined ? cleanCell(row[number]?.text ?? "") : "";
  const cn = CN_NUMERAL_RE.exec(numberText);
  if (cn) {
    const title = row
      .map((cell, column) => (column === number || cell.mergedFrom !== undefined ? "" : cleanCell(cell.text)))
      .find((text) => text !== "");
    return { label: cn[1] as string, title: title ?? "" };
  }
  const sole = soleText(row);
  if (!sole) return null;
  const heading = matchHeading(sole.text);
  if (heading && (heading.kind === "CN" || heading.kind === "PAREN_CN")) {
    return { label: heading.label, title: sole.text.slice(heading.markerLength).trim().replace(/[。：:]$/, "") };
  }
  // One text across most of the row, with nothing in the number column: a section without a numeral.
  const roleHere = mapping.roles[sole.column];
  if (sole.span * 2 >= row.length && sole.span > 1 && roleHere !== "measures") return { label: "", title: sole.text.replace(/[。：:]$/, "") };
  // In a numbered table, a row holding only a short title in the number or task column (no number) heads a section.
  if (hasNumbers && (roleHere === "number" || roleHere === "task" || roleHere === "section") && !/[。；]/.test(sole.text.slice(0, -1)) && sole.text.length <= 40) {
    return { label: "", title: sole.text.replace(/[。：:]$/, "") };
  }
  return null;
}

function emptyPoint(number: number | null): PointDraft {
  return { number, task: "", measures: "", notes: "", lead: [], support: [], deadlines: [], responsible: [] };
}

/** Assembles every table's rows (in order, sharing state across page-split tables) into sections. */
export function assembleSections(tables: readonly TableInput[], initial: SectionDraft[] = []): SectionDraft[] {
  const sections: SectionDraft[] = initial;
  let point: PointDraft | null = null;
  const currentSection = (): SectionDraft => {
    let section = sections[sections.length - 1];
    if (!section) {
      section = { label: "", title: "", points: [] };
      sections.push(section);
    }
    return section;
  };

  for (const { rows, mapping: original, sectionBefore } of tables) {
    if (sectionBefore) {
      sections.push({ ...sectionBefore, points: [] });
      point = null;
    }
    const category = taskColumnIsCategory(rows, original);
    const mapping: ColumnMapping = category ? { ...original, roles: original.roles.map((r) => (r === "task" ? "section" : r === "measures" ? "task" : r)) } : original;
    const number = columnOf(mapping, "number");
    const task = columnOf(mapping, "task");
    const sectionColumn = columnOf(mapping, "section");
    const hasNumbers = number >= 0 && rows.some((row, r) => r > mapping.headerRow && pointNumber(cleanCell(cellText(row, number))) !== null);
    let lastCategory: string | null = null;
    let firstDataRow = true;

    for (let r = mapping.headerRow + 1; r < rows.length; r++) {
      const row = rows[r] as GridCell[];
      if (row.every((cell) => cell.text.trim() === "")) continue;
      if (isRepeatedHeader(row, mapping)) continue;
      const splitRow = firstDataRow;
      firstDataRow = false;

      const heading = sectionHeading(row, mapping, hasNumbers);
      if (heading) {
        sections.push({ label: heading.label, title: heading.title, points: [] });
        point = null;
        continue;
      }
      if (sectionColumn >= 0) {
        const value = cleanCell(mergedValue(rows, r, sectionColumn));
        if (value !== "" && value !== lastCategory) {
          lastCategory = value;
          const match = matchHeading(value);
          const cn = match && (match.kind === "CN" || match.kind === "PAREN_CN") ? match : null;
          sections.push({ label: cn ? cn.label : "", title: (cn ? value.slice(cn.markerLength) : value).trim().replace(/[。：:]$/, ""), points: [] });
          point = null;
        }
      }

      const numberCell = number >= 0 ? row[number] : undefined;
      const numberText = numberCell && numberCell.mergedFrom === undefined ? cleanCell(numberCell.text) : "";
      const parsedNumber = pointNumber(numberText);
      const taskCell = task >= 0 ? row[task] : undefined;
      const taskStarts = taskCell !== undefined && taskCell.mergedFrom === undefined && taskCell.text.trim() !== "";
      const startsPoint =
        parsedNumber !== null ||
        (!hasNumbers && (task >= 0 ? taskStarts : true) && !(numberText !== "" && SUB_NUMBER_RE.test(numberText))) ||
        point === null;
      if (startsPoint) {
        point = emptyPoint(parsedNumber);
        currentSection().points.push(point);
      }
      addRow(point as PointDraft, row, mapping, !startsPoint && splitRow && numberCell?.mergedFrom === undefined);
    }
  }
  return sections.filter((section) => section.points.length > 0 || section.title !== "");
}

function addRow(point: PointDraft, row: readonly GridCell[], mapping: ColumnMapping, splitRow: boolean): void {
  mapping.roles.forEach((role, column) => {
    const cell = row[column];
    if (!cell || cell.mergedFrom !== undefined) return;
    const text = cleanCell(cell.text);
    if (text === "") return;
    switch (role) {
      case "task": point.task = joinContinuation(point.task, text, true); break;
      case "measures": point.measures = joinContinuation(point.measures, text, splitRow); break;
      case "note": point.notes = joinContinuation(point.notes, text, splitRow); break;
      case "lead": point.lead.push(text); break;
      case "support": point.support.push(text); break;
      case "deadline": point.deadlines.push(text); break;
      case "responsible": point.responsible.push(text); break;
      default: break;
    }
  });
}
