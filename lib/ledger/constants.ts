/**
 * Ledger vocabulary shared by server and client code (no server imports here).
 */

export const ENTRY_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const STATUS_LABEL: Record<EntryStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "待审核",
  APPROVED: "已通过",
  RETURNED: "已退回",
};

/** Tailwind classes for the status badge. */
export const STATUS_BADGE: Record<EntryStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700 border-slate-300",
  SUBMITTED: "bg-amber-50 text-amber-800 border-amber-300",
  APPROVED: "bg-green-50 text-green-800 border-green-300",
  RETURNED: "bg-red-50 text-red-800 border-red-300",
};

export const ENTRY_FORMS = ["集中学习", "专题研讨", "专家讲座", "培训班", "宣传活动", "调研视察", "制度建设", "其他"] as const;
export type EntryForm = (typeof ENTRY_FORMS)[number];

export const ENTRY_CATEGORIES = ["NORMAL", "FIRST_RESPONSIBLE"] as const;
export type EntryCategory = (typeof ENTRY_CATEGORIES)[number];

export const CATEGORY_LABEL: Record<EntryCategory, string> = {
  NORMAL: "普通",
  FIRST_RESPONSIBLE: "第一责任人履职",
};

export const CATEGORY_HINT = "主持专题会议、带头学法、作出批示等，年度报告第三部分引用";

export const LIST_SORTS = ["date_desc", "date_asc", "updated_desc"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const SORT_LABEL: Record<ListSort, string> = {
  date_desc: "日期（新→旧）",
  date_asc: "日期（旧→新）",
  updated_desc: "最近更新",
};

export const PAGE_SIZE = 20;

/** Upper bound for any ledger quantity (次, 人次, …). */
export const MAX_QUANTITY = 100_000;

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_FILE_TYPES = ".pdf,.ofd,.jpg,.jpeg,.png,.doc,.docx,.wps,.xls,.xlsx,.et";
export const ACCEPTED_TYPES_LABEL = "PDF、OFD、JPG、PNG、DOC、DOCX、WPS、XLS、XLSX、ET";

export const NOT_FOUND_MESSAGE = "记录不存在或无权访问";

export function isEntryStatus(value: unknown): value is EntryStatus {
  return typeof value === "string" && (ENTRY_STATUSES as readonly string[]).includes(value);
}

/** "2025-03-12" from a date stored at UTC midnight. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "≥4次", "≤2次", "=100%" */
export function describeTarget(target: { comparator: string; value: number; unit: string }): string {
  const sign = target.comparator === ">=" ? "≥" : target.comparator === "<=" ? "≤" : "=";
  return `${sign}${formatNumber(target.value)}${target.unit}`;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
