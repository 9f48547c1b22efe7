/**
 * Character-level normalisation of plan text. Plans arrive from PDFs, Word and
 * hand typing with a mix of full- and half-width forms; everything downstream
 * (headings, targets, deadlines) matches one canonical form:
 *   - full-width digits/letters and ％．＋－／ → half-width ("４次" → "4次");
 *   - , ; : ( ) → Chinese ，；：（） (but "1,000" → "1000" and "8:30" stays);
 *   - ⑴ → （1）, ⒈ → 1. (PDF fonts and Word lists use these single characters);
 *   - U+3000 / NBSP / tabs → spaces, and spaces next to CJK text removed
 *     ("不少于 4 次" → "不少于4次", "法治 XX 建设" → "法治XX建设").
 */

/** True for CJK ideographs and CJK/full-width punctuation (text that needs no spaces around it). */
export function isWideChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, punctuation 〇、。…, ideographs
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xffef) || // full-width forms ，；：（）
    (code >= 0x20000 && code <= 0x3134f) || // CJK extension B+
    code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || // “ ” ‘ ’
    code === 0x2014 || code === 0x2026 || code === 0x00b7 // — … ·
  );
}

/** Display width as a PDF line would show it: CJK and full-width forms 2, ASCII 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2000 ? 2 : 1;
  return width;
}

const HALF_TO_FULL_PUNCTUATION: Readonly<Record<string, string>> = {
  ",": "，", ";": "；", ":": "：", "(": "（", ")": "）",
};

/** Full-width forms that become ASCII (digits, letters and a few symbols used in numbers). */
function foldFullWidthChar(code: number): string | null {
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0); // ０-９
  if (code >= 0xff21 && code <= 0xff3a) return String.fromCharCode(code - 0xfee0); // Ａ-Ｚ
  if (code >= 0xff41 && code <= 0xff5a) return String.fromCharCode(code - 0xfee0); // ａ-ｚ
  switch (code) {
    case 0xff05: return "%"; // ％
    case 0xff0e: return "."; // ． ("1．" is a heading, "1．5" a decimal)
    case 0xff0b: return "+";
    case 0xff0d: return "-";
    case 0xff0f: return "/";
    case 0xff1d: return "=";
    case 0xff1c: return "<";
    case 0xff1e: return ">";
    default: return null;
  }
}

function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c ||
    code === 0xa0 || code === 0x3000 || code === 0x1680 || code === 0x202f || code === 0x205f ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

function isInvisibleCode(code: number): boolean {
  return (
    code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff || code === 0x00ad ||
    (code < 0x20 && code !== 0x0a) || code === 0x7f
  );
}

const isAsciiDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

/**
 * Normalises one line (or one joined paragraph). Idempotent: normalizeInline(normalizeInline(x)) === normalizeInline(x).
 * Newlines are kept as they are (callers split lines first).
 */
export function normalizeInline(input: string): string {
  // Pass 1: width folding, punctuation unification, whitespace → " ".
  const chars: string[] = [];
  const source = Array.from(input);
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    const code = ch.codePointAt(0) ?? 0;
    if (isInvisibleCode(code)) continue;
    if (isSpaceCode(code)) {
      chars.push(" ");
      continue;
    }
    if (code >= 0x2474 && code <= 0x2487) {
      chars.push(`（${code - 0x2474 + 1}）`); // ⑴ → （1）
      continue;
    }
    if (code >= 0x2488 && code <= 0x249b) {
      chars.push(`${code - 0x2488 + 1}.`); // ⒈ → 1.
      continue;
    }
    const folded = code >= 0xff00 ? foldFullWidthChar(code) : null;
    if (folded !== null) {
      chars.push(folded);
      continue;
    }
    const full = HALF_TO_FULL_PUNCTUATION[ch];
    if (full !== undefined) {
      const prev = chars[chars.length - 1];
      if (ch === "," && isAsciiDigit(prev) && /^\d{3}(?!\d)/.test(source.slice(i + 1, i + 5).join(""))) {
        continue; // thousands separator: "1,000" → "1000"
      }
      if (ch === ":" && isAsciiDigit(prev) && isAsciiDigit(source[i + 1])) {
        chars.push(ch); // a time of day: "8:30"
        continue;
      }
      chars.push(full);
      continue;
    }
    chars.push(ch);
  }
  // Pass 2: drop whitespace next to wide characters, collapse the rest to one space.
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    if (ch !== " ") {
      out += ch;
      i++;
      continue;
    }
    let next = i;
    while (next < chars.length && chars[next] === " ") next++;
    const before = out.length > 0 ? lastChar(out) : undefined;
    const after = chars[next];
    const keep = before !== undefined && after !== undefined && after !== "\n" && before !== "\n" &&
      !isWideChar(before) && !isWideChar(after);
    if (keep) out += " ";
    i = next;
  }
  return out;
}

function lastChar(text: string): string {
  const code = text.charCodeAt(text.length - 1);
  // Keep surrogate pairs whole so isWideChar sees the real code point.
  if (code >= 0xdc00 && code <= 0xdfff && text.length >= 2) return text.slice(-2);
  return text.slice(-1);
}

/** Sentence-final punctuation that ends a paragraph in Chinese official documents. */
const PARAGRAPH_END_RE = /(?:[。！？；：!?…]|[。！？；][”’」』）)])$/;

export function endsWithParagraphPunctuation(line: string): boolean {
  return PARAGRAPH_END_RE.test(line);
}

/** "— 2 —", "- 3 -", "第 4 页 共 9 页": page furniture that PDF copying leaves in the text. */
const PAGE_NUMBER_RE = /^(?:[—–\-－~]+\s*\d{1,4}\s*[—–\-－~]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER_RE.test(line.trim());
}
