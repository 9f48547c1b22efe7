/**
 * Pure view models of the dashboard, built from the engine's output: what each card, chart and
 * table shows and where each figure links to. No database, no React, so it is unit-tested.
 */

import {
  STATUS_LABEL,
  STATUS_SEVERITY,
  dayIndex,
  describeProjection,
  formatChineseDate,
  type OfficeRollup,
  type PointProgress,
  type ProgressStatus,
  type Rollup,
} from "@/lib/progress";
import type { PlanProgressData } from "@/lib/progress/queries";
import { compactQuantity, describePointShortfall } from "@/lib/progress/shortfall";
import { countedFilter, ledgerHref, pointHref } from "./links";
import { pointExtensionNote } from "@/lib/supervision/deadline";

/** Tailwind classes matching STATUS_COLOR (600 shades), written out so Tailwind finds them. */
export const STATUS_DOT: Record<ProgressStatus, string> = {
  DONE: "bg-blue-600",
  ON_TRACK: "bg-green-600",
  BEHIND: "bg-yellow-600",
  OVERDUE: "bg-red-600",
  NOT_STARTED: "bg-gray-400",
};

export const STATUS_BADGE: Record<ProgressStatus, string> = {
  DONE: "bg-blue-50 text-blue-800 ring-blue-600/30",
  ON_TRACK: "bg-green-50 text-green-800 ring-green-600/30",
  BEHIND: "bg-yellow-50 text-yellow-800 ring-yellow-600/40",
  OVERDUE: "bg-red-50 text-red-800 ring-red-600/30",
  NOT_STARTED: "bg-gray-50 text-gray-700 ring-gray-400/40",
};

export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

export interface NamedOffice {
  id: number;
  name: string;
  shortName: string;
}

export interface SectionBar {
  sectionId: number;
  label: string;
  title: string;
  rate: number;
  pointCount: number;
  behind: number;
  /** The counted entries of the section's points (in the dashboard's office scope). */
  href: string;
  /** Every entry of its 滞后/逾期 points; null when there are none. */
  behindHref: string | null;
}

/** The dashboard's office scope as a ledger filter (points it leads or cooperates on); -1 (no office) is none. */
function scopeOffice(data: PlanProgressData): number | null {
  return data.officeId !== null && data.officeId > 0 ? data.officeId : null;
}

/** The counted entries behind the plan's (or the office scope's) figures. */
export function planLedgerHref(data: PlanProgressData): string {
  return ledgerHref({ ...countedFilter(data.plan.year, data.progress.asOf), pointOfficeId: scopeOffice(data) });
}

/**
 * The entries behind a status tile: every entry of the points with that light (drafts and
 * submissions too, since a 滞后 point is often waiting for review); null when no point has it.
 */
export function statusLedgerHref(data: PlanProgressData, status: ProgressStatus): string | null {
  const ids = data.progress.points.filter((p) => p.status === status).map((p) => p.pointId);
  return ids.length ? ledgerHref({ year: data.plan.year, pointIds: ids }) : null;
}

const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function sectionBars(data: PlanProgressData): SectionBar[] {
  const year = data.plan.year;
  const counted = { ...countedFilter(year, data.progress.asOf), pointOfficeId: scopeOffice(data) };
  return data.sections
    .filter((s) => data.progress.sections.has(s.id))
    .map((s) => {
      const r = data.progress.sections.get(s.id)!;
      return {
        sectionId: s.id,
        label: `${CHINESE_ORDINALS[s.ordinal - 1] ?? s.ordinal}、`,
        title: s.title,
        rate: r.rate,
        pointCount: r.pointCount,
        behind: r.byStatus.BEHIND + r.byStatus.OVERDUE,
        href: ledgerHref({ ...counted, sectionId: s.id }),
        behindHref: behindHref(data, s.id),
      };
    });
}

function behindHref(data: PlanProgressData, sectionId: number): string | null {
  const ids = data.progress.points.filter((p) => p.point.sectionId === sectionId && (p.status === "BEHIND" || p.status === "OVERDUE")).map((p) => p.pointId);
  return ids.length ? ledgerHref({ year: data.plan.year, pointIds: ids }) : null;
}

