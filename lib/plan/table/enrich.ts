/**
 * A plan text followed by its 分解表 annex: the table's rows enrich the text's work points
 * (offices, deadlines, responsible person, extra targets), matched by title or by number and a
 * similar title, instead of being imported a second time.
 */
import type { ParsedPoint, ParsedSection, ParsedTarget } from "../types";

const TITLE_NOISE_RE = /[\s\d.．、，。；：:;,（）()“”"'《》!！?？]/g;

function titleKey(title: string): string {
  return title.replace(TITLE_NOISE_RE, "");
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

/** Dice similarity of character bigrams, 0…1. */
export function titleSimilarity(a: string, b: string): number {
  const x = bigrams(titleKey(a));
  const y = bigrams(titleKey(b));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const gram of x) if (y.has(gram)) common++;
  return (2 * common) / (x.size + y.size);
}

/** The text point a table point describes, or null. */
export function findMatchingPoint(tablePoint: ParsedPoint, textPoints: readonly ParsedPoint[]): ParsedPoint | null {
  const key = titleKey(tablePoint.title);
  if (key !== "") {
    const exact = textPoints.find((p) => titleKey(p.title) === key);
    if (exact) return exact;
    if (key.length >= 4) {
      const contained = textPoints.find((p) => {
        const other = titleKey(p.title);
        return other.length >= 4 && (other.includes(key) || key.includes(other));
      });
      if (contained) return contained;
    }
  }
  const sameNumber = textPoints.find((p) => p.number === tablePoint.number);
  if (sameNumber && (key === "" || titleSimilarity(sameNumber.title, tablePoint.title) >= 0.4)) return sameNumber;
  let best: ParsedPoint | null = null;
  let bestScore = 0.6;
  for (const p of textPoints) {
    const score = titleSimilarity(p.title, tablePoint.title);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

const sameTarget = (a: ParsedTarget, b: ParsedTarget) => a.value === b.value && a.unit === b.unit && a.comparator === b.comparator && (a.subject === b.subject || a.subject === "" || b.subject === "");

export interface EnrichResult {
  sections: ParsedSection[];
  matched: number;
  unmatched: ParsedPoint[];
}

/** Fills what the text leaves open from the matched table points; the text's own values win. */
export function enrichWithTable(textSections: readonly ParsedSection[], tablePoints: readonly ParsedPoint[]): EnrichResult {
  const sections = textSections.map((section) => ({ ...section, points: section.points.map((point) => ({ ...point, supportOffices: [...point.supportOffices], targets: [...point.targets] })) }));
  const textPoints = sections.flatMap((section) => section.points);
  const unmatched: ParsedPoint[] = [];
  let matched = 0;
  const used = new Set<ParsedPoint>();
  for (const tablePoint of tablePoints) {
    const point = findMatchingPoint(tablePoint, textPoints.filter((p) => !used.has(p)));
    if (!point) {
      unmatched.push(tablePoint);
      continue;
    }
    used.add(point);
    matched++;
    point.leadOffice ??= tablePoint.leadOffice;
    for (const office of tablePoint.supportOffices) {
      if (office !== point.leadOffice && !point.supportOffices.includes(office)) point.supportOffices.push(office);
    }
    if (point.deadlineText === "" && tablePoint.deadlineText !== "") {
      point.deadlineText = tablePoint.deadlineText;
      point.deadline = tablePoint.deadline;
    }
    point.responsible ??= tablePoint.responsible;
    for (const target of tablePoint.targets) {
      if (!point.targets.some((existing) => sameTarget(existing, target))) point.targets.push({ ...target, start: -1, end: -1 });
    }
  }
  return { sections, matched, unmatched };
}
