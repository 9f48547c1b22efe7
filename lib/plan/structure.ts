/**
 * Groups paragraphs into sections and work points by heading level.
 *
 * The shallowest heading level present becomes the sections; inside each section the
 * shallowest deeper level becomes the work points, and anything deeper stays in the
 * point's text. So 一、/（一） gives sections/points, 一、/1. likewise (a skipped level),
 * and 一、/（一）/1. gives sections/points with the 1. items inside the points.
 * A plan with a single level of numbering gets one implicit section holding the items.
 */
import { HEADING_RANK, type HeadingKind, type HeadingMatch } from "./headings";
import type { PlanParagraph } from "./paragraphs";

export interface LocatedParagraph extends PlanParagraph {
  /** Offset of the paragraph in the normalised plan text. */
  start: number;
}

export interface PointGroup {
  heading: HeadingMatch;
  /** paragraphs[0] starts with the point's heading marker. */
  paragraphs: LocatedParagraph[];
}

export interface SectionGroup {
  /** null for the implicit section of a single-level plan. */
  heading: HeadingMatch | null;
  headingParagraph: LocatedParagraph | null;
  /** Paragraphs between the section heading and its first point. */
  intro: LocatedParagraph[];
  points: PointGroup[];
}

export interface PlanStructure {
  shape: "none" | "single-level" | "nested";
  preamble: LocatedParagraph[];
  sections: SectionGroup[];
}

export function groupStructure(paragraphs: readonly LocatedParagraph[]): PlanStructure {
  const kinds = shallowestFirst(paragraphs);
  const sectionKind = kinds[0];
  if (sectionKind === undefined) return { shape: "none", preamble: [...paragraphs], sections: [] };

  const firstHeading = paragraphs.findIndex((p) => p.heading?.kind === sectionKind);
  const preamble = paragraphs.slice(0, firstHeading);
  const body = paragraphs.slice(firstHeading);

  if (kinds.length === 1) {
    return {
      shape: "single-level",
      preamble,
      sections: [{ heading: null, headingParagraph: null, intro: [], points: splitAt(body, sectionKind) }],
    };
  }

  const sections: SectionGroup[] = [];
  for (const chunk of splitAt(body, sectionKind)) {
    const [headingParagraph, ...rest] = chunk.paragraphs;
    const pointKind = shallowestFirst(rest).find((kind) => HEADING_RANK[kind] > HEADING_RANK[sectionKind]);
    const firstPoint = pointKind === undefined ? rest.length : rest.findIndex((p) => p.heading?.kind === pointKind);
    sections.push({
      heading: chunk.heading,
      headingParagraph: headingParagraph ?? null,
      intro: rest.slice(0, firstPoint),
      points: pointKind === undefined ? [] : splitAt(rest.slice(firstPoint), pointKind),
    });
  }
  return { shape: "nested", preamble, sections };
}

/** Heading kinds present, shallowest first. */
function shallowestFirst(paragraphs: readonly LocatedParagraph[]): HeadingKind[] {
  const kinds = new Set<HeadingKind>();
  for (const p of paragraphs) if (p.heading) kinds.add(p.heading.kind);
  return [...kinds].sort((a, b) => HEADING_RANK[a] - HEADING_RANK[b]);
}

/** Splits paragraphs that start with a `kind` heading into groups (the first paragraph must be one). */
function splitAt(paragraphs: readonly LocatedParagraph[], kind: HeadingKind): PointGroup[] {
  const groups: PointGroup[] = [];
  for (const paragraph of paragraphs) {
    const heading = paragraph.heading;
    if (heading && heading.kind === kind) groups.push({ heading, paragraphs: [paragraph] });
    else groups[groups.length - 1]?.paragraphs.push(paragraph);
  }
  return groups;
}
