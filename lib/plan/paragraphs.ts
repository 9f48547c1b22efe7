/**
 * Turns raw plan text into a title and logical paragraphs.
 *
 * Text copied from a PDF has a hard line break every ~30 characters, mid-sentence;
 * text from Word or typed by hand has one paragraph per line. We detect which of the
 * two we have ("hard-wrapped" when most lines share one width) and join wrapped
 * lines back into paragraphs. A line starts a new paragraph when
 *   - the previous line ended one (。！？；： at the end, or it is short in wrapped text,
 *     or it was a heading/label line), or
 *   - it begins with a heading marker that is plausible here (see acceptHeading), or
 *   - it begins with an office/deadline label ("牵头科室：…").
 */
import { type HeadingKind, type HeadingMatch, matchHeading } from "./headings";
import { displayWidth, endsWithParagraphPunctuation, isPageNumberLine, normalizeInline } from "./normalize";
import { endsWithLabelGroup, startsWithLabel } from "./offices";

export interface PlanParagraph {
  text: string;
  /** Set when the paragraph starts with an accepted heading marker. */
  heading: HeadingMatch | null;
  /** The paragraph starts with an office/deadline label. */
  isLabel: boolean;
}

export interface PlanLayout {
  title: string;
  paragraphs: PlanParagraph[];
}

const TITLE_KEYWORD_RE = /要点|计划|方案|安排|清单|规划|任务分解|实施意见|工作意见/;
const TITLE_ENDING_KEYWORD_RE = /(?:要点|计划|方案|安排|清单|规划|任务分解表?)$/;
const NO_TITLE_ENDING_RE = /[。；，、：！？]$/;
const ATTACHMENT_LINE_RE = /^附件\s*\d*$/;

interface LineInfo {
  text: string;
  width: number;
}

export function layoutPlan(raw: string): PlanLayout {
  const lines: LineInfo[] = [];
  for (const rawLine of raw.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const text = normalizeInline(rawLine).trim();
    if (isPageNumberLine(text)) continue; // page furniture: as if the line were not there
    lines.push({ text, width: displayWidth(text) });
  }
  const geometry = measureLines(lines);
  const { title, firstBodyLine } = findTitle(lines, geometry);
  return { title, paragraphs: buildParagraphs(lines.slice(firstBodyLine), geometry) };
}

interface Geometry {
  /** True when the text looks hard-wrapped (PDF copy). */
  wrapped: boolean;
  /** In wrapped text, a line at least this wide may continue on the next line. */
  fullWidth: number;
}

function measureLines(lines: readonly LineInfo[]): Geometry {
  const nonEmpty = lines.filter((line) => line.width > 0);
  const widths = nonEmpty.map((line) => line.width).sort((a, b) => a - b);
  if (widths.length < 4) return { wrapped: false, fullWidth: Infinity };
  const typical = widths[Math.floor(widths.length * 0.75)] as number;
  const full = nonEmpty.filter((line) => line.width >= typical * 0.85 && line.width <= typical * 1.1);
  // The signature of a PDF copy: most lines share one width (at most ~80 CJK characters)
  // and many of those full lines stop mid-sentence. One-paragraph-per-line text ends its
  // lines with 。 instead.
  const midSentence = full.filter((line) => !endsWithParagraphPunctuation(line.text)).length;
  const wrapped = typical <= 160 && full.length >= widths.length * 0.5 && midSentence >= Math.max(3, full.length * 0.3);
  return { wrapped, fullWidth: wrapped ? typical * 0.8 : Infinity };
}

