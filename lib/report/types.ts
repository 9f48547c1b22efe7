/**
 * Plain-data input and output of the annual-report drafter (法治建设年度报告).
 *
 * The DB layer builds `ReportFacts` from the plan, the ledger and the target
 * evaluation; everything under lib/report works on these plain objects only,
 * so drafting and export stay testable without Prisma or Next.
 */

export interface ReportTargetFact {
  targetId: number;
  /** What is counted, e.g. "专题学习", "专题培训班", "培训人数", "办复率". */
  subject: string;
  comparator: ">=" | "<=" | "=";
  value: number;
  unit: string;
  kind: "COUNT" | "SUM" | "PERCENT" | "BOOLEAN";
  /** Achieved figure, in the same unit as `value` (a PERCENT target's 100 means 100%). */
  actual: number;
  met: boolean;
  /** actual / value as a fraction, not capped: 412 of 200 → 2.06. */
  rawRate: number;
  /** The plan sentence the target was read from ("全年组织专题学习不少于 4 次"). */
  sourceText: string;
  /** Approved ledger entries behind the figure. */
  entryIds: number[];
}

export type ReportEntryForm =
  | "集中学习"
  | "专题研讨"
  | "专家讲座"
  | "培训班"
  | "宣传活动"
  | "调研视察"
  | "制度建设"
  | "其他";

export interface ReportEntryFact {
  id: number;
  /** ISO date ("2025-03-12") or timestamp; timestamps are read in China time. */
  date: string;
  /** Usually one of ReportEntryForm; unknown forms are described generically. */
  form: string;
  title: string;
  officeName: string;
  category: "NORMAL" | "FIRST_RESPONSIBLE";
  /** The record's free text: its outcomes ("形成建议12条") are told in the report. */
  description?: string;
  /** Who took part ("62人", "机关干部"); a head count is summed as 人次. */
  participants?: string;
}

export type ReportPointStatus = "DONE" | "ON_TRACK" | "BEHIND" | "OVERDUE" | "NOT_STARTED";

export interface ReportPointFact {
  number: number;
  title: string;
  status: ReportPointStatus;
  leadOffice: string | null;
  /** Free text from the plan ("6月底前", "年底前") or an ISO date. */
  deadline: string | null;
  /** ISO day of the latest approved extension (延期申请), if any; `status` is already judged against it. */
  extendedTo?: string | null;
  completed: boolean;
  targets: ReportTargetFact[];
  /** Approved entries only. */
  entries: ReportEntryFact[];
  /** 制度库 results counted for the point in the report's year (rules linked to it, assessments recorded for it). */
  regulations?: ReportRegulationFact[];
}

/** A rule adopted (or revised) in the report's year and linked to the point, or an execution assessment recorded for it. */
export interface ReportRegulationFact {
  kind: "ADOPTED" | "REVISED" | "ASSESSED";
  /** The rule's title, without 《》. */
  title: string;
  /** ISO day: adoption or assessment. */
  date: string;
}

export interface ReportSectionFact {
  /** Chinese numeral of the plan section, e.g. "一". */
  number: string;
  title: string;
  points: ReportPointFact[];
}

export interface NextYearPlanFact {
  year: number;
  sections: { title: string; points: { number: number; title: string }[] }[];
}

export interface ReportFacts {
  year: number;
  unitName: string;
  signature: string;
  sections: ReportSectionFact[];
  firstResponsibleEntries: ReportEntryFact[];
  nextYearPlan: NextYearPlanFact | null;
  carriedOverPoints: { number: number; title: string; reason: string }[];
}

export type DraftPartKey = "part1" | "part2" | "part3" | "part4" | "part5";

export const PART_HEADINGS = {
  part1: "一、主要举措和成效",
  part2: "二、存在的不足和原因",
  part3: "三、党政主要负责人履行推进法治建设第一责任人职责情况",
  part4: "四、下一年度推进法治建设的主要安排",
  part5: "五、其他需要报告的情况",
} as const satisfies Record<DraftPartKey, string>;

export const PART_KEYS: readonly DraftPartKey[] = ["part1", "part2", "part3", "part4", "part5"];

/** The opening paragraph (导语) is stored as a part of its own under this key, edited like the others. */
export const PREFACE_KEY = "preface";
export const PREFACE_HEADING = "开头语";
export type EditableKey = DraftPartKey | typeof PREFACE_KEY;
export const EDITABLE_KEYS: readonly EditableKey[] = [PREFACE_KEY, ...PART_KEYS];

export function editableHeading(key: EditableKey): string {
  return key === PREFACE_KEY ? PREFACE_HEADING : PART_HEADINGS[key];
}

/**
 * One part of the report as the browser editor edits it and the docx builder reads it.
 *
 * `content`: paragraphs separated by "\n". A paragraph starting with "（一）" is a
 * level-2 heading; one starting with "1." / "1．" / "1、" is a level-3 paragraph whose
 * run-in title runs to the first "。". The part heading itself is not repeated.
 *
 * `sources`: key = a figure phrase exactly as it appears in `content`
 * (e.g. "组织专题学习6次", "3月12日以集中学习形式开展“学习宪法”专题学习"),
 * value = ids of the approved ledger entries behind it. The content stays clean
 * text; a viewer finds each key in the text to link it. Every key occurs in the
 * content when drafted; if the same phrase is produced twice in one part, its ids
 * are merged. Keys whose phrase the author later edits away simply stop matching.
 */
export interface DraftPart {
  key: DraftPartKey;
  heading: (typeof PART_HEADINGS)[DraftPartKey];
  content: string;
  sources: Record<string, number[]>;
}

export interface DraftReport {
  /** "{单位名称}{年份}年法治建设年度工作报告" */
  title: string;
  /** Opening paragraph printed before part 一 ("…现将{year}年度法治建设工作情况报告如下。"). */
  preface: string;
  parts: DraftPart[];
}
