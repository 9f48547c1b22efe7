/**
 * The scoring rules of 考核: how a proposed 自评得分 follows from the linked data, and the checks
 * on a score the coordinator types. Pure: no Prisma, no Next.
 *
 *   ALL_OR_NOTHING  met when every linked item is complete: 分值, else 0
 *   PROPORTIONAL    分值 × the mean completion of the linked items
 *   DEDUCTION       分值 − x 分 for each linked item not complete
 *   MANUAL          no proposal: the coordinator scores it
 * Always rounded to 0.01 and kept within 0..分值.
 */

export const SCORING_RULES = ["MANUAL", "ALL_OR_NOTHING", "PROPORTIONAL", "DEDUCTION"] as const;
export type ScoringRule = (typeof SCORING_RULES)[number];

export const RULE_LABELS: Readonly<Record<ScoringRule, string>> = {
  MANUAL: "人工评分",
  ALL_OR_NOTHING: "全部完成得满分",
  PROPORTIONAL: "按完成比例计分",
  DEDUCTION: "每缺一项扣分",
};

/** One linked item as the scoring sees it. */
export interface ScoreItem {
  /** "要点5 开展法治调研", "专题学习 3/4 次", "2025-03-12 专题学习（已通过）" */
  label: string;
  done: boolean;
  /** 0..1 */
  completion: number;
}

export interface ScoreInput {
  rule: ScoringRule;
  points: number;
  /** DEDUCTION: 分 per missing item */
  deduction?: number | null;
  items: readonly ScoreItem[];
}

export interface Proposal {
  score: number;
  /** The figures it came from, in one Chinese sentence, e.g. "关联 3 项，已完成 2 项，未完成 1 项 × 0.5 分，2 − 0.5 = 1.5 分". */
  basis: string;
  done: number;
  total: number;
}

/** Why no proposal can be made (MANUAL, nothing linked, no 分值). */
export interface NoProposal {
  score: null;
  basis: string;
}

export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** "1.5", "2", "0.25": no trailing zeros. */
export function formatScore(n: number): string {
  return String(round2(n));
}

const clamp = (n: number, max: number): number => Math.min(Math.max(round2(n), 0), max);
const percent = (n: number): string => `${round2(n * 100)}%`;

export function proposeScore(input: ScoreInput): Proposal | NoProposal {
  const { rule, points, items } = input;
  if (rule === "MANUAL") return { score: null, basis: "人工评分，不自动推算" };
  if (!Number.isFinite(points) || points <= 0) return { score: null, basis: "未设分值，无法推算" };
  const total = items.length;
  if (total === 0) return { score: null, basis: "未关联工作要点、量化指标或台账记录，无法推算" };
  const done = items.filter((i) => i.done).length;
  const missing = total - done;
  const head = `关联 ${total} 项，已完成 ${done} 项`;
  const max = formatScore(points);
  switch (rule) {
    case "ALL_OR_NOTHING": {
      const score = missing === 0 ? points : 0;
      const missingLabels = items.filter((i) => !i.done).map((i) => i.label);
      return { score: clamp(score, points), done, total, basis: missing === 0 ? `${head}，全部完成，得满分 ${max} 分` : `${head}，未完成：${missingLabels.join("；")}，不得分` };
    }
    case "PROPORTIONAL": {
      const mean = items.reduce((sum, i) => sum + Math.min(Math.max(i.completion, 0), 1), 0) / total;
      const score = clamp(points * mean, points);
      const parts = items.map((i) => `${i.label} ${percent(Math.min(Math.max(i.completion, 0), 1))}`).join("；");
      return { score, done, total, basis: `${head}，平均完成率 ${percent(mean)}（${parts}），${max} × ${percent(mean)} = ${formatScore(score)} 分` };
    }
    case "DEDUCTION": {
      const each = input.deduction ?? 0;
      if (!(each > 0)) return { score: null, basis: "未设每项扣分值，无法推算" };
      const raw = points - missing * each;
      const score = clamp(raw, points);
      const floor = raw < 0 ? "（扣完为止）" : "";
      return { score, done, total, basis: `${head}，未完成 ${missing} 项 × ${formatScore(each)} 分，${max} − ${formatScore(missing * each)} = ${formatScore(score)} 分${floor}` };
    }
  }
}

export const SCORE_NOT_NUMBER = "得分必须是数字";
export const scoreOutOfRange = (points: number): string => `得分必须在 0 到 ${formatScore(points)} 分（该项分值）之间`;
export const SCORE_TOO_PRECISE = "得分最多保留两位小数";
export const REASON_REQUIRED = "修改自评得分须填写理由";

/** A typed score for an indicator with this 分值: null when acceptable, else the Chinese message. */
export function scoreProblem(score: number, points: number | null): string | null {
  if (!Number.isFinite(score)) return SCORE_NOT_NUMBER;
  if (points === null || !Number.isFinite(points)) return "该指标未设分值，不能评分";
  if (score < 0 || score > points) return scoreOutOfRange(points);
  if (Math.abs(score * 100 - Math.round(score * 100)) > 1e-6) return SCORE_TOO_PRECISE;
  return null;
}

/**
 * A rule suggested by the 评分标准 text, for the import preview (the coordinator may change it):
 * "每少一次扣0.5分" → DEDUCTION 0.5; "按完成比例计分" → PROPORTIONAL; "未建立不得分" → ALL_OR_NOTHING.
 */
export function suggestRule(criteria: string): { rule: ScoringRule; deduction: number | null } {
  const text = criteria.replace(/\s+/g, "");
  const each = /每(?:少|缺|未|有|发现|漏|减少|欠缺)[^，,；;。]{0,20}?扣(?:除)?(\d+(?:\.\d+)?)分/.exec(text);
  if (each) return { rule: "DEDUCTION", deduction: Number(each[1]) };
  if (/按(?:完成)?比例|完成率|按比例|比例(?:计|得|赋)分/.test(text)) return { rule: "PROPORTIONAL", deduction: null };
  if (/不得分|得0分|不计分|不给分/.test(text)) return { rule: "ALL_OR_NOTHING", deduction: null };
  return { rule: "MANUAL", deduction: null };
}
