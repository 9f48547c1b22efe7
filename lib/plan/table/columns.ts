/**
 * Which column of a task table (任务分解表) holds what: the header row is recognised by its
 * words, never by position. A table whose header cannot be recognised is reported as such and
 * read only with a mapping the user chose (never guessed silently).
 */
import type { GridCell } from "../readers/document";

export const COLUMN_ROLES = ["number", "section", "task", "measures", "lead", "support", "deadline", "responsible", "note", "ignore"] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** The Chinese names shown in the column-mapping form. */
export const COLUMN_ROLE_LABELS: Readonly<Record<ColumnRole, string>> = {
  number: "序号",
  section: "类别（部分标题）",
  task: "重点任务（要点标题）",
  measures: "具体措施 / 目标要求",
  lead: "牵头单位",
  support: "配合单位",
  deadline: "完成时限",
  responsible: "责任人",
  note: "备注（读取其中的量化指标）",
  ignore: "不导入",
};

// Tested in this order: the first pattern that matches a header cell decides its role.
const HEADER_PATTERNS: ReadonlyArray<readonly [ColumnRole, RegExp]> = [
  ["number", /^(?:序号|编号|序|项次|顺序号|No\.?|NO\.?|#)$/],
  ["responsible", /责任人|负责人|联系人|经办人|分管领导|责任领导|牵头领导|分管校?领导|具体责任/],
  ["support", /配合|协办|协同|协助|参与单位|参与科室|参与部门/],
  ["lead", /牵头|责任单位|责任科室|责任部门|责任处室|责任主体|主责|主办|承办|负责单位|负责科室|负责部门|实施单位|实施主体|落实单位/],
  ["lead", /^(?:责任|牵头)/],
  ["deadline", /时限|时间|节点|期限|完成日期|进度安排|进度要求|截止/],
  ["note", /^(?:备注|说明|附注)$/],
  ["section", /类别|类型|板块|领域|分类|一级任务|一级指标|工作方面|重点方面|大项/],
  ["measures", /措施|举措|目标|要求|具体内容|具体工作|工作标准|完成标准|预期成果|成果形式|实施步骤|推进步骤|工作内容|任务分解|二级任务|细化任务|具体任务/],
  ["task", /任务|要点|事项|工作项目|项目名称|内容/],
];

/** Header text as compared: no spaces or line breaks, half-width letters. */
export function headerKey(text: string): string {
  return text.replace(/[\s\u3000]+/g, "").replace(/[（(].*?[）)]$/, "");
}

/** The role a header cell names, or null. */
export function roleOfHeader(text: string): ColumnRole | null {
  const key = headerKey(text);
  if (key === "" || key.length > 16) return null;
  for (const [role, pattern] of HEADER_PATTERNS) if (pattern.test(key)) return role;
  return null;
}

export interface ColumnMapping {
  /** Index of the (last) header row; data starts after it. -1: the table has no header row. */
  headerRow: number;
  /** One role per column. */
  roles: ColumnRole[];
  /** The header texts per column (for display and for spotting repeated headers). */
  headers: string[];
}

/** The text of a cell, following horizontal merges to their origin. */
export function cellText(row: readonly GridCell[], column: number): string {
  for (let c = column; c >= 0; c--) {
    const cell = row[c];
    if (!cell) return "";
    if (cell.mergedFrom !== "left") return cell.text;
  }
  return "";
}

const HEADER_SEARCH_ROWS = 15;

/** A row is a header when at least two columns name roles and one of them is the task or its measures. */
function rolesOfRow(row: readonly GridCell[]): Array<ColumnRole | null> {
  return row.map((cell, column) => (cell.mergedFrom === "left" && column > 0 ? null : roleOfHeader(cellText(row, column))));
}

function isHeaderRow(roles: ReadonlyArray<ColumnRole | null>): boolean {
  const found = new Set(roles.filter((role): role is ColumnRole => role !== null));
  return found.size >= 2 && (found.has("task") || found.has("measures"));
}

/**
 * Finds the header row(s) among the first rows and assigns a role to each column.
 * A two-row header ("责任分工" over "牵头单位 | 配合单位") takes the lower row's names where it has them.
 */
export function detectColumns(rows: readonly GridCell[][]): ColumnMapping | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = rows[r] as GridCell[];
    const roles = rolesOfRow(row);
    if (!isHeaderRow(roles)) continue;
    let headerRow = r;
    const headers = row.map((_, column) => cellText(row, column));
    const next = rows[r + 1];
    if (next) {
      const nextRoles = rolesOfRow(next);
      const nonEmpty = next.map((cell, column) => ({ cell, column })).filter(({ cell }) => cell.mergedFrom === undefined && cell.text.trim() !== "");
      if (nonEmpty.length > 0 && nonEmpty.every(({ column }) => nextRoles[column] !== null)) {
        nonEmpty.forEach(({ column }) => {
          roles[column] = nextRoles[column] ?? null;
          headers[column] = cellText(next, column);
        });
        headerRow = r + 1;
      }
    }
    // A header merged across two columns with no sub-header names both: keep the first, ignore the copy.
    const resolved = resolveDuplicates(roles.map((role, column) => (row[column]?.mergedFrom === "left" && roles[column] === null ? null : role)));
    return { headerRow, roles: resolved, headers };
  }
  return null;
}

/**
 * Each role once, except note/ignore. A second task column is the measures (or, if measures
 * exist, ignored); a second of anything else is ignored. Unnamed columns are ignored.
 */
export function resolveDuplicates(roles: ReadonlyArray<ColumnRole | null>): ColumnRole[] {
  const seen = new Set<ColumnRole>();
  const out: ColumnRole[] = roles.map((role) => role ?? "ignore");
  const hasMeasures = out.includes("measures");
  out.forEach((role, column) => {
    if (role === "ignore" || role === "note") return;
    if (!seen.has(role)) {
      seen.add(role);
      return;
    }
    out[column] = role === "task" && !hasMeasures && !seen.has("measures") ? "measures" : "ignore";
    if (out[column] === "measures") seen.add("measures");
  });
  return out;
}

/** Problems of a user-chosen mapping, in Chinese; empty when usable. */
export function mappingProblems(roles: readonly ColumnRole[]): string[] {
  const problems: string[] = [];
  if (!roles.includes("task") && !roles.includes("measures")) problems.push("请至少指定“重点任务”或“具体措施”所在的列");
  for (const role of COLUMN_ROLES) {
    if (role === "ignore" || role === "note") continue;
    if (roles.filter((r) => r === role).length > 1) problems.push(`“${COLUMN_ROLE_LABELS[role]}”只能对应一列`);
  }
  return problems;
}
