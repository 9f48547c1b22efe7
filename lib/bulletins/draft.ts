/**
 * 情况通报 drafting: facts in, title and text out (pure, no database). The text is paragraphs,
 * one per line; "一、…" lines are headings (as the export lays them out). Offices are named with
 * their late points; people are never named or ranked.
 */

import { formatChineseDate, formatMonthDay } from "@/lib/progress/dates";
import { extensionNote, extensionReportPhrase } from "@/lib/supervision/deadline";

export interface BulletinPointFact {
  number: number;
  title: string;
  officeName: string;
  /** The deadline in force (an approved extension's date when there is one). */
  deadline: Date;
  /** True when `deadline` is an approved extension's date. */
  extended?: boolean;
}

export interface LatePointFact extends BulletinPointFact {
  status: "BEHIND" | "OVERDUE";
  /** Days past the deadline in force (OVERDUE). */
  daysLate: number;
  /**
   * An approved extension (延期申请): `deadline` is then the extended date (the one the point is
   * judged on) and this is the plan's own deadline (null when it had none). Absent: no extension.
   */
  extension?: { originalDeadline: Date | null } | null;
  /** The lead office's latest 进展反馈 note of the period, if any. */
  note?: string | null;
}

/** A note as one clause of a paragraph: one line, no closing full stop, at most NOTE_MAX characters. */
export const NOTE_MAX = 120;
export function noteClause(text: string): string | null {
  const oneLine = text.replace(/\s+/gu, " ").trim().replace(/[。；;，,\s]+$/u, "");
  if (!oneLine) return null;
  const chars = [...oneLine];
  return chars.length > NOTE_MAX ? `${chars.slice(0, NOTE_MAX).join("")}……` : oneLine;
}

/** One late point in part 三: its state, the approved extension in the report's words, the office's feedback. */
export function latePointText(p: LatePointFact): string {
  const ext = p.extension ? extensionReportPhrase({ number: p.number, title: p.title, originalDeadline: p.extension.originalDeadline }, p.deadline) : null;
  let text: string;
  if (ext) text = p.status === "OVERDUE" ? `${ext}，已逾期${p.daysLate}天` : `${ext}，进度滞后`;
  else
    text =
      p.status === "OVERDUE"
        ? `${pointName(p)}已逾期${p.daysLate}天（完成时限${formatMonthDay(p.deadline)}）`
        : `${pointName(p)}进度滞后（完成时限${formatMonthDay(p.deadline)}）`;
  const note = p.note ? noteClause(p.note) : null;
  return note ? `${text}（科室反馈：${note}）` : text;
}

export interface BulletinFacts {
  year: number;
  number: number;
  periodStart: Date;
  periodEnd: Date;
  totals: { points: number; done: number; onTrack: number; behind: number; overdue: number; notStarted: number; rate: number };
  /** Points that became 已完成 within the period. */
  finished: BulletinPointFact[];
  /** 滞后 and 逾期 points, in the offices' order. */
  late: LatePointFact[];
  /** Open points due within UPCOMING_DAYS after the period. */
  upcoming: BulletinPointFact[];
  /** Approved ledger entries dated within the period. */
  approvedEntries: number;
}

export const UPCOMING_DAYS = 30;

export function bulletinTitle(year: number, number: number): string {
  return `关于${year}年度法治建设工作要点落实情况的通报（第${number}期）`;
}

/** "2026年11月1日至11月30日" (the year again only when the period crosses it). */
export function periodLabel(start: Date, end: Date): string {
  const sameYear = start.getUTCFullYear() === end.getUTCFullYear();
  return `${formatChineseDate(start)}至${sameYear ? formatMonthDay(end) : formatChineseDate(end)}`;
}

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

function pointName(p: { number: number; title: string }): string {
  return `第${p.number}项“${p.title}”`;
}

function groupByOffice<T extends { officeName: string }>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.officeName || "未指定牵头科室";
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()];
}

/** One point of part 四: "第11项“…”（综合科，12月20日到期）", or "（综合科，经批准延期至12月20日）". */
export function upcomingText(p: BulletinPointFact): string {
  return `${pointName(p)}（${p.officeName || "未指定牵头科室"}，${p.extended ? extensionNote(p.deadline) : `${formatMonthDay(p.deadline)}到期`}）`;
}

export function draftBulletin(facts: BulletinFacts): { title: string; content: string } {
  const t = facts.totals;
  const lines: string[] = [];
  lines.push(`为及时掌握${facts.year}年度法治建设工作要点落实情况，推动各项任务按时完成，现将${periodLabel(facts.periodStart, facts.periodEnd)}工作进展情况通报如下。`);

  lines.push("一、总体进展");
  const parts = [`已完成${t.done}项`, `正常推进${t.onTrack}项`];
  if (t.behind > 0) parts.push(`滞后${t.behind}项`);
  if (t.overdue > 0) parts.push(`逾期${t.overdue}项`);
  if (t.notStarted > 0) parts.push(`尚未开始${t.notStarted}项`);
  lines.push(
    `截至${formatChineseDate(facts.periodEnd)}，${facts.year}年度工作要点共${t.points}项，${parts.join("，")}，总体完成率${percent(t.rate)}。本期各科室记录并经审核通过工作台账${facts.approvedEntries}条。`,
  );

  lines.push("二、本期完成情况");
  lines.push(
    facts.finished.length === 0
      ? "本期没有新完成的工作要点。"
      : `本期新完成工作要点${facts.finished.length}项：${facts.finished.map((p) => `${pointName(p)}（${p.officeName || "未指定牵头科室"}）`).join("；")}。`,
  );

  lines.push("三、滞后和逾期情况");
  if (facts.late.length === 0) {
    lines.push("目前没有滞后或逾期的工作要点。");
  } else {
    for (const [office, points] of groupByOffice(facts.late)) {
      const items = points.map(latePointText);
      lines.push(`${office}：${items.join("；")}。`);
    }
  }

  lines.push("四、近期到期事项");
  lines.push(
    facts.upcoming.length === 0
      ? `未来${UPCOMING_DAYS}天内没有到期的未完成工作要点。`
      : `未来${UPCOMING_DAYS}天内到期的未完成工作要点${facts.upcoming.length}项：${facts.upcoming.map(upcomingText).join("；")}。`,
  );

  lines.push("五、下一步工作要求");
  lines.push(
    facts.late.length > 0
      ? "请有关牵头科室对照完成时限，分析滞后原因，制定整改措施，抓紧推进滞后和逾期事项，并在法治建设工作台及时反馈进展。各科室要及时记录工作台账、上传佐证材料，临近到期的事项要提前谋划，确保按时保质完成。"
      : "请各科室继续对照完成时限推进各项工作，及时记录工作台账、上传佐证材料，临近到期的事项要提前谋划，确保按时保质完成。",
  );
  return { title: bulletinTitle(facts.year, facts.number), content: lines.join("\n") };
}

/** Stored text → the export's preface and parts: "一、" lines open a part. */
export function splitBulletinContent(content: string): { preface: string; parts: { heading: string; content: string }[] } {
  const preface: string[] = [];
  const parts: { heading: string; content: string[] }[] = [];
  for (const raw of content.split(/\r?\n/u)) {
    const line = raw.trim();
    if (!line) continue;
    if (/^[一二三四五六七八九十]+、/u.test(line)) parts.push({ heading: line, content: [] });
    else if (parts.length === 0) preface.push(line);
    else parts[parts.length - 1].content.push(line);
  }
  return { preface: preface.join("\n"), parts: parts.map((p) => ({ heading: p.heading, content: p.content.join("\n") })) };
}
