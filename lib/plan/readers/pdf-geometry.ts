/**
 * PDF page geometry → paragraphs and tables, with no PDF library: text items with positions,
 * and the straight lines drawn on the page (table rules). Coordinates are PDF user space
 * (origin bottom-left, y grows upwards).
 *
 *   - Tables: connected groups of horizontal and vertical rules form a grid; a missing rule
 *     between two grid cells means they are merged (horizontal or vertical merge); the text
 *     items inside a merged region belong to its top-left cell.
 *   - Everything else: visual lines (items sharing a baseline), top to bottom.
 */
import type { GridCell, SourceBlock } from "./document";
import { findUnruledTable } from "./pdf-columns";

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the glyph box). */
  size: number;
}

export interface Segment {
  /** "h": horizontal (y fixed, from x1 to x2); "v": vertical (x fixed, from y1 to y2). */
  dir: "h" | "v";
  at: number;
  from: number;
  to: number;
}

const TOL = 2;

/** A rectangle drawn as a rule: thin ones are lines, larger ones contribute their four edges. */
export function rectToSegments(x: number, y: number, w: number, h: number): Segment[] {
  const [x1, x2] = w >= 0 ? [x, x + w] : [x + w, x];
  const [y1, y2] = h >= 0 ? [y, y + h] : [y + h, y];
  if (y2 - y1 <= 3) return [{ dir: "h", at: (y1 + y2) / 2, from: x1, to: x2 }];
  if (x2 - x1 <= 3) return [{ dir: "v", at: (x1 + x2) / 2, from: y1, to: y2 }];
  return [
    { dir: "h", at: y1, from: x1, to: x2 }, { dir: "h", at: y2, from: x1, to: x2 },
    { dir: "v", at: x1, from: y1, to: y2 }, { dir: "v", at: x2, from: y1, to: y2 },
  ];
}

/** A straight line between two points, or null when it is diagonal. */
export function lineToSegment(x1: number, y1: number, x2: number, y2: number): Segment | null {
  if (Math.abs(y1 - y2) <= 1) return { dir: "h", at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) };
  if (Math.abs(x1 - x2) <= 1) return { dir: "v", at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) };
  return null;
}

function touches(a: Segment, b: Segment): boolean {
  if (a.dir === b.dir) return Math.abs(a.at - b.at) <= TOL && a.from <= b.to + TOL && b.from <= a.to + TOL;
  const [h, v] = a.dir === "h" ? [a, b] : [b, a];
  return v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;
}

/** Groups rules that touch into candidate tables. */
export function groupSegments(segments: readonly Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      if (touches(segments[i] as Segment, segments[j] as Segment)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((segment, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), segment]);
  });
  return [...groups.values()];
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const value of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || value - last > TOL) out.push(value);
  }
  return out;
}

function covered(segments: readonly Segment[], dir: "h" | "v", at: number, point: number): boolean {
  return segments.some((s) => s.dir === dir && Math.abs(s.at - at) <= TOL && s.from - TOL <= point && s.to + TOL >= point);
}

export interface PageTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  rows: GridCell[][];
}

