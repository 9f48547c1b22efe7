/**
 * A 考核指标 table (a grid from the plan importer's readers) → the rubric as an ordered list of
 * indicators, depth first, each with its level (1..3), 考核内容, 评分标准 and 分值. Pure.
 *
 * How rubric tables are laid out:
 *   - level columns (一级指标 / 二级指标 / 三级指标) whose cells are merged down (or left empty)
 *     over the rows of their sub-indicators;
 *   - a 考核内容 column: the leaf's text, or (when a level's cell spans several rows that each
 *     carry their own 分值) a level of its own;
 *   - one row across the table ("一、依法决策（20分）") opening a top-level indicator;
 *   - a 合计 / 总分 row at the bottom;
 *   - 分值 as "2", "2分", "2.5"; a parent's subtotal written in its title ("（20分）").
 * A table without a 分值 column is refused with RubricNeedsPointsColumn: the page asks which
 * column holds the 分值 (nothing is guessed, nothing saved).
 */
import type { GridCell, SourceDocument, SourceTable } from "@/lib/plan/readers/document";
import { cellText } from "@/lib/plan/table/columns";
import { cleanCell } from "@/lib/plan/table/rows";
import { detectRubricColumns, rubricHeaderKey, type RubricMapping, type RubricRole } from "./columns";
import { formatScore, round2, suggestRule, type ScoringRule } from "./rules";

export interface RubricRow {
  level: 1 | 2 | 3;
  title: string;
  content: string;
  criteria: string;
  /** 分值: on a leaf the points; on a parent the subtotal the table declares (or null). */
  points: number | null;
  rule: ScoringRule;
  deduction: number | null;
}

export interface RubricParse {
  rows: RubricRow[];
  warnings: string[];
  /** Sum of the leaves' 分值. */
  total: number;
  headers: string[];
  roles: RubricRole[];
}

export const NO_RUBRIC_TABLE_MESSAGE = "未能在文件中找到考核指标表：表头应包含“一级指标”“考核内容”等指标列和“评分标准”或“分值”列";
export const NEEDS_POINTS_MESSAGE = "表格中没有“分值”列，请指定分值所在的列后重新识别（未保存任何内容）";
export const EMPTY_RUBRIC_MESSAGE = "考核指标表中没有可导入的指标";

export class RubricTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RubricTableError";
  }
}

/** The table has indicators but no 分值 column: the user picks the column (headers shown). */
export class RubricNeedsPointsColumn extends RubricTableError {
  constructor(readonly headers: string[]) {
    super(NEEDS_POINTS_MESSAGE);
    this.name = "RubricNeedsPointsColumn";
  }
}

export interface RubricOptions {
  /** 0-based column of the 分值, chosen by the user when the header names none. */
  pointsColumn?: number;
}

const NUMBER_MARKER = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)][、.．]?|\d{1,2}(?:\.\d{1,2})*[.．、]?(?=[\u3400-\u9fff]))\s*/;
const SUBTOTAL = /[（(](?:共|计|满分)?\s*(\d+(?:\.\d+)?)\s*分[）)]\s*$/;
const TOTAL_ROW = /^(?:合计|总计|总分|小计|满分|分值合计)/;

/** "2", "2分", "2.0", "２分" → 2; "" → null; anything else → NaN (reported). */
export function parsePoints(text: string): number | null {
  const t = cleanCell(text).replace(/\s+/g, "");
  if (t === "") return null;
  const m = /^(\d+(?:\.\d+)?)分?$/.exec(t);
  return m ? Number(m[1]) : Number.NaN;
}

/** "一、依法决策（20分）" → { title: "依法决策", subtotal: 20 }. */
export function splitTitle(text: string): { title: string; subtotal: number | null } {
  let title = cleanCell(text).replace(/\n+/g, "");
  const sub = SUBTOTAL.exec(title);
  if (sub) title = title.slice(0, sub.index);
  title = title.replace(NUMBER_MARKER, "").replace(/[。：:；;]$/, "").trim();
  return { title, subtotal: sub ? Number(sub[1]) : null };
}

interface Node {
  level: number;
  title: string;
  content: string;
  criteria: string;
  points: number | null;
  subtotal: number | null;
  children: Node[];
  row: number;
  isLeafRow: boolean;
}

function newNode(level: number, text: string, row: number): Node {
  const { title, subtotal } = splitTitle(text);
  return { level, title, content: "", criteria: "", points: null, subtotal, children: [], row, isLeafRow: false };
}

const columnOf = (mapping: RubricMapping, role: RubricRole): number => mapping.roles.indexOf(role);

/** A cell's own text ("" when it is the covered part of a merge). */
function ownText(row: readonly GridCell[], column: number): string {
  const cell = row[column];
  if (!cell || cell.mergedFrom !== undefined) return "";
  return cleanCell(cell.text);
}