export interface OfficeRow {
  officeId: number;
  name: string;
  shortName: string;
  lead: Rollup;
  support: Rollup;
  rank: number;
  /** What it owes on its lead points ("逾期 1 项、滞后 2 项" or "无"), the first ranking key. */
  owes: string;
  /** Counted entries, of any office, on the points it leads: what its 牵头 figures count. */
  href: string;
  /** Counted entries, of any office, on the points it cooperates on: its 配合 figures. */
  supportHref: string;
}

/** What an office owes on the points it leads: "逾期 1 项、滞后 2 项", or "无". */
export function officeOwes(lead: Rollup): string {
  const parts = [lead.byStatus.OVERDUE ? `逾期 ${lead.byStatus.OVERDUE} 项` : "", lead.byStatus.BEHIND ? `滞后 ${lead.byStatus.BEHIND} 项` : ""].filter(Boolean);
  return parts.length ? parts.join("、") : "无";
}

/**
 * Offices by what they owe on the points they lead (fewer overdue, then fewer behind, first), then
 * by the completion of those points, then of those they support; ties share a rank. So an office
 * whose one lead point is overdue never heads the list on a high rate. `asOf` (the day measured)
 * limits the links to the entries counted that day.
 */
export function officeRanking(offices: readonly OfficeRollup[], names: readonly NamedOffice[], year: number, asOf?: Date): OfficeRow[] {
  const counted = asOf ? countedFilter(year, asOf) : { year, status: "APPROVED" as const, counted: true };
  const byId = new Map(names.map((o) => [o.id, o]));
  const key = (o: OfficeRollup) => [-o.lead.byStatus.OVERDUE, -o.lead.byStatus.BEHIND, o.lead.pointCount > 0 ? o.lead.rate : -1, o.support.pointCount > 0 ? o.support.rate : -1];
  const sorted = [...offices].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i += 1) if (kb[i] !== ka[i]) return kb[i] - ka[i];
    return a.officeId - b.officeId;
  });
  let rank = 0;
  let previous = "";
  return sorted.map((o, i) => {
    const signature = key(o).join("|");
    if (signature !== previous) rank = i + 1;
    previous = signature;
    const office = byId.get(o.officeId);
    return {
      officeId: o.officeId,
      name: office?.name ?? `科室${o.officeId}`,
      shortName: office?.shortName ?? office?.name ?? String(o.officeId),
      lead: o.lead,
      support: o.support,
      rank,
      owes: officeOwes(o.lead),
      href: ledgerHref({ ...counted, leadOfficeId: o.officeId }),
      supportHref: ledgerHref({ ...counted, supportOfficeId: o.officeId }),
    };
  });
}

export interface GridCell {
  pointId: number;
  number: number;
  title: string;
  status: ProgressStatus;
  label: string;
  dot: string;
  href: string;
  mine: boolean;
  /** "经批准延期至12月20日" when an approved 延期 is in force. */
  deadlineNote: string | null;
}

export function statusGrid(points: readonly PointProgress[], filter: ProgressStatus | null, officeId: number | null): GridCell[] {
  return points
    .filter((p) => !filter || p.status === filter)
    .map((p) => ({
      pointId: p.pointId,
      number: p.point.number,
      title: p.point.title.replace(/。$/u, ""),
      status: p.status,
      label: STATUS_LABEL[p.status],
      dot: STATUS_DOT[p.status],
      href: pointHref(p.pointId),
      mine: officeId !== null && (p.point.leadOfficeId === officeId || p.point.supportOfficeIds.includes(officeId)),
      deadlineNote: pointExtensionNote(p.point),
    }));
}

export interface AttentionRow {
  pointId: number;
  number: number;
  title: string;
  status: ProgressStatus;
  leadOffice: string;
  deadline: string;
  /** "经批准延期至12月20日" when an approved 延期 is in force. */
  deadlineNote: string | null;
  daysLeft: number;
  /** "专题学习 0/4次" for the target that sets the light; null for points without targets. */
  actualVsTarget: string | null;
  actualHref: string;
  expected: string | null;
  projection: string | null;
  shortfall: string;
  href: string;
}

function officeName(names: ReadonlyMap<number, string>, id: number | null): string {
  return id === null ? "（未指定）" : (names.get(id) ?? "");
}