/** The grid of one group of rules, with text items placed into cells; null when it is not a table. */
export function buildTable(segments: readonly Segment[], items: readonly TextItem[]): { table: PageTable; used: Set<TextItem> } | null {
  const xs = cluster(segments.filter((s) => s.dir === "v").map((s) => s.at));
  const ys = cluster(segments.filter((s) => s.dir === "h").map((s) => s.at)).reverse(); // top first
  if (xs.length < 3 || ys.length < 2) return null; // at least two columns and one row
  const columns = xs.length - 1;
  const rowCount = ys.length - 1;
  const region = Array.from({ length: rowCount }, (_, r) => Array.from({ length: columns }, (_, c) => r * columns + c));
  const parent = region.flat();
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); // the top-left cell stays the root
  };
  for (let r = 0; r < rowCount; r++) {
    const midY = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
    for (let c = 0; c < columns; c++) {
      const midX = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
      if (c + 1 < columns && !covered(segments, "v", xs[c + 1] as number, midY)) union(r * columns + c, r * columns + c + 1);
      if (r + 1 < rowCount && !covered(segments, "h", ys[r + 1] as number, midX)) union(r * columns + c, (r + 1) * columns + c);
    }
  }
  const [left, right, top, bottom] = [xs[0] as number, xs[xs.length - 1] as number, ys[0] as number, ys[ys.length - 1] as number];
  const inCell = new Map<number, TextItem[]>();
  const used = new Set<TextItem>();
  for (const item of items) {
    const cx = item.x + item.width / 2;
    const cy = item.y + item.size * 0.35;
    if (cx < left - TOL || cx > right + TOL || cy > top + TOL || cy < bottom - TOL) continue;
    used.add(item);
    const c = Math.max(0, xs.findIndex((x, i) => i + 1 < xs.length && cx >= x - TOL && cx <= (xs[i + 1] as number) + TOL));
    const r = Math.max(0, ys.findIndex((y, i) => i + 1 < ys.length && cy <= y + TOL && cy >= (ys[i + 1] as number) - TOL));
    const root = find(r * columns + c);
    inCell.set(root, [...(inCell.get(root) ?? []), item]);
  }
  const rows: GridCell[][] = region.map((row, r) =>
    row.map((index) => {
      const root = find(index);
      if (root === index) return { text: cellText(inCell.get(index) ?? []) };
      return Math.floor(root / columns) === r ? { text: "", mergedFrom: "left" as const } : { text: "", mergedFrom: "above" as const };
    }),
  );
  return { table: { top, bottom, left, right, rows }, used };
}

/** Items → visual lines, top to bottom; each line's items left to right. */
export function toLines(items: readonly TextItem[]): Array<{ y: number; text: string; size: number }> {
  const sorted = [...items].filter((i) => i.str !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; items: TextItem[]; size: number }> = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(2, Math.min(l.size, item.size) * 0.4));
    if (line) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else lines.push({ y: item.y, items: [item], size: item.size });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => ({ y: line.y, size: line.size, text: line.items.sort((a, b) => a.x - b.x).map((i) => i.str).join("").replace(/\s+$/, "") }))
    .filter((line) => line.text.trim() !== "");
}

const SENTENCE_END_RE = /[。；！？]$/;

/** A cell's text: its lines joined, a line break kept only after a finished sentence. */
export function cellText(items: readonly TextItem[]): string {
  let out = "";
  for (const line of toLines(items)) {
    const text = line.text.trim();
    out = out === "" ? text : SENTENCE_END_RE.test(out) ? `${out}\n${text}` : out + text;
  }
  return out;
}

/** One page: tables where rules form grids, lines elsewhere, in reading order. */
export function layoutPage(items: readonly TextItem[], segments: readonly Segment[], page: number): SourceBlock[] {
  const tables: PageTable[] = [];
  const used = new Set<TextItem>();
  for (const group of groupSegments(segments)) {
    const built = buildTable(group, items.filter((item) => !used.has(item)));
    if (!built) continue;
    // A frame with one cell of text (a boxed note) is not a task table: leave its text as lines.
    if (built.table.rows.length < 2) continue;
    tables.push(built.table);
    built.used.forEach((item) => used.add(item));
  }
  if (tables.length === 0) {
    // No ruled grid on the page: a borderless task table is rebuilt from text positions.
    const unruled = findUnruledTable(items);
    if (unruled) {
      tables.push(unruled.table);
      unruled.used.forEach((item) => used.add(item));
    }
  }
  const blocks: Array<{ y: number; block: SourceBlock }> = [];
  for (const table of tables) blocks.push({ y: table.top, block: { kind: "table", rows: table.rows, page } });
  for (const line of toLines(items.filter((item) => !used.has(item)))) blocks.push({ y: line.y, block: { kind: "paragraph", text: line.text, page } });
  return blocks.sort((a, b) => b.y - a.y).map((entry) => entry.block);
}