function isRepeatedHeader(row: readonly GridCell[], mapping: RubricMapping): boolean {
  let same = 0;
  mapping.roles.forEach((role, column) => {
    if (role === "ignore") return;
    const header = rubricHeaderKey(mapping.headers[column] ?? "");
    if (header !== "" && rubricHeaderKey(cellText(row, column)) === header) same++;
  });
  return same >= 2;
}

/** One text in the whole row (a wide merged cell or a lone cell): a top-level heading row. */
function soleText(row: readonly GridCell[]): { text: string; column: number } | null {
  let found: { text: string; column: number } | null = null;
  for (let column = 0; column < row.length; column++) {
    const text = ownText(row, column);
    if (text === "") continue;
    if (found) return null;
    found = { text, column };
  }
  return found;
}

/**
 * Whether the 考核内容 column is a level of its own: some row repeats the deepest level (merged
 * or empty cell) while carrying its own 分值.
 */
function contentIsLevel(rows: readonly GridCell[][], mapping: RubricMapping, levelColumns: number[]): boolean {
  const content = columnOf(mapping, "content");
  if (content < 0) return false;
  if (levelColumns.length === 0) return true;
  const deepest = levelColumns[levelColumns.length - 1] as number;
  const points = columnOf(mapping, "points");
  let previousHadDeepest = false;
  for (let r = mapping.headerRow + 1; r < rows.length; r++) {
    const row = rows[r] as GridCell[];
    const hasDeepest = ownText(row, deepest) !== "";
    const ownPoints = points >= 0 && ownText(row, points) !== "";
    if (!hasDeepest && previousHadDeepest && ownPoints && ownText(row, content) !== "") return true;
    if (hasDeepest) previousHadDeepest = true;
  }
  return false;
}

/** Reads one rubric table (and its page-split continuations) into indicator rows. */
export function rubricFromTables(tables: ReadonlyArray<{ rows: readonly GridCell[][]; mapping: RubricMapping }>): RubricParse {
  const roots: Node[] = [];
  const warnings: string[] = [];
  let declaredTotal: number | null = null;
  const first = tables[0]?.mapping as RubricMapping;
  // path[i]: the open node at depth i (0-based); a heading row's node sits at depth 0 before the level columns.
  // Shared across the tables: a table split by a page break goes on where it stopped.
  let path: Node[] = [];
  let sectionDepth = 0;
  let lastLeaf: Node | null = null;

  for (const { rows, mapping } of tables) {
    const levelColumns = (["level1", "level2", "level3"] as const).map((r) => columnOf(mapping, r)).filter((c) => c >= 0);
    const asLevel = contentIsLevel(rows, mapping, levelColumns);
    const content = columnOf(mapping, "content");
    const columns = asLevel ? [...levelColumns, content] : levelColumns;
    const criteriaCol = columnOf(mapping, "criteria");
    const pointsCol = columnOf(mapping, "points");

    for (let r = mapping.headerRow + 1; r < rows.length; r++) {
      const row = rows[r] as GridCell[];
      const rowNo = r + 1;
      if (row.every((cell) => cell.text.trim() === "")) continue;
      if (isRepeatedHeader(row, mapping)) continue;
      const texts = row.map((_, c) => ownText(row, c));
      const totalCell = texts.find((t) => TOTAL_ROW.test(t.replace(/\s+/g, "")));
      if (totalCell !== undefined) {
        const p = pointsCol >= 0 ? parsePoints(texts[pointsCol] ?? "") : null;
        const written = /(\d+(?:\.\d+)?)\s*分/.exec(texts.join(" "));
        if (p !== null && Number.isFinite(p)) declaredTotal = p;
        else if (written) declaredTotal = Number(written[1]);
        continue;
      }
      const sole = soleText(row);
      if (sole && sole.column !== pointsCol && sole.column !== criteriaCol && (columns.length === 0 || !columns.includes(sole.column) || row.length > 2) && isHeadingRow(row, sole.column)) {
        const node = newNode(1, sole.text, rowNo);
        roots.push(node);
        path = [node];
        sectionDepth = 1;
        lastLeaf = null;
        continue;
      }

      // The levels: a new text opens a node under the open node one level up.
      let created: Node | null = null as Node | null;
      columns.forEach((column, i) => {
        const text = texts[column] ?? "";
        if (text === "") return;
        const depth = sectionDepth + i;
        const parent = depth > 0 ? path[depth - 1] : undefined;
        const node = newNode(depth + 1, text, rowNo);
        if (parent) parent.children.push(node);
        else roots.push(node);
        path = [...path.slice(0, depth), node];
        created = node;
      });

      const criteria = criteriaCol >= 0 ? (texts[criteriaCol] ?? "") : "";
      const contentText = !asLevel && content >= 0 ? (texts[content] ?? "") : "";
      const pointsText = pointsCol >= 0 ? (texts[pointsCol] ?? "") : "";
      const pointsMerged = pointsCol >= 0 && row[pointsCol]?.mergedFrom === "above";
      if (criteria === "" && contentText === "" && pointsText === "") continue;

      let leaf: Node | null = created;
      if (!leaf) {
        if (pointsMerged && lastLeaf) {
          // The same 分值 over several rows: more text of the leaf above.
          if (criteria) lastLeaf.criteria = lastLeaf.criteria ? `${lastLeaf.criteria}\n${criteria}` : criteria;
          if (contentText) lastLeaf.content = lastLeaf.content ? `${lastLeaf.content}\n${contentText}` : contentText;
          continue;
        }
        const parent = path[path.length - 1];
        const title = contentText || criteria.split(/[，,；;。]/)[0] || "";
        leaf = newNode(parent ? parent.level + 1 : 1, title, rowNo);
        if (parent) parent.children.push(leaf);
        else roots.push(leaf);
      } else if (contentText) {
        leaf.content = contentText;
      }
      const target = leaf as Node;
      target.criteria = criteria;
      target.isLeafRow = true;
      const points = parsePoints(pointsText);
      if (points !== null && Number.isNaN(points)) warnings.push(`第${rowNo}行的分值“${pointsText}”不是数字，请在预览中填写`);
      target.points = points !== null && Number.isFinite(points) ? points : null;
      lastLeaf = target;
    }
  }

  const rows: RubricRow[] = [];
  let total = 0;
  let deep = false;
  const walk = (node: Node, level: number) => {
    if (level > 3) deep = true;
    const isLeaf = node.children.length === 0;
    const points = isLeaf ? node.points : (node.subtotal ?? node.points);
    const suggestion = isLeaf ? suggestRule(node.criteria) : { rule: "MANUAL" as ScoringRule, deduction: null };
    rows.push({ level: Math.min(level, 3) as 1 | 2 | 3, title: node.title || node.content.slice(0, 30), content: node.content, criteria: node.criteria, points, rule: suggestion.rule, deduction: suggestion.deduction });
    if (isLeaf) {
      if (node.points === null) warnings.push(`“${node.title || node.content.slice(0, 20)}”（第${node.row}行）没有分值，请在预览中填写`);
      else total += node.points;
    } else {
      const sum = round2(leafSum(node));
      if (node.subtotal !== null && Math.abs(sum - node.subtotal) > 1e-9) warnings.push(`“${node.title}”标明 ${formatScore(node.subtotal)} 分，其下各项分值合计 ${formatScore(sum)} 分，请核对`);
    }
    node.children.forEach((child) => walk(child, Math.min(level + 1, 3)));
  };
  roots.forEach((root) => walk(root, 1));
  if (deep) warnings.push("表格超过三级指标，更深的指标已按三级导入");
  if (rows.length === 0) throw new RubricTableError(EMPTY_RUBRIC_MESSAGE);
  total = round2(total);
  if (declaredTotal !== null && Math.abs(declaredTotal - total) > 1e-9) warnings.push(`表格合计 ${formatScore(declaredTotal)} 分，各项分值相加为 ${formatScore(total)} 分，请核对`);
  return { rows, warnings, total, headers: first.headers, roles: first.roles };
}