/** 滞后 and 逾期 points: 逾期 first, then the nearest deadline. */
export function attentionRows(data: PlanProgressData, names: ReadonlyMap<number, string>): AttentionRow[] {
  const year = data.plan.year;
  return data.progress.points
    .filter((p) => p.status === "BEHIND" || p.status === "OVERDUE")
    .sort((a, b) => STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] || a.daysLeft - b.daysLeft || a.point.number - b.point.number)
    .map((p) => {
      const worst = p.worstTarget;
      const def = worst ? data.targetDefs.get(worst.targetId) : undefined;
      return {
        pointId: p.pointId,
        number: p.point.number,
        title: p.point.title.replace(/。$/u, ""),
        status: p.status,
        leadOffice: officeName(names, p.point.leadOfficeId),
        deadline: formatChineseDate(p.deadline),
        deadlineNote: pointExtensionNote(p.point),
        daysLeft: p.daysLeft,
        actualVsTarget: worst && def ? `${def.subject} ${compactQuantity(worst.actual, "")}/${compactQuantity(def.value, def.unit)}` : null,
        actualHref: ledgerHref({ ...countedFilter(year, data.progress.asOf), pointId: p.pointId, targetId: worst && def ? def.id : undefined }),
        expected: worst && def && def.comparator !== "<=" ? compactQuantity(worst.expectedDue, def.unit) : null,
        projection: worst && def ? describeProjection(worst, def) : null,
        shortfall: describePointShortfall(p, data.targetDefs),
        href: pointHref(p.pointId),
      };
    });
}

export interface DeadlineRow {
  pointId: number;
  number: number;
  title: string;
  what: string;
  deadline: string;
  deadlineNote: string | null;
  daysLeft: number;
  status: ProgressStatus;
  leadOffice: string;
  href: string;
  /** The counted entries behind the item (the point's, or the target's). */
  entriesHref: string;
}

/** Unfinished points and targets falling due within `days` days of asOf (today included). */
export function upcomingDeadlines(data: PlanProgressData, names: ReadonlyMap<number, string>, days = 30): DeadlineRow[] {
  const rows: DeadlineRow[] = [];
  const within = (d: number) => d >= 0 && d <= days;
  const counted = countedFilter(data.plan.year, data.progress.asOf);
  for (const p of data.progress.points) {
    if (p.status === "DONE") continue;
    const base = { pointId: p.pointId, number: p.point.number, title: p.point.title.replace(/。$/u, ""), leadOffice: officeName(names, p.point.leadOfficeId), href: pointHref(p.pointId) };
    const entriesHref = ledgerHref({ ...counted, pointId: p.pointId });
    if (within(p.daysLeft)) rows.push({ ...base, what: "工作要点", deadline: formatChineseDate(p.deadline), deadlineNote: pointExtensionNote(p.point), daysLeft: p.daysLeft, status: p.status, entriesHref });
    for (const t of p.targets) {
      const def = data.targetDefs.get(t.targetId);
      if (!def || t.met || dayIndex(t.deadline) === dayIndex(p.deadline) || !within(t.daysLeft)) continue;
      const what = `${def.subject}（${def.comparator === "<=" ? "不超过" : "不少于"}${compactQuantity(def.value, def.unit)}）`;
      rows.push({ ...base, what, deadline: formatChineseDate(t.deadline), deadlineNote: null, daysLeft: t.daysLeft, status: t.status, entriesHref: ledgerHref({ ...counted, pointId: p.pointId, targetId: def.id }) });
    }
  }
  return rows.sort((a, b) => a.daysLeft - b.daysLeft || a.number - b.number);
}

export interface YearFigures {
  year: number;
  asOf: Date;
  rate: number;
  targetsMet: number;
  targetCount: number;
  pointCount: number;
}

export function yearFigures(data: PlanProgressData): YearFigures {
  const r = data.progress.plan;
  return { year: data.plan.year, asOf: data.progress.asOf, rate: r.rate, targetsMet: r.targetsMet, targetCount: r.targetCount, pointCount: r.pointCount };
}

/** "提高 12.5 个百分点" / "下降 3 个百分点" / "持平" */
export function rateDelta(current: number, previous: number): string {
  const delta = Math.round((current - previous) * 1000) / 10;
  if (delta === 0) return "持平";
  return `${delta > 0 ? "提高" : "下降"} ${Math.abs(delta)} 个百分点`;
}
