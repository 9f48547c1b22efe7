/**
 * Renders one plan into the files a 法治办 receives: Word paragraphs in official layout, a Word
 * task table (section rows merged across, 序号/任务 merged down over measure rows, header row
 * repeated, landscape), an Excel workbook (title rows, merges, a deadline stored as a date).
 * PDF and .doc copies are made from these with LibreOffice (tests/support/soffice.ts).
 */
import {
  AlignmentType, Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ParsedPlan, ParsedPoint } from "../../lib/plan/types";

const BODY_FONT = { ascii: "Times New Roman", eastAsia: "FangSong", hAnsi: "Times New Roman" };
const PAGE_A4 = { width: 11906, height: 16838 };
const MARGINS = { top: 2098, bottom: 1984, left: 1587, right: 1474 };

/** Offices and deadlines to give each point of a plan that has none (the public fixture has none). */
export function withOffices(plan: ParsedPlan): ParsedPlan {
  const offices = ["综合科", "研究室", "提案委", "人事科", "机关党委"];
  const deadlines = ["6月底前", "年底前", "第三季度", "10月底前"];
  let n = 0;
  return {
    ...plan,
    sections: plan.sections.map((section) => ({
      ...section,
      points: section.points.map((point) => {
        const i = n++;
        return {
          ...point,
          leadOffice: point.leadOffice ?? (offices[i % offices.length] as string),
          supportOffices: point.supportOffices.length > 0 ? point.supportOffices : i % 2 === 0 ? [offices[(i + 1) % offices.length] as string] : [],
          deadlineText: point.deadlineText || (deadlines[i % deadlines.length] as string),
        };
      }),
    })),
  };
}

export function labelLine(point: ParsedPoint): string {
  return [
    point.leadOffice ? `牵头科室：${point.leadOffice}` : "",
    point.supportOffices.length > 0 ? `配合科室：${point.supportOffices.join("、")}` : "",
    point.deadlineText ? `完成时限：${point.deadlineText}` : "",
  ].filter((part) => part !== "").join("；");
}

/** The plan as typed text, one paragraph per line (what a .txt or pasted text holds). */
export function planText(plan: ParsedPlan): string {
  const lines: string[] = [plan.title, ...plan.preamble.split("\n")];
  for (const section of plan.sections) {
    lines.push(`${section.number}、${section.title}`);
    for (const point of section.points) {
      const [first = "", ...more] = point.text.split("\n");
      lines.push(`${point.number}.${point.title}。${first}`, ...more);
      const labels = labelLine(point);
      if (labels) lines.push(labels);
    }
  }
  return lines.filter((line) => line !== "").join("\n");
}

function bodyParagraph(text: string, options: { center?: boolean; indent?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 579, lineRule: "exact" },
    children: [new TextRun({ text, font: BODY_FONT, size: options.size ?? 32 })],
  });
}

function pageFurniture(headerText: string) {
  return {
    headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: headerText, size: 21 })] })] }) },
    footers: {
      default: new Footer({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 28 })] })],
      }),
    },
  };
}

/** Word paragraphs in GB/T 9704 layout, with a running header and "— N —" page numbers. */
export async function planDocxParagraphs(plan: ParsedPlan): Promise<Uint8Array> {
  const [title = "", ...body] = planText(plan).split("\n");
  const doc = new Document({
    sections: [{
      properties: { page: { size: PAGE_A4, margin: MARGINS } },
      ...pageFurniture("市政协办公室文件"),
      children: [bodyParagraph(title, { center: true, indent: false, size: 44 }), ...body.map((line) => bodyParagraph(line))],
    }],
  });
  return noHangingPunctuation(new Uint8Array(await Packer.toBuffer(doc)));
}

/**
 * Turns off hanging punctuation (w:overflowPunct) in every paragraph: LibreOffice's PDF export
 * leaves a comma hung into the margin out of the text layer, which Word's export does not.
 */
async function noHangingPunctuation(docx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file("word/document.xml")!.async("string");
  zip.file("word/document.xml", xml.replace(/<w:pPr>/g, '<w:pPr><w:overflowPunct w:val="0"/>'));
  const settings = await zip.file("word/settings.xml")!.async("string");
  zip.file("word/settings.xml", settings.replace("<w:compat>", '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'));
  return zip.generateAsync({ type: "uint8array" });
}

const TABLE_HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"];

/** A point's measures as rows: its text split into sentences (several rows per point). */
export function measureRows(point: ParsedPoint): string[] {
  const sentences = point.text.replace(/\n/g, "").match(/[^。]+。?/g) ?? [""];
  // Two or three measure rows per point: enough to exercise vertical merges.
  const size = Math.ceil(sentences.length / Math.min(3, sentences.length));
  const rows: string[] = [];
  for (let i = 0; i < sentences.length; i += size) rows.push(sentences.slice(i, i + size).join(""));
  return rows;
}

