/**
 * Part 一（主要举措和成效）: results, not an activity list. Each plan section is a theme with its
 * title as the summary phrase, its points told as "一是……二是……", each with the targets' figures,
 * the activities counted by kind and the outcomes the ledger recorded ("形成建议12条",
 * "累计参加366人次"). An opening paragraph gives the year's totals. Every quantity of an approved
 * entry appears in a sentence or a total. Pure.
 */
import { chineseNumeral, describeTarget, formatNumber, stripFinalStop, targetFigure } from "./sentences";
import { entryOutcome } from "./quantities";
import { regulationClause } from "./draft-regulations";
import { listWithEtc, normalizeQuotes, shortTitle, titleAsPredicate, topicOf } from "./wording";
import type { PartWriter } from "./part-writer";
import type { ReportEntryFact, ReportFacts, ReportPointFact } from "./types";

interface FormWording {
  verb: string;
  noun: string;
  unit: string;
  /** Attendance reads "参训" for training, "参加" otherwise. */
  attend: string;
  /** Study-like forms are summed up by their topics. */
  topical: boolean;
}

const FORMS: Record<string, FormWording> = {
  集中学习: { verb: "组织", noun: "专题学习", unit: "次", attend: "参加", topical: true },
  专题研讨: { verb: "开展", noun: "专题研讨", unit: "次", attend: "参加", topical: true },
  专家讲座: { verb: "举办", noun: "专家讲座", unit: "场", attend: "参加", topical: true },
  培训班: { verb: "举办", noun: "培训班", unit: "期", attend: "参训", topical: false },
  宣传活动: { verb: "开展", noun: "宣传活动", unit: "次", attend: "参加", topical: false },
  调研视察: { verb: "开展", noun: "调研视察", unit: "次", attend: "参加", topical: false },
  制度建设: { verb: "推进", noun: "制度建设事项", unit: "项", attend: "参加", topical: false },
};
const OTHER_FORM: FormWording = { verb: "开展", noun: "相关工作", unit: "项", attend: "参加", topical: false };

export function formWording(form: string): FormWording {
  return FORMS[form] ?? OTHER_FORM;
}

/** The entry's title as a predicate; a title naming only a topic gets its form's verb and noun. */
export function predicateOf(entry: ReportEntryFact): string {
  const wording = entry.form === "制度建设" ? undefined : FORMS[entry.form];
  return titleAsPredicate(entry.title, wording);
}

function byDateThenId(a: ReportEntryFact, b: ReportEntryFact): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

/** Entries grouped by form, groups in the order of their first entry. */
export function groupByForm(entries: ReportEntryFact[]): [string, ReportEntryFact[]][] {
  const groups = new Map<string, ReportEntryFact[]>();
  for (const entry of [...entries].sort(byDateThenId)) groups.set(entry.form, [...(groups.get(entry.form) ?? []), entry]);
  return [...groups.entries()];
}

/** Clauses of what was done told with an entry on its own: a short description reads well, a long one is cut. */
const MAX_DETAIL_CLAUSES = 3;
const MAX_DETAIL_CHARS = 60;

/**
 * "召开法治建设专题协商会，围绕…开展专题协商，形成建议12条": one entry with its outcomes; with
 * `detail`, the description's other short clauses too. Clauses with quantities are always told.
 */
export function entryClause(entry: ReportEntryFact, writer: PartWriter, detail = false): string {
  const outcome = entryOutcome(entry);
  let told = outcome.clauses;
  if (detail) {
    let chars = 0;
    told = outcome.detail.filter((clause, i) => {
      if (outcome.clauses.includes(clause)) return true;
      chars += clause.length;
      return i < MAX_DETAIL_CLAUSES && chars <= MAX_DETAIL_CHARS;
    });
  }
  const parts = [predicateOf(entry), ...told.map((clause) => normalizeQuotes(clause))];
  if (outcome.attendance !== null) parts.push(`${formWording(entry.form).attend}${outcome.attendance}人次`);
  const clause = parts.filter(Boolean).join("，");
  writer.source(clause, [entry.id]);
  return clause;
}

function attendanceTotal(entries: ReportEntryFact[], attend: string, writer: PartWriter): string | null {
  const counted = entries.map((entry) => [entry, entryOutcome(entry).attendance] as const).filter(([, n]) => n !== null);
  if (counted.length === 0) return null;
  const sum = counted.reduce((total, [, n]) => total + (n ?? 0), 0);
  const phrase = `累计${attend}${formatNumber(sum)}人次`;
  writer.source(phrase, counted.map(([entry]) => entry.id));
  return phrase;
}

