/**
 * Which column of a 考核指标 table holds what, recognised by its header words (never by position):
 * 一级指标 / 二级指标 / 三级指标 (levels), 考核内容, 评分标准, 分值, 序号, 备注. Pure.
 *
 * Real rubrics name their columns in many ways ("考核项目", "指标名称", "评分细则", "分值（分）",
 * "标准分", "考核要点"…); a column about scores already given ("自评得分", "扣分", "考核得分") is
 * never read as the 分值.
 */
import type { GridCell } from "@/lib/plan/readers/document";
import { cellText } from "@/lib/plan/table/columns";

export const RUBRIC_ROLES = ["number", "level1", "level2", "level3", "level", "content", "criteria", "points", "note", "ignore"] as const;
export type RubricRole = (typeof RUBRIC_ROLES)[number];

export const RUBRIC_ROLE_LABELS: Readonly<Record<RubricRole, string>> = {
  number: "序号",
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  level: "指标（级别按列序）",
  content: "考核内容",
  criteria: "评分标准",
  points: "分值",
  note: "备注 / 考核方式",
  ignore: "不导入",
};

// The first pattern that matches a header cell decides its role.
const HEADER_PATTERNS: ReadonlyArray<readonly [RubricRole, RegExp]> = [
  ["number", /^(?:序号|编号|序|项次|No\.?|NO\.?|#)$/],
  // Scores already given, deductions and weights of something else: not the 分值.
  ["ignore", /得分|自评|扣分|实得|考核分|评分结果|评定|加分项?$/],
  ["level1", /一级|^(?:考核|评价|指标)?(?:项目|类别|大项|类型|维度|领域)$|^考核(?:项目|类别)/],
  ["level2", /二级/],
  ["level3", /三级/],
  ["points", /^(?:分值|分数|标准分|满分|基准分|基础分|权重|赋分|计分|分值分配|标准分值|指标分值|考核分值|分)$/],
  ["criteria", /评分|计分|扣分标准|考核标准|评价标准|考评标准|打分|评分办法|考核细则|细则/],
  ["note", /^(?:备注|说明|附注)$|考核方式|考核方法|考评方式|佐证|备查|资料|材料|责任单位|牵头/],
  ["level", /指标/],
  ["content", /内容|要点|要求|任务|事项|标准/],
];

/** Header text as compared: no spaces or line breaks, no trailing unit in brackets ("分值（分）" → "分值"). */
export function rubricHeaderKey(text: string): string {
  return text.replace(/[\s\u3000]+/g, "").replace(/[（(][^）)]*[）)]$/, "");
}

/** The role a header cell names, or null. */
export function rubricRoleOfHeader(text: string): RubricRole | null {
  const key = rubricHeaderKey(text);
  if (key === "" || key.length > 16) return null;
  for (const [role, pattern] of HEADER_PATTERNS) if (pattern.test(key)) return role;
  return null;
}

export interface RubricMapping {
  /** Index of the (last) header row; data starts after it. */
  headerRow: number;
  roles: RubricRole[];
  headers: string[];
}

function rolesOfRow(row: readonly GridCell[]): Array<RubricRole | null> {
  return row.map((cell, column) => (cell.mergedFrom === "left" && column > 0 ? null : rubricRoleOfHeader(cellText(row, column))));
}

const INDICATOR_ROLES: ReadonlySet<RubricRole> = new Set(["level1", "level2", "level3", "level", "content"]);

/** A header names an indicator column and the 评分标准 or 分值. */
function isHeaderRow(roles: ReadonlyArray<RubricRole | null>): boolean {
  const found = new Set(roles.filter((r): r is RubricRole => r !== null));
  return [...found].some((r) => INDICATOR_ROLES.has(r)) && (found.has("criteria") || found.has("points"));
}

/**
 * Levels in column order: explicit 一级/二级/三级 keep theirs; generic "指标" columns take the
 * next free level after the explicit ones to their left. Each role once except note/ignore;
 * a second 考核内容 is ignored.
 */
export function resolveRoles(raw: ReadonlyArray<RubricRole | null>): RubricRole[] {
  const out: RubricRole[] = raw.map((r) => r ?? "ignore");
  const levels: RubricRole[] = ["level1", "level2", "level3"];
  let nextLevel = 0;
  out.forEach((role, column) => {
    const explicit = levels.indexOf(role);
    if (explicit >= 0) nextLevel = Math.max(nextLevel, explicit + 1);
    else if (role === "level") out[column] = nextLevel < 3 ? (levels[nextLevel++] as RubricRole) : "content";
  });
  const seen = new Set<RubricRole>();
  out.forEach((role, column) => {
    if (role === "ignore" || role === "note") return;
    if (seen.has(role)) out[column] = "ignore";
    else seen.add(role);
  });
  return out;
}

const SEARCH_ROWS = 15;

/**
 * Finds the header row among the first rows. A two-row header ("考核指标" merged over
 * "一级指标 | 二级指标") takes the lower row's names where it has them.
 */
export function detectRubricColumns(rows: readonly GridCell[][]): RubricMapping | null {
  const limit = Math.min(rows.length, SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = rows[r] as GridCell[];
    const roles = rolesOfRow(row);
    const next = rows[r + 1];
    let headerRow = r;
    const headers = row.map((_, c) => cellText(row, c));
    if (next) {
      const nextRoles = rolesOfRow(next);
      const filled = next.map((cell, column) => ({ cell, column })).filter(({ cell }) => cell.mergedFrom === undefined && cell.text.trim() !== "");
      const merged = [...roles, ...nextRoles];
      if (filled.length > 0 && filled.every(({ column }) => nextRoles[column] !== null) && (isHeaderRow(roles) || isHeaderRow(merged))) {
        filled.forEach(({ column }) => {
          roles[column] = nextRoles[column] ?? null;
          headers[column] = cellText(next, column);
        });
        // A header cell merged down over the second header row keeps its own name.
        headerRow = r + 1;
      }
    }
    if (!isHeaderRow(roles)) continue;
    return { headerRow, roles: resolveRoles(roles.map((role, c) => (row[c]?.mergedFrom === "left" && role === null ? null : role))), headers };
  }
  return null;
}
