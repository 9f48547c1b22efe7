/**
 * Builds a ParsedPoint (title, text, offices, deadline, targets) from the paragraphs of
 * one work point, and shares the helpers that sections use for their headings.
 */
import { resolveDeadline } from "./deadline";
import { displayWidth } from "./normalize";
import { findLabelSpans, type LabelSpan, parseLabels, removeSpans } from "./offices";
import type { LocatedParagraph, PointGroup } from "./structure";
import { extractTargets } from "./targets";
import type { ParsedPoint, ParsedTarget } from "./types";

/** A paragraph with its office/deadline labels separated from its content. */
export interface CleanParagraph {
  source: LocatedParagraph;
  /** Text without the label spans. */
  content: string;
  labelTexts: string[];
  /** Targets found outside the label spans, with plan-text offsets. */
  targets: ParsedTarget[];
}

export function cleanParagraph(paragraph: LocatedParagraph): CleanParagraph {
  const spans: LabelSpan[] = paragraph.isLabel ? [{ start: 0, end: paragraph.text.length }] : findLabelSpans(paragraph.text);
  const targets = extractTargets(paragraph.text)
    .filter((target) => !spans.some((span) => target.start < span.end && target.end > span.start))
    .map((target) => ({ ...target, start: target.start + paragraph.start, end: target.end + paragraph.start }));
  return {
    source: paragraph,
    content: removeSpans(paragraph.text, spans),
    labelTexts: spans.map((span) => paragraph.text.slice(span.start, span.end)),
    targets,
  };
}

/**
 * Splits a heading's text into its run-in title and the rest: the title ends at the
 * first 。 ("深入学习习近平法治思想。把学习…"). A heading without a full stop is all title
 * when short, otherwise the title is its first clause.
 */
export function splitRunInTitle(headingText: string): { title: string; rest: string } {
  const stop = headingText.search(/[。！？]/);
  if (stop >= 0) return { title: headingText.slice(0, stop).trim(), rest: headingText.slice(stop + 1).trim() };
  if (displayWidth(headingText) <= 80) return { title: headingText.trim(), rest: "" };
  const clause = headingText.search(/[，；：]/);
  if (clause < 0) return { title: headingText.trim(), rest: "" };
  return { title: headingText.slice(0, clause).trim(), rest: headingText.slice(clause + 1).trim() };
}

export function buildPoint(group: PointGroup, year: number | null, warnings: string[]): ParsedPoint {
  const cleaned = group.paragraphs.map(cleanParagraph);
  const [first, ...others] = cleaned;
  const headingText = first ? first.content.slice(group.heading.markerLength) : "";
  const { title, rest } = splitRunInTitle(headingText);
  const text = [rest, ...others.map((p) => p.content)].filter((part) => part !== "").join("\n");

  const labels = parseLabels(cleaned.flatMap((p) => p.labelTexts));
  const [leadOffice = null, ...extraLeads] = labels.leadOffices;
  if (extraLeads.length > 0) {
    warnings.push(`第${group.heading.label}项有多个牵头科室，已将“${leadOffice}”作为牵头科室，其余列为配合科室`);
  }
  const supportOffices = [...extraLeads, ...labels.supportOffices.filter((office) => !extraLeads.includes(office))];

  const deadlineText = labels.deadlineText ?? "";
  // An explicit year ("2026年6月底前") resolves even when the plan year is unknown.
  const deadline = deadlineText === "" ? null : resolveDeadline(deadlineText, year ?? Number.NaN);
  if (deadlineText !== "" && deadline === null) {
    warnings.push(
      year === null
        ? `第${group.heading.label}项完成时限“${deadlineText}”：未识别到年度，无法换算为日期`
        : `第${group.heading.label}项完成时限“${deadlineText}”无法识别为日期`,
    );
  }

  return {
    number: group.heading.number,
    title,
    text,
    leadOffice,
    supportOffices,
    deadline,
    deadlineText,
    responsible: labels.responsible,
    targets: cleaned.flatMap((p) => p.targets),
  };
}
