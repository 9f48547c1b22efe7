/**
 * The annual report's life cycle and the small pure rules around stored reports:
 * 草稿 (DRAFT) → 送审 (IN_REVIEW) → 定稿 (FINAL), with the leader able to return a report under
 * review and to reopen a final one. Only a DRAFT is edited or regenerated.
 */

import { reportPreface } from "./draft";
import type { Permission } from "@/lib/auth/permissions";

export const REPORT_STATUSES = ["DRAFT", "IN_REVIEW", "FINAL"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
  DRAFT: "草稿",
  IN_REVIEW: "送审",
  FINAL: "定稿",
};

export function isReportStatus(value: string): value is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value);
}

export type ReportTransition = "submit" | "finalize" | "return" | "reopen";

export interface TransitionRule {
  from: ReportStatus;
  to: ReportStatus;
  permission: Permission;
  /** Button text and the message after success. */
  label: string;
  done: string;
}

export const TRANSITIONS: Record<ReportTransition, TransitionRule> = {
  submit: { from: "DRAFT", to: "IN_REVIEW", permission: "report:submit", label: "送审", done: "报告已送审" },
  finalize: { from: "IN_REVIEW", to: "FINAL", permission: "report:finalize", label: "定稿", done: "报告已定稿" },
  return: { from: "IN_REVIEW", to: "DRAFT", permission: "report:return", label: "退回草稿", done: "报告已退回草稿，退回意见已通知法治办" },
  reopen: { from: "FINAL", to: "DRAFT", permission: "report:reopen", label: "重新打开", done: "报告已重新打开为草稿" },
};

/** Why a report in this status cannot be edited or regenerated; null when it can. */
/**
 * Sign-off by the 主要负责人 (issue 16): only the account the cycle settings name signs (定稿) and
 * reopens a signed report; any leader (a deputy in charge) may 送审 and 退回. Why `actorId` may not
 * take `transition`, or null. The role check (permission) is the caller's.
 */
export function signOffBlockedReason(transition: ReportTransition, actorId: number, principalLeaderId: number | null): string | null {
  if (transition !== "finalize" && transition !== "reopen") return null;
  if (principalLeaderId === null) return "单位设置尚未指定主要负责人，请联系系统管理员";
  if (principalLeaderId !== actorId) {
    return transition === "finalize" ? "报告须由主要负责人审定签发（定稿），您可以退回并提出意见" : "已签发的报告只能由主要负责人重新打开";
  }
  return null;
}

export function editBlockedReason(status: string): string | null {
  if (status === "DRAFT") return null;
  if (status === "IN_REVIEW") return "报告已送审，不能修改；如需修改，请由领导退回草稿";
  if (status === "FINAL") return "报告已定稿，不能修改；如需修改，请由领导重新打开";
  return "报告状态异常，不能修改";
}

/** Why a transition cannot start from `status`, or null. */
export function transitionBlockedReason(transition: ReportTransition, status: string): string | null {
  const rule = TRANSITIONS[transition];
  if (status === rule.from) return null;
  const label = isReportStatus(status) ? REPORT_STATUS_LABEL[status] : status;
  return `报告当前为“${label}”状态，不能${rule.label}`;
}

/** The drafter's visible placeholders, e.g. "（请补充原因分析）". */
const PLACEHOLDER = /（请补充[^）]*）/gu;

export function findPlaceholders(content: string): string[] {
  return content.match(PLACEHOLDER) ?? [];
}

/**
 * Editor text → stored content: one paragraph per line, surrounding spaces and blank lines
 * dropped (Windows and old Mac line ends included).
 */
export function normalizeContent(text: string): string {
  return text
    .split(/\r\n|\r|\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

const TITLE_SUFFIX = "年法治建设年度工作报告";

/**
 * The preface is not stored: it is the drafter's fixed opening for the unit named in the report
 * title (so renaming the unit in settings later does not change an existing report).
 */
export function prefaceForTitle(title: string, year: number, fallbackUnitName: string): string {
  const suffix = `${year}${TITLE_SUFFIX}`;
  const unitName = title.endsWith(suffix) && title.length > suffix.length ? title.slice(0, -suffix.length) : fallbackUnitName;
  return reportPreface({ unitName, year });
}

/** "XX市政协办公室2025年法治建设年度工作报告.docx", without characters file systems refuse. */
export function reportFileName(title: string): string {
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/gu, "").trim();
  return `${cleaned || "法治建设年度工作报告"}.docx`;
}

/** RFC 6266 / RFC 5987: an ASCII fallback plus the UTF-8 name in filename*. */
export function contentDispositionFor(fileName: string, fallback = "annual-report.docx"): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Years a report URL may name; anything else is refused before touching the database. */
export function parseReportYear(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : null;
}

const TIME_FORMAT = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** "2026/1/15 09:05" in China time, for version lines ("第3版 · 张三 · …"). */
export function formatReportTime(date: Date): string {
  return TIME_FORMAT.format(date);
}
