/**
 * Splits a rule's full text into 章 / 节 / 第X条 so that a reader can jump to and link an article
 * (`#art-12`). Pure: no I/O. A heading is recognised only at the start of a line ("第十二条　…",
 * "第三章 监督检查", "第一节 一般规定"); references inside a sentence ("依照第五条") are text.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "@/lib/plan/numerals";

export interface RegulationArticle {
  kind: "article";
  /** The article's number (第十二条 → 12). */
  number: number;
  /** As written: "第十二条". */
  label: string;
  /** The article's text without its label, lines joined with "\n". */
  text: string;
  /** Unique anchor: "art-12" (a repeated number gets "art-12-2"). */
  anchor: string;
  /** The chapter it stands in ("第二章 工作职责"), or "". */
  chapter: string;
}

export interface RegulationHeading {
  kind: "chapter" | "section";
  number: number;
  label: string;
  title: string;
  anchor: string;
}

export type RegulationBlock = RegulationArticle | RegulationHeading;

export interface SplitRegulation {
  /** Lines before the first heading (title, 文号, 导语). */
  preamble: string[];
  blocks: RegulationBlock[];
  articles: RegulationArticle[];
}

const NUM = `[${CHINESE_NUMERAL_CHARS}0-9０-９]+`;
const HEADING = new RegExp(`^第(${NUM})(章|节|条)(?:[\\s\\u3000:：、.．]*)(.*)$`);

function parseNumber(raw: string): number | null {
  const ascii = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  return parseChineseNumeral(raw);
}

/** A line opens an article only if what follows "第X条" is not the rest of a sentence about it ("第三条规定的…" stays text). */
function isArticleOpening(rest: string, hadSeparator: boolean): boolean {
  if (rest === "") return true;
  if (hadSeparator) return true;
  return !/^(?:规定|所称|所列|所述|至|和|、|的|中|之)/.test(rest);
}

export function splitArticles(fullText: string): SplitRegulation {
  const lines = fullText.replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""));
  const preamble: string[] = [];
  const blocks: RegulationBlock[] = [];
  const articles: RegulationArticle[] = [];
  const used = new Map<string, number>();
  let chapter = "";
  let current: RegulationArticle | null = null;

  const anchorFor = (base: string) => {
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };

  for (const line of lines) {
    if (line === "") continue;
    const match = HEADING.exec(line);
    const number = match ? parseNumber(match[1]) : null;
    if (match && number !== null && number > 0) {
      const kind = match[2];
      const rest = match[3].trim();
      const separatorLength = line.length - `第${match[1]}${kind}`.length - match[3].length;
      if (kind === "条" && isArticleOpening(rest, separatorLength > 0)) {
        current = { kind: "article", number, label: `第${match[1]}条`, text: rest, anchor: anchorFor(`art-${number}`), chapter };
        blocks.push(current);
        articles.push(current);
        continue;
      }
      if (kind !== "条" && rest.length <= 40 && !/[。；;]$/.test(rest)) {
        const label = `第${match[1]}${kind}`;
        const heading: RegulationHeading = {
          kind: kind === "章" ? "chapter" : "section",
          number,
          label,
          title: rest,
          anchor: anchorFor(kind === "章" ? `ch-${number}` : `sec-${number}`),
        };
        if (kind === "章") chapter = rest ? `${label} ${rest}` : label;
        blocks.push(heading);
        current = null;
        continue;
      }
    }
    if (current) current.text = current.text ? `${current.text}\n${line}` : line;
    else if (blocks.length === 0) preamble.push(line);
    else {
      // Text after a chapter heading but before its first article: keep it as the heading's title continuation.
      const last = blocks[blocks.length - 1];
      if (last.kind !== "article") last.title = last.title ? `${last.title} ${line}` : line;
    }
  }
  return { preamble, blocks, articles };
}

/** The article an anchor names, for links like /regulations/3#art-12. */
export function articleByAnchor(split: SplitRegulation, anchor: string): RegulationArticle | undefined {
  return split.articles.find((a) => a.anchor === anchor);
}