function findTitle(lines: readonly LineInfo[], geometry: Geometry): { title: string; firstBodyLine: number } {
  let first = lines.findIndex((line) => line.width > 0);
  if (first >= 0 && ATTACHMENT_LINE_RE.test((lines[first] as LineInfo).text)) {
    const next = lines.findIndex((line, index) => index > first && line.width > 0);
    first = next;
  }
  if (first < 0) return { title: "", firstBodyLine: lines.length };
  const line = lines[first] as LineInfo;
  const noTitle = { title: "", firstBodyLine: first };
  if (matchHeading(line.text) || startsWithLabel(line.text) || NO_TITLE_ENDING_RE.test(line.text) || line.width > 120) {
    return noTitle;
  }
  const next = lines[first + 1];
  // A title wrapped over two lines: "市政协办公室2025年机关法治建设" / "工作要点".
  if (next && next.width > 0 && !TITLE_ENDING_KEYWORD_RE.test(line.text) && TITLE_ENDING_KEYWORD_RE.test(next.text) &&
      !NO_TITLE_ENDING_RE.test(next.text) && !matchHeading(next.text) && line.width + next.width <= 120) {
    return { title: line.text + next.text, firstBodyLine: first + 2 };
  }
  // A short line without final punctuation stands alone: in wrapped text it is narrower than
  // the wrap width, in one-paragraph-per-line text it is too short to be a body paragraph.
  const isolated = !next || next.width === 0 || matchHeading(next.text) !== null ||
    (geometry.wrapped ? line.width < geometry.fullWidth : line.width <= 60);
  if (TITLE_KEYWORD_RE.test(line.text) || isolated) return { title: line.text, firstBodyLine: first + 1 };
  return noTitle;
}

interface OpenParagraph {
  parts: string[];
  heading: HeadingMatch | null;
  isLabel: boolean;
}

const closeParagraph = (open: OpenParagraph): PlanParagraph =>
  ({ text: open.parts.join(""), heading: open.heading, isLabel: open.isLabel });

function buildParagraphs(lines: readonly LineInfo[], geometry: Geometry): PlanParagraph[] {
  const paragraphs: PlanParagraph[] = [];
  const lastNumberByKind = new Map<HeadingKind, number>();
  let current: OpenParagraph | null = null;
  let previousEnded = true;
  let blankSincePrevious = false;

  for (const line of lines) {
    if (line.width === 0) {
      blankSincePrevious = true;
      continue;
    }
    // A blank line ends a paragraph, except in PDF text where a page break can fall mid-sentence.
    const ended = previousEnded || (blankSincePrevious && !geometry.wrapped);
    blankSincePrevious = false;
    const candidate = matchHeading(line.text);
    const heading = candidate && acceptHeading(candidate, line, ended, lastNumberByKind, geometry) ? candidate : null;
    const isLabel = startsWithLabel(line.text);

    if (current === null || ended || heading || isLabel) {
      if (current) paragraphs.push(closeParagraph(current));
      current = { parts: [line.text], heading, isLabel };
      if (heading) lastNumberByKind.set(heading.kind, heading.number);
    } else {
      // Joining a wrapped line: CJK needs no space in between, two ASCII words do.
      const previousPart = current.parts[current.parts.length - 1] ?? "";
      const needsSpace = /[A-Za-z0-9]$/.test(previousPart) && /^[A-Za-z0-9]/.test(line.text);
      current.parts.push(needsSpace ? ` ${line.text}` : line.text);
    }
    previousEnded = lineEndsParagraph(line, heading, isLabel, geometry);
  }
  if (current) paragraphs.push(closeParagraph(current));
  return paragraphs;
}

function lineEndsParagraph(line: LineInfo, heading: HeadingMatch | null, isLabel: boolean, geometry: Geometry): boolean {
  if (endsWithParagraphPunctuation(line.text)) return true;
  if (endsWithLabelGroup(line.text)) return true; // "…。（牵头科室：综合科；完成时限：6月底前）"
  if (geometry.wrapped) return line.width < geometry.fullWidth; // short line: the paragraph ended here
  // One paragraph per line: only an unfinished sentence carries on to the next line,
  // and heading or label lines without a sentence in them never do.
  if (heading && !line.text.includes("。")) return true;
  return isLabel;
}

/**
 * Is this line-start marker a heading? After a paragraph end, any marker is. Mid-sentence
 * (the previous line was cut by the PDF's line width) only the expected next number is,
 * and for "一、" only when the line is a short standalone heading: "二、三中全会精神" is a wrap.
 */
function acceptHeading(
  heading: HeadingMatch,
  line: LineInfo,
  previousEnded: boolean,
  lastNumberByKind: ReadonlyMap<HeadingKind, number>,
  geometry: Geometry,
): boolean {
  if (previousEnded) return true;
  const expected = (lastNumberByKind.get(heading.kind) ?? 0) + 1;
  if (heading.kind === "CN") {
    const rest = line.text.slice(heading.markerLength);
    const standalone = !/[，。；]/.test(rest) && (geometry.wrapped ? line.width < geometry.fullWidth : line.width <= 60);
    return heading.number === expected && standalone;
  }
  return heading.number === expected || heading.number === 1;
}
