/**
 * Chinese numerals as they occur in plans: counts ("两期", "十二次", "二十四"),
 * years written digit by digit ("二〇二五年") and Word's chineseCounting list numbers.
 */

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  "〇": 0, "零": 0, "○": 0,
  "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
  "六": 6, "七": 7, "八": 8, "九": 9,
};
const SMALL_UNIT_VALUES: Readonly<Record<string, number>> = { "十": 10, "百": 100, "千": 1000 };
const MYRIAD = "万";

/** Characters that can appear in a Chinese numeral (for building regexes elsewhere). */
export const CHINESE_NUMERAL_CHARS = "〇零○一二两三四五六七八九十百千万";

/**
 * "十二" → 12, "二十四" → 24, "两" → 2, "一百零五" → 105, "二〇二五" → 2025 (digit by digit).
 * Returns null for anything that is not a well-formed numeral (including "").
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0 || text.length > 16) return null;
  const hasUnits = /[十百千万]/.test(text);
  if (!hasUnits) {
    // No 十/百/千: a single digit or a year written digit by digit ("二〇二五").
    let value = 0;
    for (const ch of text) {
      const digit = DIGIT_VALUES[ch];
      if (digit === undefined) return null;
      value = value * 10 + digit;
    }
    return value;
  }
  let total = 0;
  let section = 0;
  let pendingDigit: number | null = null;
  let lastUnit = Infinity; // units must decrease within a section: "十百" is not a numeral
  for (const ch of text) {
    const digit = DIGIT_VALUES[ch];
    if (digit !== undefined) {
      if (pendingDigit !== null && pendingDigit !== 0 && digit !== 0) return null; // "二三"
      pendingDigit = digit;
      continue;
    }
    const unit = SMALL_UNIT_VALUES[ch];
    if (unit !== undefined) {
      if (unit >= lastUnit) return null;
      // A bare 十 at the start means 一十 ("十二" = 12).
      section += (pendingDigit === null || pendingDigit === 0 ? 1 : pendingDigit) * unit;
      if (pendingDigit === 0) return null; // "零十"
      pendingDigit = null;
      lastUnit = unit;
      continue;
    }
    if (ch === MYRIAD) {
      const myriads = section + (pendingDigit ?? 0);
      if (myriads === 0 || total !== 0) return null;
      total = myriads * 10000;
      section = 0;
      pendingDigit = null;
      lastUnit = Infinity;
      continue;
    }
    return null;
  }
  return total + section + (pendingDigit ?? 0);
}

/**
 * A number token from a target or date: arabic ("4", "1.5", "2万") or Chinese ("两", "十二").
 * Returns null when the token is not a number.
 */
export function parseNumberToken(token: string): number | null {
  const arabic = /^(\d+(?:\.\d+)?)(万)?$/.exec(token);
  if (arabic) {
    const base = Number(arabic[1]);
    if (!Number.isFinite(base)) return null;
    return arabic[2] ? Math.round(base * 10000 * 1000) / 1000 : base;
  }
  return parseChineseNumeral(token);
}

const COUNTING_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/**
 * Word's chineseCounting format: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五.
 * Falls back to arabic digits above 99 999 (Word lists never get there).
 */
export function formatChineseCounting(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 99_999) return String(value);
  if (value === 0) return "〇";
  const myriads = Math.floor(value / 10000);
  const rest = value % 10000;
  let out = myriads > 0 ? formatBelowMyriad(myriads, true) + "万" : "";
  if (rest > 0) {
    if (myriads > 0 && rest < 1000) out += "零";
    out += formatBelowMyriad(rest, myriads === 0);
  }
  return out;
}

function formatBelowMyriad(value: number, isLeading: boolean): string {
  const places: Array<[number, string]> = [[1000, "千"], [100, "百"], [10, "十"], [1, ""]];
  let out = "";
  let pendingZero = false;
  for (const [place, unitName] of places) {
    const digit = Math.floor(value / place) % 10;
    if (digit === 0) {
      if (out.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    // "十一" rather than "一十一" when 十 leads the whole number.
    const omitOne = place === 10 && digit === 1 && out.length === 0 && isLeading;
    out += (omitOne ? "" : COUNTING_DIGITS[digit]) + unitName;
  }
  return out;
}
