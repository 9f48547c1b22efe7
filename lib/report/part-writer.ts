/** Collects the paragraphs of one drafted part and the figure → entry ids mapping. Pure. */
import { normalizeQuotes } from "./wording";
import { PART_HEADINGS, type DraftPart, type DraftPartKey } from "./types";

export class PartWriter {
  private readonly paragraphs: string[] = [];
  private readonly figures: [phrase: string, ids: number[]][] = [];

  paragraph(text: string): void {
    this.paragraphs.push(normalizeQuotes(text));
  }

  /** Remember where a figure came from; figures without evidence are not linked. */
  source(phrase: string, ids: number[]): void {
    if (phrase && ids.length > 0) this.figures.push([normalizeQuotes(phrase), ids]);
  }

  finish(key: DraftPartKey): DraftPart {
    const content = this.paragraphs.join("\n");
    const sources: Record<string, number[]> = {};
    for (const [phrase, ids] of this.figures) {
      // Guard the contract "every key occurs in the content" against wording drift.
      if (!content.includes(phrase)) continue;
      sources[phrase] = [...new Set([...(sources[phrase] ?? []), ...ids])].sort((a, b) => a - b);
    }
    return { key, heading: PART_HEADINGS[key], content, sources };
  }
}
