/**
 * Word export of the annual report laid out per GB/T 9704-2012 (党政机关公文格式).
 * All measures are integer twips (1/20 pt): the standard's millimetres are
 * converted once here so Word does not round them differently per version.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IFontAttributesProperties,
  type IParagraphOptions,
} from "docx";
import JSZip from "jszip";
import { formatChineseDate } from "./sentences";

export interface ReportDocxInput {
  title: string;
  /** 发文字号 centred under the title (情况通报 and other notices); optional. */
  docNumber?: string;
  /** 主送机关 line, flush left before the text ("各科室、委室："); optional. */
  addressee?: string;
  preface?: string;
  parts: { heading: string; content: string }[];
  signature: string;
  /** Printed as "2026年1月15日". */
  date: Date | string;
  /** Drafts carry "草稿" in the page header. */
  draft: boolean;
  /** Layout control for tests only: false turns keepNext off on headings (default true). */
  keepHeadingsWithNext?: boolean;
  /**
   * The 报送 version (issue 16) sent up to the superior: 签发人 and 主送机关, and optionally the 红头
   * (发文机关标志 in red with the red separator line). Absent: the plain working / 公开 version.
   */
  submission?: {
    /** 主送机关, printed under the title flush left with a full-width colon. */
    addressee: string;
    /** 签发人: the 主要负责人's name. */
    issuer: string;
    /** 发文机关标志 text ("政协XX市委员会办公室"), or null for no 红头. */
    redHeader: string | null;
  };
}

const PAGE = { width: 11906, height: 16838 } as const; // A4
// 37/35/28/26 mm; header/footer distances put the page number about 7 mm below the text block.
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 851, footer: 1304 } as const;
const LINE_PITCH = 579; // 28.95 pt: 22 lines per page
// 28 characters of 3号 (16 pt = 320 twips) need 8960 twips, the text block is 8845 wide: each
// character gives up 6 twentieths of a point. Run spacing instead of a negative docGrid charSpace,
// which LibreOffice renders as two grid cells per character (about 14 characters a line).
const CHARACTER_SPACING = -6;
const SIZE = { title: 44, body: 32, pageNumber: 28 } as const; // half-points: 2号, 3号, 4号
const FIRST_LINE_INDENT = { firstLine: 640, firstLineChars: 200 } as const; // 2 characters
const SIGNATURE_RIGHT_INDENT = 1280; // 4 characters
const PAGE_NUMBER_SIDE_INDENT = 280; // 1 character of 4号

const LATIN = "Times New Roman";
const FONT = {
  title: "方正小标宋简体",
  level1: "黑体",
  level2: "楷体_GB2312",
  body: "仿宋_GB2312",
  pageNumber: "宋体",
} as const;

/** Substitutes Word should use when a GB font is not installed. */
export const FONT_FALLBACKS: Record<string, string> = {
  [FONT.body]: "仿宋",
  [FONT.level2]: "楷体",
  [FONT.title]: "宋体",
  [FONT.level1]: "SimHei",
};

function cjkFont(eastAsia: string): IFontAttributesProperties {
  return { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia };
}

const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;

function run(text: string, eastAsia: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: cjkFont(eastAsia), size: options.size ?? SIZE.body, bold: options.bold });
}

function bodyParagraph(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: FIRST_LINE_INDENT,
    spacing: EXACT_LINE,
    children,
    ...extra,
  });
}

function blankLine(): Paragraph {
  return new Paragraph({ spacing: EXACT_LINE, children: [] });
}

export type ContentParagraphKind = "level2" | "level3" | "body";

/** How the editor's content marks structure: "（一）…" level 2, "1." / "1．" / "1、" level 3. */
export function classifyParagraph(text: string): ContentParagraphKind {
  if (/^（[一二三四五六七八九十]+）/u.test(text)) return "level2";
  if (/^\d+[.．、]/u.test(text)) return "level3";
  return "body";
}

/** Splits a run-in title ("1.深入学习习近平法治思想。") from the text that follows it. */
function splitRunIn(text: string): [title: string, rest: string] {
  const stop = text.indexOf("。");
  return stop < 0 ? [text, ""] : [text.slice(0, stop + 1), text.slice(stop + 1)];
}

