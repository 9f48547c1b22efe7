/**
 * The import editor's state: a ParsedPlan turned into editable form values, offices matched to
 * the office list, and back to the JSON payload the save action validates (schemas.ts
 * importPlanSchema). Pure: used by the client editor and by tests.
 */
import { replaceYear, shiftIsoDay, type Comparator, type TargetKind } from "./copy";
import type { ParsedPlan, ParsedTarget } from "./types";

export interface OfficeRef {
  id: number;
  name: string;
  shortName: string;
  active: boolean;
}

export interface DraftTarget {
  key: string;
  subject: string;
  comparator: Comparator;
  /** As typed in the input; checked by draftProblems. */
  value: string;
  unit: string;
  kind: TargetKind;
  sourceText: string;
  deadline: string;
  /** Offsets into normalizedText (-1 for targets added by hand). */
  start: number;
  end: number;
}

export interface DraftPoint {
  key: string;
  number: number;
  title: string;
  text: string;
  leadOfficeId: number | null;
  /** An office named in the text that matched no office; must be resolved before saving. */
  unknownLead: string | null;
  supportOfficeIds: number[];
  unknownSupport: string[];
  deadline: string;
  deadlineText: string;
  responsible: string;
  targets: DraftTarget[];
}

export interface DraftSection {
  key: string;
  number: string;
  title: string;
  points: DraftPoint[];
}

export interface PlanDraft {
  year: string;
  /** The year the deadlines currently belong to (moved along when the year changes). */
  baseYear: number | null;
  title: string;
  unitName: string;
  preamble: string;
  sections: DraftSection[];
  /** Targets found outside any point: saved only once assigned to a point. */
  unassigned: DraftTarget[];
  warnings: string[];
  normalizedText: string;
}

/** The JSON the save action receives (see importPlanSchema). */
export interface ImportPayload {
  year: number;
  title: string;
  unitName: string;
  preamble: string;
  sections: {
    title: string;
    points: {
      number: number; title: string; text: string; leadOfficeId: number | null; supportOfficeIds: number[];
      deadline: string | null; deadlineText: string; responsible: string;
      targets: { subject: string; comparator: Comparator; value: number; unit: string; kind: TargetKind; sourceText: string; deadline: string | null }[];
    }[];
  }[];
}

let keySeq = 0;
export function newKey(prefix = "k"): string {
  keySeq += 1;
  return `${prefix}${keySeq}-${Math.random().toString(36).slice(2, 7)}`;
}

const squash = (s: string) => s.replace(/[\s\u3000]/g, "");

/** An active office by exact name or short name, else the single office whose name contains (or is contained in) the text. */
export function matchOffice(raw: string, offices: readonly OfficeRef[]): number | null {
  const name = squash(raw).replace(/^(XX|xx)?市?政协(办公室)?(机关)?/, "") || squash(raw);
  const active = offices.filter((o) => o.active);
  const exact = active.find((o) => squash(o.name) === name || squash(o.shortName) === name || squash(o.name) === squash(raw));
  if (exact) return exact.id;
  if (name.length < 2) return null;
  const partial = active.filter((o) => squash(o.name).includes(name) || name.includes(squash(o.name)));
  return partial.length === 1 ? partial[0].id : null;
}

export function emptyTarget(): DraftTarget {
  return { key: newKey("t"), subject: "", comparator: ">=", value: "", unit: "次", kind: "COUNT", sourceText: "", deadline: "", start: -1, end: -1 };
}

function toDraftTarget(t: ParsedTarget): DraftTarget {
  return {
    key: newKey("t"), subject: t.subject, comparator: t.comparator, value: String(t.value), unit: t.unit, kind: t.kind,
    sourceText: t.text, deadline: "", start: t.start, end: t.end,
  };
}

export function toDraft(parsed: ParsedPlan, offices: readonly OfficeRef[], defaults: { year: number; unitName: string }): PlanDraft {
  const sections: DraftSection[] = parsed.sections.map((section) => ({
    key: newKey("s"),
    number: section.number,
    title: section.title,
    points: section.points.map((point) => {
      const leadOfficeId = point.leadOffice ? matchOffice(point.leadOffice, offices) : null;
      const support: number[] = [];
      const unknownSupport: string[] = [];
      for (const name of point.supportOffices) {
        const id = matchOffice(name, offices);
        if (id === null) unknownSupport.push(name);
        else if (id !== leadOfficeId && !support.includes(id)) support.push(id);
      }
      return {
        key: newKey("p"), number: point.number, title: point.title, text: point.text,
        leadOfficeId, unknownLead: point.leadOffice && leadOfficeId === null ? point.leadOffice : null,
        supportOfficeIds: support, unknownSupport,
        deadline: point.deadline ?? "", deadlineText: point.deadlineText, responsible: point.responsible ?? "",
        targets: point.targets.map(toDraftTarget),
      };
    }),
  }));
  const year = parsed.year ?? defaults.year;
  return {
    year: String(year), baseYear: year, title: parsed.title,
    unitName: parsed.unitName ?? defaults.unitName, preamble: parsed.preamble, sections,
    unassigned: parsed.unassignedTargets.map(toDraftTarget), warnings: parsed.warnings, normalizedText: parsed.normalizedText,
  };
}

export function validYear(text: string): number | null {
  const year = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && year >= 2000 && year <= 2100 ? year : null;
}

/**
 * Moves the plan to another year: the deadlines (dates) shift by the difference. The wording —
 * title, 导语, written deadlines — is never edited: what the document says stays as it says it
 * (draftNotices points out where it names another year).
 */