/** Several entries of one form: counted, their topics, attendance summed, outcomes told one by one. */
function groupClause(
  form: string,
  entries: ReportEntryFact[],
  countedByTarget: boolean,
  writer: PartWriter,
  topicLabel?: string,
): string {
  // A target's group is told by topics when every entry in it is study-like.
  const topical = topicLabel !== undefined && entries.every((entry) => FORMS[entry.form]?.topical);
  const wording = { ...formWording(form), topical: topical || formWording(form).topical && topicLabel === undefined };
  const pieces: string[] = [];
  const withOutcomes = entries.filter((entry) => entryOutcome(entry).clauses.length > 0);
  const plain = entries.filter((entry) => !withOutcomes.includes(entry));
  if (!countedByTarget) {
    const count = `${wording.verb}${wording.noun}${entries.length}${wording.unit}`;
    writer.source(count, entries.map((entry) => entry.id));
    pieces.push(count);
  }
  if (plain.length > 0) {
    if (wording.topical) {
      const topics = plain.map((entry) => topicOf(entry.title, [wording.noun, entry.form, formWording(entry.form).noun, "专题学习", "专题研讨", "专题讲座"]));
      pieces.push(`${topicLabel ?? ""}主题涵盖${listWithEtc(topics, 4)}`);
    } else {
      pieces.push(`主要有${listWithEtc(plain.map(predicateOf), 3)}`);
    }
  }
  const people = attendanceTotal(plain, wording.attend, writer);
  if (people) pieces.push(people);
  let text = pieces.join("，");
  if (withOutcomes.length > 0) {
    const told = withOutcomes.map((entry) => entryClause(entry, writer)).join("；");
    text = !text ? told : plain.length === 0 ? `${text}：${told}` : `${text}；其中，${told}`;
  }
  return text;
}

/** The sentences after a point's sub-heading. */
export function pointNarrative(point: ReportPointFact, writer: PartWriter): string {
  const sentences: string[] = [];
  if (point.targets.length > 0) {
    const clauses = point.targets.map((target, i) => (i === 0 ? describeTarget(target) : describeTarget(target).replace(/^全年/u, "")));
    sentences.push(`${clauses.join("；")}。`);
    for (const target of point.targets) writer.source(targetFigure(target), target.entryIds);
  }
  // Entries a count target already counted ("全年组织专题学习6次") are told as one group by their
  // topics, whatever their forms; the rest are grouped by form.
  const targeted = new Set<number>();
  const clauses: string[] = [];
  for (const target of point.targets) {
    if (target.kind !== "COUNT" || target.entryIds.length < 2) continue;
    const covered = point.entries.filter((entry) => target.entryIds.includes(entry.id) && !targeted.has(entry.id));
    if (covered.length < 2 || covered.length !== target.actual) continue;
    for (const entry of covered) targeted.add(entry.id);
    clauses.push(groupClause(covered[0].form, covered, true, writer, target.subject.trim()));
  }
  const rest = point.entries.filter((entry) => !targeted.has(entry.id));
  for (const [form, entries] of groupByForm(rest)) {
    clauses.push(entries.length === 1 ? entryClause(entries[0], writer, true) : groupClause(form, entries, false, writer));
  }
  // Rules adopted and execution assessments done for the point (制度库, issue 17 point 5).
  const rules = regulationClause(point.regulations);
  if (rules) clauses.push(rules);
  if (clauses.length > 0) sentences.push(`${clauses.join("；")}。`);
  if (sentences.length === 0) sentences.push("（请补充：该项工作的具体举措和成效）");
  return sentences.join("");
}

/** "全年共组织专题学习6次、开展专题研讨3次……累计参加412人次；12项任务已完成11项。" */
function yearTotals(facts: ReportFacts, writer: PartWriter): string | null {
  const points = facts.sections.flatMap((section) => section.points);
  const entries = points.flatMap((point) => point.entries);
  if (entries.length === 0) return null;
  // Totals in a fixed order (study, training, outreach, inspection, rules, other), not by date.
  const order = (form: string) => {
    const at = Object.keys(FORMS).indexOf(form);
    return at < 0 ? Object.keys(FORMS).length : at;
  };
  const counts = groupByForm(entries).sort(([a], [b]) => order(a) - order(b)).map(([form, list]) => {
    const wording = formWording(form);
    const phrase = `${wording.verb}${wording.noun}${list.length}${wording.unit}`;
    writer.source(phrase, list.map((entry) => entry.id));
    return phrase;
  });
  const people = attendanceTotal(entries, "参加", writer);
  const done = points.filter((point) => point.completed).length;
  const progress = done === points.length ? `年度工作要点确定的${points.length}项任务全部完成` : `年度工作要点确定的${points.length}项任务已完成${done}项`;
  return `${facts.year}年，围绕年度工作要点，全年共${counts.join("、")}${people ? `，${people}` : ""}；${progress}。主要工作如下：`;
}

export function draftResults(facts: ReportFacts, writer: PartWriter): void {
  const sections = facts.sections.filter((section) => section.points.length > 0);
  if (sections.length === 0) {
    writer.paragraph("（请补充：本年度法治建设主要举措和成效）");
    return;
  }
  const totals = yearTotals(facts, writer);
  if (totals) writer.paragraph(totals);
  sections.forEach((section, i) => {
    const theme = stripFinalStop(section.title);
    const body =
      section.points.length === 1
        ? pointNarrative(section.points[0], writer)
        : section.points.map((point, j) => `${chineseNumeral(j + 1)}是${shortTitle(point.title)}。${pointNarrative(point, writer)}`).join("");
    writer.paragraph(`${i + 1}.${theme}。${body}`);
  });
}