/**
 * Headings keep with the paragraph after them (keepNext) and stay whole (keepLines), so a page never
 * ends on a heading; a level-2 heading without text of its own ("（一）强化……") is such a heading, a
 * level-3 paragraph with a run-in title is body text.
 */
const HEADING_KEEP = { keepNext: true, keepLines: true } as const;

function contentParagraph(text: string, extra: Partial<IParagraphOptions> = {}, headingKeep: Partial<IParagraphOptions> = HEADING_KEEP): Paragraph {
  const kind = classifyParagraph(text);
  if (kind === "body") return bodyParagraph([run(text, FONT.body)], extra);
  const [title, rest] = splitRunIn(text);
  const titleRun = kind === "level2" ? run(title, FONT.level2) : run(title, FONT.body, { bold: true });
  // A heading line without text of its own keeps with what follows.
  return bodyParagraph(rest ? [titleRun, run(rest, FONT.body)] : [titleRun], rest ? extra : { ...extra, ...headingKeep });
}

/** A 2号 line holds about 20 characters; longer titles break in two, preferably before the year. */
const TITLE_CHARS_PER_LINE = 20;

export function titleLines(title: string): string[] {
  const chars = [...title];
  if (chars.length <= TITLE_CHARS_PER_LINE) return [title];
  const year = /\d{4}年/u.exec(title);
  if (year && year.index > 0) {
    const [first, second] = [title.slice(0, year.index), title.slice(year.index)];
    if ([...first].length <= TITLE_CHARS_PER_LINE && [...second].length <= TITLE_CHARS_PER_LINE) return [first, second];
  }
  // Balanced lines: the first one a little shorter, like a pyramid.
  const middle = Math.floor(chars.length / 2);
  return [chars.slice(0, middle).join(""), chars.slice(middle).join("")];
}

function titleParagraph(title: string): Paragraph {
  const children = titleLines(title).map(
    (line, i) => new TextRun({ text: line, font: cjkFont(FONT.title), size: SIZE.title, break: i > 0 ? 1 : undefined }),
  );
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: EXACT_LINE, children, ...HEADING_KEEP });
}

function pageNumberFooter(side: "odd" | "even"): Footer {
  const font = FONT.pageNumber;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: PAGE_NUMBER_SIDE_INDENT } : { left: PAGE_NUMBER_SIDE_INDENT },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            // Every slot, so the digits do not fall back to the Latin theme font.
            font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

function draftHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run("草稿", FONT.level1, { size: SIZE.pageNumber })] })],
  });
}

function signatureParagraph(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: SIGNATURE_RIGHT_INDENT },
    spacing: EXACT_LINE,
    keepNext,
    keepLines: true,
    children: [run(text, FONT.body)],
  });
}

function contentLines(content: string): string[] {
  return content
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

const RED = "FF0000";
/** 发文机关标志: 小标宋 in red, larger than the title (GB/T 9704 7.2.2 leaves the size to the unit; 2号 here). */
function redHeaderParagraphs(text: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: LINE_PITCH, ...EXACT_LINE, line: LINE_PITCH * 2 },
      children: [new TextRun({ text, font: cjkFont(FONT.title), size: SIZE.title, color: RED })],
    }),
  ];
}

/**
 * 上行文 版头 (GB/T 9704 7.2.4): "签发人：" in 3号仿宋 and the name in 3号楷体, right-aligned one
 * character in; with the 红头 the red separator line (7.2.5) runs under it across the text block.
 */
function issuerParagraph(issuer: string, withRule: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: 320 },
    spacing: EXACT_LINE,
    keepNext: true,
    border: withRule ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } } : undefined,
    children: [run("签发人：", FONT.body), run(issuer || "　　　", FONT.level2)],
  });
}

/** 主送机关 (7.3.3): under the title, flush left, ending with a full-width colon. */
function addresseeParagraph(addressee: string): Paragraph {
  const text = /[：:]$/u.test(addressee) ? addressee.replace(/:$/u, "：") : `${addressee}：`;
  return new Paragraph({ alignment: AlignmentType.LEFT, spacing: EXACT_LINE, keepNext: true, children: [run(text, FONT.body)] });
}

type ParagraphBuilder = (extra: Partial<IParagraphOptions>) => Paragraph;