export function withYear(draft: PlanDraft, yearText: string): PlanDraft {
  const year = validYear(yearText);
  if (year === null) return { ...draft, year: yearText };
  if (draft.baseYear === null || draft.baseYear === year) return { ...draft, year: yearText, baseYear: year };
  const delta = year - draft.baseYear;
  const moveTarget = (t: DraftTarget): DraftTarget => ({ ...t, deadline: shiftIsoDay(t.deadline, delta) });
  return {
    ...draft,
    year: yearText,
    baseYear: year,
    sections: draft.sections.map((s) => ({
      ...s,
      points: s.points.map((p) => ({ ...p, deadline: shiftIsoDay(p.deadline, delta), targets: p.targets.map(moveTarget) })),
    })),
    unassigned: draft.unassigned.map(moveTarget),
  };
}

/**
 * What the person saving should know but need not fix (shown before saving): points without a
 * 牵头科室, and wording that names a year other than the plan's.
 */
export function draftNotices(draft: PlanDraft): string[] {
  const notices: string[] = [];
  const points = draft.sections.flatMap((s) => s.points);
  const unassigned = points.filter((p) => p.leadOfficeId === null && !p.unknownLead).map((p) => p.number);
  if (unassigned.length > 0) {
    notices.push(
      unassigned.length === points.length
        ? `全部 ${points.length} 条要点都未指定牵头科室，保存后请在要点中补充，否则无法督办和统计科室完成情况`
        : `以下 ${unassigned.length} 条要点未指定牵头科室：第 ${unassigned.join("、")} 条`,
    );
  }
  const year = validYear(draft.year);
  if (year !== null) {
    const texts = [draft.title, draft.preamble, ...points.flatMap((p) => [p.title, p.text, p.deadlineText])];
    const others = new Set<number>();
    for (const text of texts) for (const m of text.matchAll(/(20\d{2})\s*年/g)) if (Number(m[1]) !== year) others.add(Number(m[1]));
    if (others.size > 0) notices.push(`正文中写有 ${[...others].sort().join("、")} 年，与年度 ${year} 不同；修改年度不会改动正文，请核对`);
  }
  return notices;
}

function targetValue(t: DraftTarget): number | null {
  if (t.kind === "BOOLEAN") return 1;
  const value = Number(t.value.trim());
  return t.value.trim() !== "" && Number.isFinite(value) && value >= 0 && value <= 1e9 ? value : null;
}

/** What must be fixed before saving, in Chinese; empty when the draft can be saved. */
export function draftProblems(draft: PlanDraft): string[] {
  const problems: string[] = [];
  if (validYear(draft.year) === null) problems.push("请填写有效的年度（2000—2100）");
  if (!draft.title.trim()) problems.push("请填写标题");
  if (!draft.unitName.trim()) problems.push("请填写单位名称");
  const points = draft.sections.flatMap((s) => s.points);
  if (points.length === 0) problems.push("至少需要一条工作要点");
  draft.sections.forEach((s, i) => {
    if (!s.title.trim()) problems.push(`第${i + 1}部分：请填写标题`);
  });
  const seen = new Set<number>();
  for (const p of points) {
    if (seen.has(p.number)) problems.push(`要点 ${p.number}：编号重复`);
    seen.add(p.number);
    if (!p.title.trim()) problems.push(`要点 ${p.number}：请填写标题`);
    if (p.unknownLead) problems.push(`要点 ${p.number}：未找到科室“${p.unknownLead}”，请选择对应科室`);
    for (const name of p.unknownSupport) problems.push(`要点 ${p.number}：未找到科室“${name}”，请选择对应科室`);
    p.targets.forEach((t, i) => {
      if (!t.subject.trim()) problems.push(`要点 ${p.number} 指标 ${i + 1}：请填写指标内容`);
      const value = targetValue(t);
      if (value === null) problems.push(`要点 ${p.number} 指标 ${i + 1}：目标值无效`);
      else if (t.kind === "PERCENT" && value > 100) problems.push(`要点 ${p.number} 指标 ${i + 1}：百分比不能超过 100`);
    });
  }
  return problems;
}

/** The payload for the save action (call after draftProblems is empty). */
export function draftToPayload(draft: PlanDraft): ImportPayload {
  const target = (t: DraftTarget) => ({
    subject: t.subject.trim(), comparator: t.comparator, value: targetValue(t) ?? 0, unit: t.unit.trim(), kind: t.kind,
    sourceText: t.sourceText.trim(), deadline: t.deadline || null,
  });
  return {
    year: validYear(draft.year) ?? 0,
    title: draft.title.trim(),
    unitName: draft.unitName.trim(),
    preamble: draft.preamble.trim(),
    sections: draft.sections.map((s) => ({
      title: s.title.trim(),
      points: s.points.map((p) => ({
        number: p.number, title: p.title.trim(), text: p.text.trim(), leadOfficeId: p.leadOfficeId,
        supportOfficeIds: p.supportOfficeIds.filter((id) => id !== p.leadOfficeId), deadline: p.deadline || null,
        deadlineText: p.deadlineText.trim(), responsible: p.responsible.trim(), targets: p.targets.map(target),
      })),
    })),
  };
}

export function draftCounts(draft: PlanDraft) {
  const points = draft.sections.flatMap((s) => s.points);
  return { sections: draft.sections.length, points: points.length, targets: points.reduce((n, p) => n + p.targets.length, 0) };
}
