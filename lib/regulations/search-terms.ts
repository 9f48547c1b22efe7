/**
 * Pure text handling for the 制度库 search (lib/regulations/search-index.ts runs the SQL).
 *
 * Text and queries are normalised the same way (NFKC: full-width letters and digits become
 * half-width; lower case) and cut into runs of letters and digits; punctuation and spaces
 * separate runs. A run is indexed as its overlapping character bigrams ("合同管理" → 合同 同管 管理),
 * so a 2-character word is exactly one token and a longer phrase is a sequence of tokens.
 */

/** Longest query accepted (characters); longer input is cut. */
export const MAX_QUERY_CHARS = 100;
/** PostgreSQL keeps lexeme positions up to 16383 and at most 256 positions per lexeme. */
const PG_MAX_POSITION = 16383;
const PG_MAX_POSITIONS_PER_LEXEME = 255;

export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Runs of letters and digits of a normalised text. */
export function runsOf(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function bigramsOf(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** The text stored in the SQLite bigram FTS table: one bigram per token, runs kept apart by "|" (a separator for unicode61). */
export function bigramText(text: string): string {
  return runsOf(text).map((run) => bigramsOf(run).join(" ")).join(" | ");
}

/** The terms of a query: its runs, without duplicates; none when it holds only symbols. */
export function queryTerms(query: string): string[] {
  const runs = runsOf(query.slice(0, MAX_QUERY_CHARS));
  return [...new Set(runs)].slice(0, 8);
}

const ftsString = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** SQLite, trigram table: every term has at least 3 characters; each is a substring match. */
export function trigramMatch(terms: readonly string[]): string | null {
  if (terms.length === 0 || terms.some((t) => Array.from(t).length < 3)) return null;
  return terms.map(ftsString).join(" AND ");
}

/** SQLite, bigram table: a term is the phrase of its bigrams; a 1-character term is a prefix. */
export function bigramMatch(terms: readonly string[]): string {
  return terms
    .map((t) => (Array.from(t).length === 1 ? `${ftsString(t)}*` : ftsString(bigramsOf(t).join(" "))))
    .join(" AND ");
}

const tsLexeme = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/**
 * PostgreSQL: the document as a tsvector literal (cast with ::tsvector, no parser or locale):
 * bigrams of the title weighted A, of the 文号 B, of the body D, with positions for ranking.
 */
export function tsvectorLiteral(parts: { title: string; docNumber: string; body: string }): string {
  const positions = new Map<string, string[]>();
  let pos = 1;
  const add = (text: string, weight: "A" | "B" | "D") => {
    for (const run of runsOf(text)) {
      for (const gram of bigramsOf(run)) {
        const list = positions.get(gram) ?? [];
        if (list.length < PG_MAX_POSITIONS_PER_LEXEME) list.push(`${Math.min(pos, PG_MAX_POSITION)}${weight}`);
        positions.set(gram, list);
        pos++;
      }
      pos++; // runs are not adjacent
    }
  };
  add(parts.title, "A");
  add(parts.docNumber, "B");
  add(parts.body, "D");
  return [...positions].map(([gram, list]) => `${tsLexeme(gram)}:${[...new Set(list)].join(",")}`).join(" ");
}

/**
 * PostgreSQL: the query as a tsquery literal: every bigram of every term (AND); a 1-character
 * term is a prefix. Positions past 16383 are clamped, so phrases are not asked of the index:
 * terms of 3 or more characters are checked against the text afterwards (see search-index.ts).
 */
export function tsqueryLiteral(terms: readonly string[]): string {
  const parts = terms.flatMap((t) => (Array.from(t).length === 1 ? [`${tsLexeme(t)}:*`] : [...new Set(bigramsOf(t))].map(tsLexeme)));
  return parts.join(" & ");
}

export interface Passage {
  /** Text pieces; `hit` pieces are the matched terms. */
  pieces: { text: string; hit: boolean }[];
}

/**
 * Up to `max` passages of about `width` characters around the first occurrences of the terms,
 * with the terms marked. Matching is on the normalised text (same length as the original for
 * CJK; for other characters NFKC may change lengths, so the original is normalised char by char).
 */
export function passagesOf(text: string, terms: readonly string[], options: { max?: number; width?: number } = {}): Passage[] {
  const max = options.max ?? 3;
  const width = options.width ?? 80;
  if (terms.length === 0 || text === "") return [];
  const chars = Array.from(text);
  const norm = chars.map((c) => normalizeText(c));
  const hay = norm.join("");
  // Map normalised offsets back to char indexes.
  const startOf: number[] = [];
  let offset = 0;
  for (let i = 0; i < norm.length; i++) {
    startOf.push(offset);
    offset += norm[i].length;
  }
  const charAt = (o: number) => {
    let lo = 0;
    let hi = startOf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (startOf[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const hits: Array<[number, number]> = [];
  for (const term of terms) {
    let from = 0;
    for (let k = 0; k < 50; k++) {
      const at = hay.indexOf(term, from);
      if (at < 0) break;
      hits.push([charAt(at), charAt(at + term.length - 1) + 1]);
      from = at + term.length;
    }
  }
  if (hits.length === 0) return [];
  hits.sort((x, y) => x[0] - y[0]);
  const passages: Passage[] = [];
  let covered = -1;
  for (const [start] of hits) {
    if (passages.length >= max) break;
    if (start < covered) continue;
    const from = Math.max(0, start - Math.floor(width / 3));
    const to = Math.min(chars.length, from + width);
    covered = to;
    const inside = hits.filter(([s, e]) => s >= from && e <= to);
    const pieces: Passage["pieces"] = [];
    let at = from;
    for (const [s, e] of inside) {
      if (s < at) continue;
      if (s > at) pieces.push({ text: chars.slice(at, s).join(""), hit: false });
      pieces.push({ text: chars.slice(s, e).join(""), hit: true });
      at = e;
    }
    if (at < to) pieces.push({ text: chars.slice(at, to).join(""), hit: false });
    if (from > 0) pieces.unshift({ text: "…", hit: false });
    if (to < chars.length) pieces.push({ text: "…", hit: false });
    passages.push({ pieces: pieces.map((p) => ({ ...p, text: p.hit ? p.text : p.text.replace(/\s+/g, " ") })) });
  }
  return passages;
}