function leafSum(node: Node): number {
  if (node.children.length === 0) return node.points ?? 0;
  return node.children.reduce((sum, child) => sum + leafSum(child), 0);
}

/** A wide heading row, or a lone text in a row that is not a leaf's continuation. */
function isHeadingRow(row: readonly GridCell[], column: number): boolean {
  let span = 1;
  while (row[column + span]?.mergedFrom === "left") span++;
  return span * 2 >= row.length && span > 1;
}

/**
 * The rubric of a document: the first table whose header names indicator and 评分标准/分值
 * columns, with the tables right after it of the same width (a table split by page breaks).
 */
export function rubricFromDocument(doc: SourceDocument, options: RubricOptions = {}): RubricParse {
  const tables = doc.blocks.filter((b): b is SourceTable => b.kind === "table");
  let start = -1;
  let mapping: RubricMapping | null = null;
  for (let i = 0; i < tables.length && !mapping; i++) {
    mapping = detectRubricColumns((tables[i] as SourceTable).rows);
    if (mapping) start = i;
  }
  if (!mapping) throw new RubricTableError(NO_RUBRIC_TABLE_MESSAGE);
  const width = mapping.roles.length;
  if (!mapping.roles.includes("points")) {
    const chosen = options.pointsColumn;
    if (chosen === undefined || chosen < 0 || chosen >= width) throw new RubricNeedsPointsColumn(mapping.headers);
    mapping = { ...mapping, roles: mapping.roles.map((role, c) => (c === chosen ? "points" : role)) };
  }
  const inputs = [{ rows: (tables[start] as SourceTable).rows, mapping }];
  for (let i = start + 1; i < tables.length; i++) {
    const table = tables[i] as SourceTable;
    if ((table.rows[0]?.length ?? 0) !== width) break;
    const own = detectRubricColumns(table.rows);
    inputs.push({ rows: table.rows, mapping: own && own.roles.includes("points") ? own : { ...mapping, headerRow: own ? own.headerRow : -1 } });
  }
  const result = rubricFromTables(inputs);
  return { ...result, warnings: [...doc.warnings, ...result.warnings] };
}