function documentBody(input: ReportDocxInput): Paragraph[] {
  const headingKeep = input.keepHeadingsWithNext === false ? {} : HEADING_KEEP;
  const head: Paragraph[] = [];
  const submission = input.submission;
  if (submission) {
    if (submission.redHeader) head.push(...redHeaderParagraphs(submission.redHeader));
    head.push(issuerParagraph(submission.issuer, Boolean(submission.redHeader)), blankLine());
  }
  head.push(titleParagraph(input.title));
  // 发文字号 of a 情况通报 (lib/bulletins), centred under the title.
  if (input.docNumber?.trim()) head.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: EXACT_LINE, children: [run(input.docNumber.trim(), FONT.body)] }));
  head.push(blankLine());
  const addressee = submission?.addressee.trim() || input.addressee?.trim();
  if (addressee) head.push(addresseeParagraph(addressee));
  const body: ParagraphBuilder[] = [];
  // Each line of the opening is its own paragraph.
  for (const line of contentLines(input.preface ?? "")) body.push((extra) => bodyParagraph([run(line, FONT.body)], extra));
  for (const part of input.parts) {
    body.push(() => bodyParagraph([run(part.heading, FONT.level1)], headingKeep));
    for (const line of contentLines(part.content)) body.push((extra) => contentParagraph(line, extra, headingKeep));
  }
  // GB/T 9704 7.3.5.1: the seal sits over the 署名 and 成文日期, whose page must carry body text:
  // the last body paragraph keeps with the signature block; the date 4 characters from the right.
  const paragraphs = [...head, ...body.map((build, i) => build(i === body.length - 1 ? { keepNext: true } : {}))];
  paragraphs.push(new Paragraph({ spacing: EXACT_LINE, keepNext: true, children: [] }), signatureParagraph(input.signature, true));
  paragraphs.push(signatureParagraph(formatChineseDate(input.date, { withYear: true })));
  return paragraphs;
}

function escapeXmlAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Adds `w:altName` substitutes to word/fontTable.xml so a reader without the GB
 * fonts gets 仿宋/楷体/宋体/黑体 instead of Word's arbitrary default.
 * altName must be the first child of w:font (CT_Font sequence).
 */
export function addFontFallbacks(fontTableXml: string, fallbacks: Record<string, string> = FONT_FALLBACKS): string {
  let xml = fontTableXml;
  const missing: string[] = [];
  for (const [name, altName] of Object.entries(fallbacks)) {
    const altElement = `<w:altName w:val="${escapeXmlAttribute(altName)}"/>`;
    const open = `<w:font w:name="${escapeXmlAttribute(name)}">`;
    const at = xml.indexOf(open);
    if (at >= 0) {
      const afterOpen = at + open.length;
      if (!xml.startsWith("<w:altName", afterOpen)) xml = xml.slice(0, afterOpen) + altElement + xml.slice(afterOpen);
      continue;
    }
    // charset 86 = GB2312.
    missing.push(`${open}${altElement}<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`);
  }
  if (missing.length === 0) return xml;
  const entries = missing.join("");
  if (xml.includes("</w:fonts>")) return xml.replace("</w:fonts>", `${entries}</w:fonts>`);
  // The docx library writes an empty, self-closing <w:fonts …/>.
  return xml.replace(/<w:fonts\b([^>]*?)\/>/u, `<w:fonts$1>${entries}</w:fonts>`);
}

export async function buildReportDocx(input: ReportDocxInput): Promise<Buffer> {
  const document = new Document({
    title: input.title,
    creator: input.signature,
    evenAndOddHeaderAndFooters: true,
    styles: {
      // Both the document defaults (Word) and the Normal style (LibreOffice reads this one) say 3号.
      default: { document: { run: { font: cjkFont(FONT.body), size: SIZE.body, characterSpacing: CHARACTER_SPACING }, paragraph: { spacing: EXACT_LINE } } },
      paragraphStyles: [{ id: "Normal", name: "Normal", quickFormat: true, run: { font: cjkFont(FONT.body), size: SIZE.body, characterSpacing: CHARACTER_SPACING } }],
    },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: MARGIN },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        headers: input.draft ? { default: draftHeader(), even: draftHeader() } : undefined,
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: documentBody(input),
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  const zip = await JSZip.loadAsync(packed);
  const fontTable = zip.file("word/fontTable.xml");
  if (fontTable) zip.file("word/fontTable.xml", addFontFallbacks(await fontTable.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
