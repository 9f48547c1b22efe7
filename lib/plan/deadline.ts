/**
 * Deadlines as written in plans ("完成时限" values) → an ISO date.
 *   "6月底前" → yyyy-06-30      "年底前" / "全年" → yyyy-12-31
 *   "第三季度" → yyyy-09-30      "2025年10月" → 2025-10-31
 *   "长期坚持" / "持续推进" → yyyy-12-31 (ongoing work is reviewed at the year's end)
 *   "2026年6月底前" → 2026-06-30 (an explicit year wins over the plan year)
 * When several dates are named ("6月底前完成初稿，10月底前定稿") the latest one is the deadline.
 */
import { normalizeInline } from "./normalize";
import { parseChineseNumeral } from "./numerals";

const pad2 = (value: number): string => String(value).padStart(2, "0");

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const monthEnd = (year: number, month: number): string | null =>
  Number.isInteger(month) && month >= 1 && month <= 12 ? isoDate(year, month, lastDayOfMonth(year, month)) : null;

/** Rewrites Chinese-numeral years, months, days and relative years as arabic digits. */
function canonicalise(text: string, planYear: number): string {
  return normalizeInline(text)
    .replace(/(次年|明年|翌年)/g, Number.isInteger(planYear) ? `${planYear + 1}年` : "$1")
    .replace(/(今年|本年度|本年|当年)/g, Number.isInteger(planYear) ? `${planYear}年` : "$1")
    .replace(/([〇零○一二三四五六七八九]{4})(?=年)/g, (all, digits: string) => String(parseChineseNumeral(digits) ?? all))
    .replace(/([一二三四五六七八九十]{1,3})(?=月|日|号)/g, (all, numeral: string) => String(parseChineseNumeral(numeral) ?? all));
}

type Resolver = (match: RegExpExecArray, planYear: number) => string | null;

const QUARTER_END_MONTH: Readonly<Record<string, number>> = { "一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12 };

const explicitOrPlanYear = (yearText: string | undefined, planYear: number): number =>
  yearText !== undefined ? Number(yearText) : planYear;

/** Most specific first; each match is masked so later patterns do not reread it. */
const RULES: ReadonlyArray<readonly [RegExp, Resolver]> = [
  // 2025-06-30, 2025/6/30, 2025.6.30
  [/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3]))],
  // (2025年)6月30日
  [/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]/g, (m, y) => isoDate(explicitOrPlanYear(m[1], y), Number(m[2]), Number(m[3]))],
  // (2025年)6月(上旬|中旬|下旬|底|末)
  [/(?:(\d{4})年)?(\d{1,2})月(?:份)?(上旬|中旬|下旬|中|底|末)?/g, (m, y) => {
    const year = explicitOrPlanYear(m[1], y);
    const month = Number(m[2]);
    if (m[3] === "上旬") return isoDate(year, month, 10);
    if (m[3] === "中旬" || m[3] === "中") return isoDate(year, month, 20);
    return monthEnd(year, month);
  }],
  // 2025.6 (a month written with a dot)
  [/(\d{4})[-/.](\d{1,2})(?![\d.])/g, (m) => monthEnd(Number(m[1]), Number(m[2]))],
  // (2025年)第三季度(末)
  [/(?:(\d{4})年)?第?([一二三四1-4])季度/g, (m, y) => {
    const month = QUARTER_END_MONTH[m[2] as string];
    return month === undefined ? null : monthEnd(explicitOrPlanYear(m[1], y), month);
  }],
  // (2025年)上半年 / 年中
  [/(?:(\d{4})年)?(?:上半年|年中)/g, (m, y) => isoDate(explicitOrPlanYear(m[1], y), 6, 30)],
  // (2025年)下半年 / 年底 / 年末 / 年内 / 全年 / 2025年底
  [/(?:(\d{4})年)?(?:下半年|年底|年末|年内|年终|全年|年度内)|(\d{4})年(?:底|末|内|终)/g, (m, y) =>
    isoDate(m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? Number(m[2]) : y, 12, 31)],
  // Ongoing work: reviewed at the end of the plan year.
  [/长期坚持|持续推进|长期|持续|常态化|经常性|每月|每季度|每半年|每年|按月|按季度/g, (_m, y) => isoDate(y, 12, 31)],
  // A bare year: "2026年" → the end of that year.
  [/(\d{4})年/g, (m) => isoDate(Number(m[1]), 12, 31)],
];

/**
 * Resolves a deadline text to yyyy-mm-dd within `year` (the plan year), or null when
 * it names no date we understand.
 */
export function resolveDeadline(text: string, year: number): string | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  let working = canonicalise(text.slice(0, 500), year);
  let latest: string | null = null;
  for (const [pattern, resolve] of RULES) {
    pattern.lastIndex = 0;
    let masked = "";
    let cursor = 0;
    for (let m = pattern.exec(working); m !== null; m = pattern.exec(working)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const date = resolve(m, year);
      if (date !== null && (latest === null || date > latest)) latest = date;
      masked += working.slice(cursor, m.index) + "\uE000".repeat(m[0].length);
      cursor = m.index + m[0].length;
    }
    working = masked + working.slice(cursor);
  }
  return latest;
}
