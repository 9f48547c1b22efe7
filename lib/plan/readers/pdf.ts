/**
 * PDF → paragraphs and tables, with pdfjs-dist (Mozilla's PDF.js, legacy build for Node;
 * 5.6 is the last line that runs on Node 20.19+). Text comes with positions; the lines drawn
 * on each page give the task table's grid (lib/plan/readers/pdf-geometry.ts). Page furniture —
 * "— 3 —" page numbers and running headers/footers repeated on most pages — is dropped, and a
 * numbering marker printed on a line of its own ("1.") is joined to the line after it.
 *
 * Untrusted input: no eval, no font loading, a page limit checked before reading pages, and
 * clear Chinese refusals for password-protected, scanned and corrupt files.
 */
import { ReaderError, type SourceBlock, type SourceDocument } from "./document";
import { layoutPage, lineToSegment, rectToSegments, toLines, type Segment, type TextItem } from "./pdf-geometry";

export const PDF_PASSWORD_MESSAGE = "该 PDF 文件有密码保护，请去除密码后再导入";
export const PDF_SCANNED_MESSAGE = "该 PDF 是扫描件，没有可识别的文字，请提供文字版 PDF、Word 或文本文件";
export const PDF_INVALID_MESSAGE = "文件不是有效的 PDF 文档";
export const pdfTooManyPagesMessage = (max: number) => `PDF 超过 ${max} 页，无法导入，请只上传工作要点正文和分解表`;

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Straight rules drawn on the page: stroked or filled paths made of lines and rectangles. */
function segmentsOf(pdfjs: PdfJs, fnArray: readonly number[], argsArray: readonly unknown[]): { segments: Segment[]; images: number } {
  const { OPS } = pdfjs;
  const painting = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const segments: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let images = 0;
  for (let i = 0; i < fnArray.length && segments.length < 20_000; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
    else if (fn === OPS.constructPath && args && painting.has(args[0] as number)) {
      for (const data of (args[1] as ArrayLike<number>[] | undefined) ?? []) segments.push(...pathSegments(data, ctm));
    }
  }
  return { segments, images };
}

/** pdfjs 5 path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo (6), 3 quadraticCurveTo (4), 4 closePath. */
function pathSegments(data: ArrayLike<number>, ctm: Matrix): Segment[] {
  const out: Segment[] = [];
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  const points: Array<[number, number]> = [];
  const edge = (a: [number, number], b: [number, number]) => {
    const segment = lineToSegment(a[0], a[1], b[0], b[1]);
    if (segment && segment.to - segment.from > 0.5) out.push(segment);
  };
  for (let i = 0; i < data.length;) {
    const op = data[i] as number;
    if (op === 0 || op === 1) {
      const point = apply(ctm, data[i + 1] as number, data[i + 2] as number);
      if (op === 1 && current) edge(current, point);
      else start = point;
      current = point;
      points.push(point);
      i += 3;
    } else if (op === 2) { current = apply(ctm, data[i + 5] as number, data[i + 6] as number); i += 7; }
    else if (op === 3) { current = apply(ctm, data[i + 3] as number, data[i + 4] as number); i += 5; }
    else if (op === 4) { if (current && start) edge(current, start); current = start; i += 1; }
    else break;
  }
  // A thin filled rectangle (how Word and WPS draw table borders) is one rule, not four edges.
  if (points.length === 4 || points.length === 5) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [w, h] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
    if (w <= 3 || h <= 3) return rectToSegments(Math.min(...xs), Math.min(...ys), w, h);
  }
  return out;
}

const PAGE_NUMBER_RES = [/^[-—–－―\s]*\d{1,4}[-—–－―\s]*$/, /^第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?$/, /^\d{1,4}\s*\/\s*\d{1,4}$/];
const MARKER_ONLY_RE = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、])$/;

interface PageData {
  items: TextItem[];
  segments: Segment[];
  height: number;
}

/** Text of the lines in the top and bottom margins that are page numbers or repeat on most pages. */
function furnitureKeys(pages: readonly PageData[]): (page: PageData, item: TextItem) => boolean {
  const zone = (page: PageData, y: number) => y > page.height * 0.9 || y < page.height * 0.1;
  const key = (text: string) => text.replace(/\s+/g, "").replace(/\d+/g, "#");
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(toLines(page.items.filter((i) => zone(page, i.y))).map((l) => key(l.text)));
    keys.forEach((k) => counts.set(k, (counts.get(k) ?? 0) + 1));
  }
  const repeated = new Set([...counts].filter(([k, n]) => k !== "" && pages.length >= 2 && n >= Math.max(2, pages.length / 2)).map(([k]) => k));
  return (page, item) => {
    if (!zone(page, item.y)) return false;
    const line = toLines(page.items.filter((other) => zone(page, other.y) && Math.abs(other.y - item.y) <= Math.max(2, item.size * 0.4)))[0];
    const text = (line?.text ?? item.str).trim();
    return PAGE_NUMBER_RES.some((re) => re.test(text)) || repeated.has(key(text));
  };
}

/** Joins a numbering marker printed alone ("1.") with the line after it. */
function joinLoneMarkers(blocks: SourceBlock[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as SourceBlock;
    const next = blocks[i + 1];
    if (block.kind === "paragraph" && MARKER_ONLY_RE.test(block.text.trim()) && next?.kind === "paragraph") {
      out.push({ ...next, text: block.text.trim() + next.text.trim() });
      i++;
    } else out.push(block);
  }
  return out;
}

export async function readPdf(bytes: Uint8Array, options: { maxPages?: number } = {}): Promise<SourceDocument> {
  const maxPages = options.maxPages ?? 300;
  const pdfjs: PdfJs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of (and detaches) the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string } | null)?.name;
    if (name === "PasswordException") throw new ReaderError(PDF_PASSWORD_MESSAGE);
    throw new ReaderError(PDF_INVALID_MESSAGE);
  }
  try {
    if (doc.numPages > maxPages) throw new ReaderError(pdfTooManyPagesMessage(maxPages));
    const pages: PageData[] = [];
    let images = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , , height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const raw of content.items) {
        if (!("str" in raw) || raw.str === "") continue;
        const [a, b, , d, e, f] = raw.transform as Matrix;
        items.push({ str: raw.str, x: e, y: f, width: raw.width, size: Math.max(Math.hypot(a, b), Math.abs(d), 1) });
      }
      const ops = await page.getOperatorList();
      const drawn = segmentsOf(pdfjs, ops.fnArray, ops.argsArray);
      images += drawn.images;
      pages.push({ items, segments: drawn.segments, height });
      page.cleanup();
    }
    const characters = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.replace(/\s/g, "").length, 0), 0);
    if (characters < 10) throw new ReaderError(images > 0 || doc.numPages > 0 ? PDF_SCANNED_MESSAGE : PDF_INVALID_MESSAGE);

    const isFurniture = furnitureKeys(pages);
    const blocks: SourceBlock[] = [];
    const pageTexts: string[] = [];
    pages.forEach((page, index) => {
      const body = page.items.filter((item) => !isFurniture(page, item));
      pageTexts.push(toLines(page.items).map((line) => line.text).join("\n"));
      blocks.push(...layoutPage(body, page.segments, index + 1));
    });
    return { format: "pdf", blocks: joinLoneMarkers(blocks), pages: pageTexts, warnings: [] };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
