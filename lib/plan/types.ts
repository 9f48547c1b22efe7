/**
 * Output of the plan parser (parsePlanText). Pure data: safe to serialise to JSON,
 * store, or send to the client.
 */

/** How a target compares the achieved value with `value`. */
export type Comparator = ">=" | "<=" | "=";

/**
 * COUNT: number of activities/items (次 期 场 篇 项 件 条 份 个 处 名 …);
 * SUM: a quantity summed over activities (人次, 人, 学时);
 * PERCENT: a rate; BOOLEAN: done / not done (never produced automatically — only
 * quantitative targets are extracted).
 */
export type TargetKind = "COUNT" | "SUM" | "PERCENT" | "BOOLEAN";

export interface ParsedTarget {
  /** The source sentence (up to 。；！？) containing the target. */
  text: string;
  /** What is measured, without verbs/frequency words: "专题学习", "培训人数". */
  subject: string;
  comparator: Comparator;
  value: number;
  /** "次", "人次", "%" … */
  unit: string;
  kind: TargetKind;
  /** Offsets of the target phrase in ParsedPlan.normalizedText (for highlighting); -1 if unknown. */
  start: number;
  end: number;
}

export interface ParsedPoint {
  /** The number as written ("1." → 1, "（三）" → 3). Numbers may run on across sections. */
  number: number;
  /** Run-in title without the trailing 。 ("深入学习习近平法治思想"). */
  title: string;
  /** The point's body after the title, office/deadline labels removed; paragraphs joined with "\n". */
  text: string;
  leadOffice: string | null;
  supportOffices: string[];
  /** ISO yyyy-mm-dd resolved from deadlineText within the plan year, or null. */
  deadline: string | null;
  /** The deadline as written ("6月底前"), "" when the point has none. */
  deadlineText: string;
  responsible: string | null;
  targets: ParsedTarget[];
}

export interface ParsedSection {
  /** The section number as written: "一" (or "1" when the top level is arabic; "" for an implicit section). */
  number: string;
  title: string;
  points: ParsedPoint[];
}

export interface ParsedPlan {
  title: string;
  year: number | null;
  unitName: string | null;
  preamble: string;
  sections: ParsedSection[];
  /** Targets found outside any work point (preamble, section intros, unstructured text). */
  unassignedTargets: ParsedTarget[];
  /** Human-readable (Chinese) notes about things the parser could not do or had to guess. */
  warnings: string[];
  /** The text after normalisation and line joining; target offsets refer to it. */
  normalizedText: string;
}

export interface ParsePlanOptions {
  /** Year used to resolve deadlines such as "6月底前" when the text names no year. */
  defaultYear?: number;
}
