/**
 * Heading markers of Chinese official documents, shallowest first:
 *   一、  （一）  1. / 1、  （1）  ①
 * matchHeading only recognises the marker at the start of a (normalised) line;
 * whether it really is a heading in context (and not a PDF line wrap that happens to
 * start with "二、三中全会") is decided by the paragraph builder.
 */
import { formatChineseCounting, parseChineseNumeral } from "./numerals";

export type HeadingKind = "CN" | "PAREN_CN" | "ARABIC" | "PAREN_ARABIC" | "CIRCLED";

/** Lower rank = shallower level. */
export const HEADING_RANK: Readonly<Record<HeadingKind, number>> = {
  CN: 0,
  PAREN_CN: 1,
  ARABIC: 2,
  PAREN_ARABIC: 3,
  CIRCLED: 4,
};

export interface HeadingMatch {
  kind: HeadingKind;
  /** Numeric value of the marker: "十二、" → 12, "（3）" → 3. */
  number: number;
  /** The number as written: "十二", "3". */
  label: string;
  /** Length of the marker including trailing spaces, so line.slice(markerLength) is the heading text. */
  markerLength: number;
}

const CN_RE = /^([一二三四五六七八九十]{1,3})\s*(?:、|\.(?!\d))\s*/;
const PAREN_CN_RE = /^（\s*([一二三四五六七八九十]{1,3})\s*）\s*/;
// "1." / "1、" must be followed by text, not a digit: "12.4" is a date, "1.5" a decimal.
const ARABIC_RE = /^(\d{1,3})\s*[.、](?!\d)\s*/;
const PAREN_ARABIC_RE = /^（\s*(\d{1,3})\s*）\s*/;
const CIRCLED_RE = /^([\u2460-\u2473])\s*/;

/** What may follow "1." for it to be a heading: CJK text, a letter, or an opening quote/bracket. */
const HEADING_TEXT_START_RE = /^[\u3400-\u9fff\uf900-\ufaffA-Za-z“‘《（【「『"']/;

export function matchHeading(line: string): HeadingMatch | null {
  let m = CN_RE.exec(line);
  if (m) {
    const label = m[1] as string;
    const number = parseCanonicalChineseNumber(label);
    if (number === null) return null;
    return { kind: "CN", number, label, markerLength: m[0].length };
  }
  m = PAREN_CN_RE.exec(line);
  if (m) {
    const label = m[1] as string;
    const number = parseCanonicalChineseNumber(label);
    if (number === null) return null;
    return { kind: "PAREN_CN", number, label, markerLength: m[0].length };
  }
  m = ARABIC_RE.exec(line);
  if (m) {
    const number = Number(m[1]);
    if (number === 0 || !HEADING_TEXT_START_RE.test(line.slice(m[0].length))) return null;
    return { kind: "ARABIC", number, label: String(number), markerLength: m[0].length };
  }
  m = PAREN_ARABIC_RE.exec(line);
  if (m) {
    const number = Number(m[1]);
    if (number === 0) return null;
    return { kind: "PAREN_ARABIC", number, label: String(number), markerLength: m[0].length };
  }
  m = CIRCLED_RE.exec(line);
  if (m) {
    const number = (m[1] as string).charCodeAt(0) - 0x2460 + 1;
    return { kind: "CIRCLED", number, label: String(number), markerLength: m[0].length };
  }
  return null;
}

/** "十二" → 12, but not "一二" or "三三": heading numbers are always written in counting form. */
function parseCanonicalChineseNumber(label: string): number | null {
  const number = parseChineseNumeral(label);
  if (number === null || number === 0 || formatChineseCounting(number) !== label) return null;
  return number;
}
