/**
 * A task table printed without rules (a borderless 分解表): rebuilt from text positions alone.
 *   - the header is the first line whose separate chunks name at least two column roles,
 *     one of them the task or its measures (序号 | 重点任务 | 具体措施 | 牵头单位 …);
 *   - column starts are where the text below the header starts most often, one per header chunk
 *     (body text is left-aligned in its column even when the header is centred);
 *   - a line with a number in the 序号 column (or, without one, text in the first column) starts
 *     a row; other lines continue the cells of the row above; a "一、…" line alone is a section row.
 */
import { matchHeading } from "../headings";
import { roleOfHeader } from "../table/columns";
import type { GridCell } from "./document";
import type { PageTable, TextItem } from "./pdf-geometry";

interface Chunk {
  x: number;
  end: number;
  text: string;
  items: TextItem[];
}

interface Line {
  y: number;
  chunks: Chunk[];
}

/** Items → lines (top first) → chunks separated by wide gaps. */
function chunkLines(items: readonly TextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; items: TextItem[] }> = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(2, Math.min(l.size, item.size) * 0.4));
    if (line) line.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines.map((line) => {
    const chunks: Chunk[] = [];
    for (const item of line.items.sort((a, b) => a.x - b.x)) {
      const last = chunks[chunks.length - 1];
      if (last && item.x - last.end < Math.max(item.size * 0.6, 4)) {
        last.text += item.str;
        last.end = Math.max(last.end, item.x + item.width);
        last.items.push(item);
      } else chunks.push({ x: item.x, end: item.x + item.width, text: item.str, items: [item] });
    }
    return { y: line.y, chunks: chunks.map((c) => ({ ...c, text: c.text.trim() })) };
  });
}

const SENTENCE_END_RE = /[。；！？]$/;
const NUMBER_RE = /^[（(]?\d{1,3}[）)]?[.．、]?$/;

export function findUnruledTable(items: readonly TextItem[]): { table: PageTable; used: Set<TextItem> } | null {
  const lines = chunkLines(items);
  const headerIndex = lines.findIndex((line) => {
    const roles = line.chunks.map((c) => roleOfHeader(c.text));
    return line.chunks.length >= 3 && roles.filter((r) => r !== null).length >= 2 && (roles.includes("task") || roles.includes("measures"));
  });
  if (headerIndex < 0) return null;
  const header = lines[headerIndex] as Line;
  const body = lines.slice(headerIndex + 1);
  if (body.length === 0) return null;

  // Where body chunks start, clustered (4 pt), with how often.
  const starts: Array<{ x: number; count: number }> = [];
  for (const chunk of body.flatMap((l) => l.chunks)) {
    const near = starts.find((s) => Math.abs(s.x - chunk.x) <= 4);
    if (near) near.count++;
    else starts.push({ x: chunk.x, count: 1 });
  }
  const columnStarts = header.chunks.map((chunk, i) => {
    if (i === 0) return -Infinity;
    const from = (header.chunks[i - 1] as Chunk).end;
    const candidates = starts.filter((s) => s.count >= 2 && s.x > from - 2 && s.x <= chunk.end);
    return candidates.length > 0 ? Math.min(...candidates.map((s) => s.x)) - 2 : chunk.x - 2;
  });
  const columnOf = (x: number) => {
    let column = 0;
    columnStarts.forEach((start, i) => { if (x >= start) column = i; });
    return column;
  };
  const width = header.chunks.length;
  const numberColumn = header.chunks.findIndex((c) => roleOfHeader(c.text) === "number");
  const rows: GridCell[][] = [header.chunks.map((c) => ({ text: c.text }))];
  const used = new Set<TextItem>(header.chunks.flatMap((c) => c.items));
  let current: string[] | null = null;
  for (const line of body) {
    line.chunks.forEach((c) => c.items.forEach((item) => used.add(item)));
    const only = line.chunks.length === 1 ? (line.chunks[0] as Chunk) : null;
    const heading = only ? matchHeading(only.text) : null;
    if (only && heading && (heading.kind === "CN" || heading.kind === "PAREN_CN")) {
      rows.push([{ text: only.text }, ...Array.from({ length: width - 1 }, () => ({ text: "", mergedFrom: "left" as const }))]);
      current = null;
      continue;
    }
    const cells = line.chunks.map((c) => ({ column: columnOf(c.x), text: c.text }));
    const startsRow = numberColumn >= 0 ? cells.some((c) => c.column === numberColumn && NUMBER_RE.test(c.text)) : cells.some((c) => c.column === 0);
    if (startsRow || current === null) {
      current = Array.from({ length: width }, () => "");
      rows.push([]);
    }
    for (const { column, text } of cells) {
      const before = current[column] as string;
      current[column] = before === "" ? text : SENTENCE_END_RE.test(before) ? `${before}\n${text}` : before + text;
    }
    rows[rows.length - 1] = current.map((text) => ({ text }));
  }
  if (rows.length < 2) return null;
  const top = header.y + 1;
  const bottom = (body[body.length - 1] as Line).y - 5;
  return { table: { top, bottom, left: 0, right: 0, rows }, used };
}
