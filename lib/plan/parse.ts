/**
 * parsePlanText: a year's rule-of-law work plan (机关法治建设工作要点) as plain text →
 * title, year, unit, preamble, sections of work points with offices, deadlines and
 * quantitative targets. Pure and total: it never throws, whatever the input; what it
 * cannot make sense of is reported in `warnings` (in Chinese, for the user).
 */
import { cleanParagraph, buildPoint, splitRunInTitle } from "./point";
import { layoutPlan } from "./paragraphs";
import { parseChineseNumeral } from "./numerals";
import { groupStructure, type LocatedParagraph, type PlanStructure, type SectionGroup } from "./structure";
import type { ParsedPlan, ParsedPoint, ParsedSection, ParsedTarget, ParsePlanOptions } from "./types";

export type { ParsedPlan, ParsedPoint, ParsedSection, ParsedTarget, ParsePlanOptions } from "./types";

export const NO_STRUCTURE_WARNING = "未识别到“一、”等章节标题，请检查文本格式";

export function parsePlanText(text: string, opts: ParsePlanOptions = {}): ParsedPlan {
  const input = typeof text === "string" ? text : "";
  const warnings: string[] = [];
  const layout = layoutPlan(input);

  // normalizedText = title + paragraphs, one per line; remember where each paragraph starts.
  const pieces: string[] = layout.title ? [layout.title] : [];
  let cursor = layout.title ? layout.title.length + 1 : 0;
  const located: LocatedParagraph[] = layout.paragraphs.map((paragraph) => {
    const start = cursor;
    pieces.push(paragraph.text);
    cursor += paragraph.text.length + 1;
    return { ...paragraph, start };
  });
  const normalizedText = pieces.join("\n");

  const structure = groupStructure(located);
  const preambleText = structure.preamble.map((p) => p.text).join("\n");
  const year = findYear(layout.title) ?? findYear(preambleText.slice(0, 500)) ?? validYear(opts.defaultYear);
  const unitName = findUnitName(layout.title, preambleText);
  const unassignedTargets: ParsedTarget[] = structure.preamble.flatMap((p) => cleanParagraph(p).targets);

  if (normalizedText.trim() === "") warnings.push("文本为空");
  if (structure.shape === "none") warnings.push(NO_STRUCTURE_WARNING);
  if (structure.shape === "single-level") {
    warnings.push("只识别到一级编号，已将各条作为工作要点归入一个未命名章节");
  }

  const sections = structure.sections.map((group) => buildSection(group, year, warnings, unassignedTargets));
  checkNumbering(sections, structure.shape, warnings);

  return {
    title: layout.title,
    year,
    unitName,
    preamble: preambleText,
    sections,
    unassignedTargets: unassignedTargets.sort((a, b) => a.start - b.start),
    warnings,
    normalizedText,
  };
}

function buildSection(group: SectionGroup, year: number | null, warnings: string[], unassigned: ParsedTarget[]): ParsedSection {
  let title = "";
  const introParagraphs = [...group.intro];
  if (group.heading && group.headingParagraph) {
    const heading = cleanParagraph(group.headingParagraph);
    const split = splitRunInTitle(heading.content.slice(group.heading.markerLength));
    title = split.title;
    unassigned.push(...heading.targets);
    if (heading.labelTexts.length > 0) warnings.push(`第${group.heading.label}部分标题中的牵头科室、完成时限等信息未归入任何工作要点`);
  }
  for (const paragraph of introParagraphs) {
    const cleaned = cleanParagraph(paragraph);
    unassigned.push(...cleaned.targets);
    if (cleaned.labelTexts.length > 0) {
      warnings.push(`第${group.heading?.label ?? ""}部分第一个工作要点之前的牵头科室、完成时限等信息未归入任何工作要点`);
    }
  }
  const points: ParsedPoint[] = group.points.map((point) => buildPoint(point, year, warnings));
  if (group.heading && points.length === 0) warnings.push(`第${group.heading.label}部分“${title}”下未识别到工作要点`);
  return { number: group.heading?.label ?? "", title, points };
}

/** Sections must count 一、二、三…; points either run on across sections or restart at 1. */
function checkNumbering(sections: readonly ParsedSection[], shape: PlanStructure["shape"], warnings: string[]): void {
  if (shape === "nested") {
    sections.forEach((section, index) => {
      const number = parseChineseNumeral(section.number) ?? Number(section.number);
      if (number !== index + 1) warnings.push(`章节编号不连续：第${index + 1}个章节的编号是“${section.number}”`);
    });
  }
  let previous: number | null = null;
  for (const section of sections) {
    for (const point of section.points) {
      if (previous !== null && point.number !== previous + 1 && point.number !== 1) {
        warnings.push(`工作要点编号不连续：${previous}之后是${point.number}`);
      }
      previous = point.number;
    }
  }
}

const ARABIC_YEAR_RE = /(\d{4})\s*年/;
const CHINESE_YEAR_RE = /([〇零○一二三四五六七八九]{4})\s*年/;

function findYear(text: string): number | null {
  const arabic = ARABIC_YEAR_RE.exec(text);
  if (arabic) return validYear(Number(arabic[1]));
  const chinese = CHINESE_YEAR_RE.exec(text);
  if (chinese) return validYear(parseChineseNumeral(chinese[1] as string) ?? undefined);
  return null;
}

function validYear(year: number | undefined): number | null {
  return year !== undefined && Number.isInteger(year) && year >= 1900 && year <= 2199 ? year : null;
}

const CPPCC_UNIT_RE = /[A-Za-z\u4e00-\u9fff]{0,20}?政协[A-Za-z\u4e00-\u9fff]{0,12}?办公室/;
const LEADING_NON_UNIT_RE = /^(?:年度|年|结合|根据|按照|围绕|坚持|今年|全年|为|在|由)+/;

/** "市政协办公室2025年机关法治建设工作要点" → "市政协办公室"; else "XX市政协办公室" in the preamble. */
function findUnitName(title: string, preamble: string): string | null {
  const yearAt = title.search(/(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年/);
  if (yearAt > 0) {
    const beforeYear = title.slice(0, yearAt).replace(/关于$/, "").trim();
    if (beforeYear.length >= 2) return beforeYear;
  }
  // Only the title names the unit: a phrase of the 导语 ("……关键之年，XX市政协办公室……") is not a
  // unit name. Without one in the title the import uses the unit's settings.
  void preamble;
  for (const source of [title]) {
    const m = CPPCC_UNIT_RE.exec(source);
    if (m) {
      const unit = m[0].replace(LEADING_NON_UNIT_RE, "");
      if (unit.length >= 4) return unit;
    }
  }
  return null;
}
