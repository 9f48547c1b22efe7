/**
 * The article or chapter a 学法清单 note names ("重点学习第三章" → "ch-3", "第十二条" → "art-12"),
 * for a link into the rule (anchors of lib/regulations/articles.ts). Pure: the first reference wins.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "@/lib/plan/numerals";

const REFERENCE = new RegExp(`第([${CHINESE_NUMERAL_CHARS}0-9]+)(章|节|条)`);

export function noteAnchor(note: string): { anchor: string; label: string } | null {
  const match = REFERENCE.exec(note);
  if (!match) return null;
  const number = /^[0-9]+$/.test(match[1]) ? Number(match[1]) : parseChineseNumeral(match[1]);
  if (!number || number < 1) return null;
  const prefix = match[2] === "章" ? "ch" : match[2] === "节" ? "sec" : "art";
  return { anchor: `${prefix}-${number}`, label: match[0] };
}

/** The year asked for in ?year=, or the current one; the select offers the neighbours and every year with a list. */
export function parseStudyYear(raw: unknown, currentYear: number): number {
  return typeof raw === "string" && /^20\d{2}$/.test(raw) ? Number(raw) : currentYear;
}

export function studyYearChoices(currentYear: number, listedYears: number[], selected: number): number[] {
  return [...new Set([currentYear + 1, currentYear, currentYear - 1, selected, ...listedYears])].sort((a, b) => b - a);
}
