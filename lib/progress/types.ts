/**
 * Input and output types of the completion engine.
 *
 * The engine is pure: callers run a handful of SQL queries (points, targets and one
 * "group by target" aggregation over the ledger) and pass the rows in. Nothing here
 * imports Prisma or Next, so it runs the same on the server, in tests and in scripts.
 */

export type Comparator = ">=" | "<=" | "=";
export type TargetKind = "COUNT" | "SUM" | "PERCENT" | "BOOLEAN";
export type ProgressStatus = "DONE" | "ON_TRACK" | "BEHIND" | "OVERDUE" | "NOT_STARTED";

/** Display order for legends and tables: from finished to not yet begun. */
export const STATUS_ORDER: readonly ProgressStatus[] = ["DONE", "ON_TRACK", "BEHIND", "OVERDUE", "NOT_STARTED"];

export const STATUS_LABEL: Record<ProgressStatus, string> = {
  DONE: "已完成",
  ON_TRACK: "正常",
  BEHIND: "滞后",
  OVERDUE: "逾期",
  NOT_STARTED: "未开始",
};

/**
 * 三色/亮灯: green on track, yellow behind 序时进度 or near the deadline, red overdue.
 * The three-light scheme has no light for finished or not-yet-begun work; finished work
 * counts as green and work not yet begun is grey (no light).
 */
export type LightName = "绿" | "黄" | "红" | "灰";

export const STATUS_LIGHT: Record<ProgressStatus, LightName> = {
  DONE: "绿",
  ON_TRACK: "绿",
  BEHIND: "黄",
  OVERDUE: "红",
  NOT_STARTED: "灰",
};

/** Hex colours (Tailwind 600 shades); DONE is blue so finished work stands apart from work merely on course. */
export const STATUS_COLOR: Record<ProgressStatus, string> = {
  DONE: "#2563eb",
  ON_TRACK: "#16a34a",
  BEHIND: "#ca8a04",
  OVERDUE: "#dc2626",
  NOT_STARTED: "#9ca3af",
};

export interface TargetDef {
  id: number;
  workPointId: number;
  subject: string;
  comparator: Comparator;
  value: number;
  unit: string;
  kind: TargetKind;
  deadline: Date | null;
}

/** One row of the SQL aggregation "group by target" over APPROVED, non-deleted, non-协办 entries. */
export interface TargetAggregate {
  targetId: number;
  sum: number;
  entryCount: number;
  /** PERCENT: the latest approved reading by entry date. */
  latestValue: number | null;
  /** BOOLEAN: an approved entry is marked as completing the target. */
  completed: boolean;
  firstDate: Date | null;
  lastDate: Date | null;
}

export interface PointDef {
  id: number;
  number: number;
  title: string;
  sectionId: number;
  leadOfficeId: number | null;
  supportOfficeIds: number[];
  deadline: Date | null;
  startDate: Date | null;
  /** Explicit completion mark, used for points without quantitative targets. */
  completedAt: Date | null;
  approvedEntryCount: number;
  /**
   * An approved 延期 in force (lib/supervision): `deadline` above is then the extended date and this
   * keeps the plan's own deadline on record. Absent or null: no extension.
   */
  extension?: { originalDeadline: Date | null; to: Date } | null;
}

export interface TargetProgress {
  targetId: number;
  /** COUNT/SUM: the sum; PERCENT: the latest reading (0 if none); BOOLEAN: 1 if completed else 0. */
  actual: number;
  /** Completion rate capped to 0..1, for roll-ups. */
  rate: number;
  /** Uncapped rate, so 超额完成 (e.g. 1.25) can be shown. */
  rawRate: number;
  /**
   * 序时进度: the amount expected by now if the work were spread evenly over the period. Limits
   * ("<=") and PERCENT levels are not paced: their value is expected all along.
   */
  expected: number;
  /**
   * What the light compares `actual` against (see target.ts): COUNT and whole-unit SUM targets
   * are rounded half-up to whole units, and SUM targets take the 序时进度 at the end of the last
   * completed month (nothing due in the first month).
   */
  expectedDue: number;
  /** Elapsed share of the period, 0..1. */
  expectedShare: number;
  status: ProgressStatus;
  /** Value at the deadline if the pace so far continues (see projectAtDeadline): whole COUNT activities, else 1 decimal. */
  projected: number;
  /** ">=" / "=": amount still missing; "<=": amount over the limit. Never negative. */
  shortfall: number;
  /** Achieved for good: true exactly when status is DONE. */
  met: boolean;
  /** Effective deadline (target's, else the point's, else 31 December), at UTC midnight. */
  deadline: Date;
  /** Days from asOf to the deadline; 0 on the deadline day, negative once it has passed. */
  daysLeft: number;
  entryCount: number;
}

export interface PointProgress {
  pointId: number;
  point: PointDef;
  status: ProgressStatus;
  /** Mean of capped target rates; for points without targets 1 if completed else 0. */
  rate: number;
  targets: TargetProgress[];
  /** The point's effective deadline (its own, else 31 December of the plan year). */
  deadline: Date;
  daysLeft: number;
  /** The target that sets the point's light; null for points without targets. */
  worstTarget: TargetProgress | null;
}

export interface Rollup {
  pointCount: number;
  byStatus: Record<ProgressStatus, number>;
  /** Mean capped point rate; 0 when there are no points (check pointCount before showing it). */
  rate: number;
  targetsMet: number;
  targetCount: number;
}

export interface OfficeRollup {
  officeId: number;
  /** Points the office leads (牵头). */
  lead: Rollup;
  /** Points the office cooperates on (配合). */
  support: Rollup;
}
