/**
 * The printable 督办单 (supervision notice) of one reminder, laid out after GB/T 9704-2012:
 * A4, margins 37/35/28/26 mm, title 方正小标宋简体 2号 (22 pt), body 仿宋_GB2312 3号 (16 pt),
 * Latin text in Times New Roman. The facts sit in a two-column table, as such forms are printed.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IFontAttributesProperties,
} from "docx";
import JSZip from "jszip";
import { formatChineseDate } from "@/lib/progress";

export interface SupervisionSheet {
  unitName: string;
  year: number;
  /** The reminder's id, printed as the notice number: 督〔2026〕12号. */
  serial: number;
  pointNumber: number;
  pointTitle: string;
  leadOffice: string;
  supportOffices: string[];
  /** "2026年10月31日（10月底前）" */
  deadline: string;
  status: string;
  /** "专题学习已完成1次，距目标4次尚差3次" */
  shortfall: string;
  requestedBy: Date | null;
  message: string;
  sentBy: string;
  sentAt: Date;
  reply: string | null;
  replyExpectedDate: Date | null;
  repliedBy: string | null;
  repliedAt: Date | null;
}

const PAGE = { width: 11906, height: 16838 } as const;
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8845 twips
const LABEL_WIDTH = 2100;
const SIZE = { title: 44, body: 32 } as const;
const LATIN = "Times New Roman";
const FONT = { title: "方正小标宋简体", label: "黑体", body: "仿宋_GB2312" } as const;
const FALLBACK: Record<string, string> = { [FONT.title]: "宋体", [FONT.label]: "SimHei", [FONT.body]: "仿宋" };
const EXACT = { line: 579, lineRule: LineRuleType.EXACT } as const; // 28.95 pt
const CELL_LINE = { line: 480, lineRule: LineRuleType.EXACT } as const; // 24 pt inside the table

function font(eastAsia: string): IFontAttributesProperties {
  return { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia };
}

function run(text: string, eastAsia: string = FONT.body, size: number = SIZE.body): TextRun {
  return new TextRun({ text, font: font(eastAsia), size });
}

/** The date as official documents write it, "2026年1月15日"; Beijing time for instants. */
export function chineseDate(date: Date | null, instant = false): string {
  if (!date) return "";
  return formatChineseDate(instant ? new Date(date.getTime() + 8 * 3_600_000) : date);
}

function row(label: string, value: string): TableRow {
  const lines = value.split(/\r?\n/u);
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: LABEL_WIDTH, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: CELL_LINE, children: [run(label, FONT.label)] })],
      }),
      new TableCell({
        width: { size: TEXT_WIDTH - LABEL_WIDTH, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        margins: { left: 120, right: 120, top: 60, bottom: 60 },
        children: lines.map((line) => new Paragraph({ alignment: AlignmentType.BOTH, spacing: CELL_LINE, children: [run(line)] })),
      }),
    ],
  });
}

export function sheetRows(sheet: SupervisionSheet): [string, string][] {
  return [
    ["工作要点", `第${sheet.pointNumber}项　${sheet.pointTitle}`],
    ["牵头科室", sheet.leadOffice || "（未指定）"],
    ["配合科室", sheet.supportOffices.join("、") || "无"],
    ["完成时限", sheet.deadline],
    ["当前状态", sheet.status],
    ["完成情况", sheet.shortfall],
    ["要求完成日期", chineseDate(sheet.requestedBy) || "（未指定）"],
    ["督办事项", sheet.message],
    ["督办人", `${sheet.sentBy}　${chineseDate(sheet.sentAt, true)}`],
    ["科室反馈", sheet.reply ?? "（尚未反馈）"],
    ["预计完成日期", chineseDate(sheet.replyExpectedDate) || "—"],
    ["反馈人", sheet.repliedBy ? `${sheet.repliedBy}　${chineseDate(sheet.repliedAt, true)}` : "—"],
  ];
}

const BORDER = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;

/** Adds w:altName substitutes so readers without the GB fonts get 宋体/黑体/仿宋. */
function addFontFallbacks(xml: string): string {
  let out = xml;
  const missing: string[] = [];
  for (const [name, alt] of Object.entries(FALLBACK)) {
    const open = `<w:font w:name="${name}">`;
    const at = out.indexOf(open);
    if (at >= 0) out = `${out.slice(0, at + open.length)}<w:altName w:val="${alt}"/>${out.slice(at + open.length)}`;
    else missing.push(`${open}<w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`);
  }
  if (missing.length === 0) return out;
  if (out.includes("</w:fonts>")) return out.replace("</w:fonts>", `${missing.join("")}</w:fonts>`);
  return out.replace(/<w:fonts\b([^>]*?)\/>/u, `<w:fonts$1>${missing.join("")}</w:fonts>`);
}

export async function buildSupervisionDocx(sheet: SupervisionSheet): Promise<Buffer> {
  const document = new Document({
    title: `督办单：第${sheet.pointNumber}项 ${sheet.pointTitle}`,
    creator: sheet.unitName,
    styles: {
      default: { document: { run: { font: font(FONT.body), size: SIZE.body }, paragraph: { spacing: EXACT } } },
      paragraphStyles: [{ id: "Normal", name: "Normal", quickFormat: true, run: { font: font(FONT.body), size: SIZE.body } }],
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: EXACT, children: [run("督办单", FONT.title, SIZE.title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: EXACT, children: [run(`督〔${sheet.year}〕${sheet.serial}号`)] }),
          new Paragraph({ spacing: EXACT, children: [] }),
          new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
            borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
            rows: sheetRows(sheet).map(([label, value]) => row(label, value)),
          }),
          new Paragraph({ spacing: EXACT, children: [] }),
          new Paragraph({
            alignment: AlignmentType.BOTH,
            indent: { firstLine: 640, firstLineChars: 200 },
            spacing: EXACT,
            children: [run("请牵头科室按要求抓紧推进，于要求完成日期前完成，并在法治建设工作台中反馈进展情况。")],
          }),
          new Paragraph({ spacing: EXACT, children: [] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: EXACT, children: [run(sheet.unitName)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: EXACT, children: [run(chineseDate(sheet.sentAt, true))] }),
        ],
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const fontTable = zip.file("word/fontTable.xml");
  if (fontTable) zip.file("word/fontTable.xml", addFontFallbacks(await fontTable.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** "督办单-第1项-深入学习习近平法治思想.docx", without characters file systems refuse. */
export function supervisionFileName(sheet: Pick<SupervisionSheet, "pointNumber" | "pointTitle">): string {
  const title = sheet.pointTitle.replace(/[\\/:*?"<>|\u0000-\u001f。]/gu, "").slice(0, 40);
  return `督办单-第${sheet.pointNumber}项-${title}.docx`;
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
