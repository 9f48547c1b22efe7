/**
 * Assembled table sections → the parser's ParsedSection/ParsedPoint shape, so a plan read from
 * a task table is indistinguishable from the same plan read from paragraphs: the title is the
 * task cell (or the run-in title of the measures), the text the measures, targets come from
 * every text cell of the row, offices and deadlines from their columns.
 */
import { resolveDeadline } from "../deadline";
import { parseLabels, splitOffices } from "../offices";
import { splitRunInTitle } from "../point";
import { extractTargets } from "../targets";
import type { ParsedPoint, ParsedSection, ParsedTarget } from "../types";
import type { PointDraft, SectionDraft } from "./rows";

export interface TablePlanText {
  sections: ParsedSection[];
  /** The lines the points were read from ("一、…", "1.title。text"), joined with "\n" into the plan's normalizedText. */
  lines: string[];
  warnings: string[];
}

const LEAD_MARK_RE = /[（(]?(?:牵头|主责|负责)[）)]?$/;
const SUPPORT_MARK_RE = /[（(]?(?:配合|协办|参与)[）)]?$/;

/** Offices named in a lead cell: "综合科", "综合科、研究室", "牵头：综合科；配合：研究室", "综合科（牵头）、研究室（配合）". */
export function officesOfCells(leadCells: readonly string[], supportCells: readonly string[], hasSupportColumn: boolean): { lead: string[]; support: string[]; firstIsLead: boolean } {
  const lead: string[] = [];
  const support: string[] = [];
  const add = (list: string[], items: readonly string[]) => items.forEach((item) => { if (item !== "" && !list.includes(item)) list.push(item); });
  let firstIsLead = false;
  for (const cell of leadCells) {
    const oneLine = cell.replace(/\n/g, "；");
    if (/：/.test(oneLine)) {
      const labels = parseLabels([oneLine.replace(/(^|；)\s*牵头\s*：/g, "$1牵头单位：").replace(/(^|；)\s*配合\s*：/g, "$1配合单位：")]);
      if (labels.leadOffices.length + labels.supportOffices.length > 0) {
        add(lead, labels.leadOffices);
        add(support, labels.supportOffices);
        continue;
      }
    }
    const names = splitOffices(oneLine.replace(/[：:]/g, "、"));
    const marked = names.filter((name) => LEAD_MARK_RE.test(name) || SUPPORT_MARK_RE.test(name));
    if (marked.length > 0) {
      // "综合科（牵头）、研究室": the marked office leads, the others support.
      const leadMarked = names.some((name) => LEAD_MARK_RE.test(name));
      for (const name of names) {
        if (SUPPORT_MARK_RE.test(name) || (leadMarked && !LEAD_MARK_RE.test(name))) add(support, [name.replace(SUPPORT_MARK_RE, "")]);
        else add(lead, [name.replace(LEAD_MARK_RE, "")]);
      }
    } else if (!hasSupportColumn && lead.length === 0 && names.length > 1) {
      // The usual convention: the office listed first leads.
      add(lead, names.slice(0, 1));
      add(support, names.slice(1));
      firstIsLead = true;
    } else {
      add(lead, names);
    }
  }
  for (const cell of supportCells) add(support, splitOffices(cell.replace(/\n/g, "、")));
  return { lead, support: support.filter((office) => !lead.includes(office)), firstIsLead };
}

/** Title and body of a point from its task and measures cells. */
function titleAndText(point: PointDraft): { title: string; text: string } {
  const task = point.task.replace(/\n/g, "");
  if (task !== "") {
    const split = splitRunInTitle(task);
    // A task cell of one sentence is all title; a longer one has a run-in title like a paragraph.
    if (split.rest === "") return { title: task.replace(/[。；]$/, ""), text: point.measures };
    return { title: split.title, text: [split.rest, point.measures].filter((part) => part !== "").join("\n") };
  }
  const [first = "", ...others] = point.measures.split("\n");
  const split = splitRunInTitle(first);
  return { title: split.title, text: [split.rest, ...others].filter((part) => part !== "").join("\n") };
}

export function buildTableSections(drafts: readonly SectionDraft[], year: number | null, baseOffset: number, hasSupportColumn: boolean): TablePlanText {
  const lines: string[] = [];
  const warnings: string[] = [];
  let offset = baseOffset;
  let previousNumber = 0;
  let warnedFirstIsLead = false;
  const push = (line: string): number => {
    const start = offset;
    lines.push(line);
    offset += line.length + 1;
    return start;
  };

  const sections: ParsedSection[] = drafts.map((draft) => {
    if (draft.title !== "" || draft.label !== "") push(`${draft.label}${draft.label ? "、" : ""}${draft.title}`);
    const points: ParsedPoint[] = draft.points.map((raw) => {
      const number = raw.number ?? previousNumber + 1;
      previousNumber = number;
      const { title, text } = titleAndText(raw);
      const targets: ParsedTarget[] = [];
      const collect = (line: string, start: number) => {
        for (const t of extractTargets(line)) targets.push({ ...t, start: t.start + start, end: t.end + start });
      };
      const textLines = text === "" ? [] : text.split("\n");
      const head = `${number}.${title}${textLines.length > 0 ? "。" : ""}${textLines[0] ?? ""}`;
      collect(head, push(head));
      for (const line of textLines.slice(1)) collect(line, push(line));
      if (raw.notes !== "") for (const line of raw.notes.split("\n")) collect(line, push(line));

      const offices = officesOfCells(raw.lead, raw.support, hasSupportColumn);
      if (offices.firstIsLead && !warnedFirstIsLead) {
        warnedFirstIsLead = true;
        warnings.push("表格没有“配合单位”列：责任单位列出多个科室时，已将第一个作为牵头科室、其余作为配合科室，请核对");
      }
      const deadlineText = [...new Set(raw.deadlines.map((d) => d.replace(/\n/g, "")))].join("；");
      const deadline = deadlineText === "" ? null : resolveDeadline(deadlineText, year ?? Number.NaN);
      if (deadlineText !== "" && deadline === null) {
        warnings.push(year === null ? `第${number}项完成时限“${deadlineText}”：未识别到年度，无法换算为日期` : `第${number}项完成时限“${deadlineText}”无法识别为日期`);
      }
      const labelParts = [
        offices.lead.length > 0 ? `牵头科室：${offices.lead.join("、")}` : "",
        offices.support.length > 0 ? `配合科室：${offices.support.join("、")}` : "",
        deadlineText !== "" ? `完成时限：${deadlineText}` : "",
      ].filter((part) => part !== "");
      if (labelParts.length > 0) push(labelParts.join("；"));
      if (offices.lead.length > 1) warnings.push(`第${number}项有多个牵头科室，已将“${offices.lead[0]}”作为牵头科室，其余列为配合科室`);
      return {
        number,
        title,
        text,
        leadOffice: offices.lead[0] ?? null,
        supportOffices: [...offices.lead.slice(1), ...offices.support],
        deadline,
        deadlineText,
        responsible: raw.responsible[0]?.replace(/\n/g, "、") ?? null,
        targets,
      };
    });
    return { number: draft.label, title: draft.title, points };
  });
  return { sections, lines, warnings };
}