function cellOf(text: string, extra: { columnSpan?: number; rowSpan?: number } = {}): TableCell {
  return new TableCell({ ...extra, children: [new Paragraph({ children: [new TextRun({ text, font: BODY_FONT, size: 24 })] })] });
}

/** The plan as a Word 任务分解表: landscape, header repeated, sections merged across, points merged down. */
export async function planDocxTable(plan: ParsedPlan, options: { borderless?: boolean } = {}): Promise<Uint8Array> {
  const rows: TableRow[] = [new TableRow({ tableHeader: true, children: TABLE_HEADER.map((text) => cellOf(text)) })];
  for (const section of plan.sections) {
    rows.push(new TableRow({ children: [cellOf(`${section.number}、${section.title}`, { columnSpan: TABLE_HEADER.length })] }));
    for (const point of section.points) {
      const measures = measureRows(point);
      const span = measures.length;
      measures.forEach((measure, index) => {
        const cells = index === 0
          ? [cellOf(String(point.number), { rowSpan: span }), cellOf(point.title, { rowSpan: span }), cellOf(measure),
             cellOf(point.leadOffice ?? "", { rowSpan: span }), cellOf(point.supportOffices.join("、"), { rowSpan: span }), cellOf(point.deadlineText, { rowSpan: span })]
          : [cellOf(measure)];
        rows.push(new TableRow({ cantSplit: false, children: cells }));
      });
    }
  }
  const doc = new Document({
    sections: [{
      properties: { page: { size: { ...PAGE_A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGINS } },
      ...pageFurniture("任务分解表"),
      children: [
        bodyParagraph(`${plan.title}任务分解表`, { center: true, indent: false, size: 36 }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [800, 2600, 6200, 1400, 1400, 1400], rows, ...(options.borderless ? { borders: TableBorders.NONE } : {}) }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The plan as an Excel workbook: "附件" and title rows above the header, merges, one deadline as a date. */
export async function planXlsx(plan: ParsedPlan, options: { dateDeadlines?: boolean } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("填表说明").addRow(["请按要求填写各项任务的完成情况。"]);
  const sheet = workbook.addWorksheet("任务分解表");
  sheet.addRow(["附件1"]);
  sheet.addRow([`${plan.title}任务分解表`]);
  sheet.mergeCells(2, 1, 2, 6);
  sheet.addRow(TABLE_HEADER);
  for (const section of plan.sections) {
    const row = sheet.addRow([`${section.number}、${section.title}`]);
    sheet.mergeCells(row.number, 1, row.number, 6);
    for (const point of section.points) {
      const measures = measureRows(point);
      const first = sheet.rowCount + 1;
      const iso = point.deadline;
      const deadline: string | Date = options.dateDeadlines && iso ? new Date(`${iso}T00:00:00Z`) : point.deadlineText;
      measures.forEach((measure, index) => {
        sheet.addRow(index === 0 ? [point.number, point.title, measure, point.leadOffice ?? "", point.supportOffices.join("、"), deadline] : [null, null, measure]);
      });
      if (measures.length > 1) {
        for (const column of [1, 2, 4, 5, 6]) sheet.mergeCells(first, column, first + measures.length - 1, column);
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let gbTable: Map<string, number[]> | null = null;

/** Text → GB18030 bytes (how Chinese Windows saves .txt), built from the platform's GB18030 decoder. */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== "\ufffd" && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** The plan text without offices, followed by an annex table that names them (序号 | 工作任务 | 牵头科室 | 配合科室 | 完成时限). */
export async function planDocxTextWithAnnex(bare: ParsedPlan, withLabels: ParsedPlan): Promise<Uint8Array> {
  const header = ["序号", "工作任务", "牵头科室", "配合科室", "完成时限"];
  const rows = [new TableRow({ tableHeader: true, children: header.map((text) => cellOf(text)) })];
  for (const point of withLabels.sections.flatMap((s) => s.points)) {
    rows.push(new TableRow({ children: [String(point.number), point.title, point.leadOffice ?? "", point.supportOffices.join("、"), point.deadlineText].map((text) => cellOf(text)) }));
  }
  const [title = "", ...body] = planText(bare).split("\n");
  const doc = new Document({
    sections: [{
      properties: { page: { size: PAGE_A4, margin: MARGINS } },
      children: [
        bodyParagraph(title, { center: true, indent: false, size: 44 }),
        ...body.map((line) => bodyParagraph(line)),
        bodyParagraph("附件：任务分解表", { indent: false }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
