/**
 * Splits a paragraph of report text into plain runs and figure phrases that link to the ledger
 * entries behind them (DraftPart.sources: phrase → entry ids). Pure, for the read view.
 */

export interface TextSegment {
  text: string;
  /** Present when the run is a sourced figure phrase. */
  entryIds?: number[];
}

/** The stored JSON → a clean phrase → ids map; anything malformed is dropped, never thrown. */
export function parseSources(json: string | null | undefined): Record<string, number[]> {
  if (!json) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, number[]> = {};
  for (const [phrase, ids] of Object.entries(value as Record<string, unknown>)) {
    if (!phrase || !Array.isArray(ids)) continue;
    const clean = ids.filter((id): id is number => Number.isInteger(id) && id > 0);
    if (clean.length > 0) out[phrase] = clean;
  }
  return out;
}

/**
 * Finds every occurrence of every phrase; where phrases overlap, the one starting first wins,
 * and at the same start the longer one ("组织专题学习6次" over "专题学习").
 */
export function segmentBySources(text: string, sources: Record<string, number[]>): TextSegment[] {
  const matches: { start: number; end: number; ids: number[] }[] = [];
  for (const [phrase, ids] of Object.entries(sources)) {
    if (!phrase || ids.length === 0) continue;
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
      matches.push({ start: at, end: at + phrase.length, ids });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of matches) {
    if (match.start < cursor) continue;
    if (match.start > cursor) segments.push({ text: text.slice(cursor, match.start) });
    segments.push({ text: text.slice(match.start, match.end), entryIds: match.ids });
    cursor = match.end;
  }
  if (cursor < text.length || segments.length === 0) segments.push({ text: text.slice(cursor) });
  return segments;
}

/** Every entry id any phrase of any part links to, for one lookup query. */
export function allSourceIds(sourcesList: Record<string, number[]>[]): number[] {
  const ids = new Set<number>();
  for (const sources of sourcesList) for (const list of Object.values(sources)) for (const id of list) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}
