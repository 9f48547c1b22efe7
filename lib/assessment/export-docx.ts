/**
 * The 自评表 as a GB/T 9704 .docx: A4 landscape-free portrait page with the standard margins,
 * title 方正小标宋简体 2号, then the table (仿宋_GB2312, 小四 inside the table so it fits), the
 * totals and the unit's name and date. Fonts get their fallbacks (lib/report/docx.ts).
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IFontAttributesProperties } from "docx";
import JSZip from "jszip";
import { addFontFallbacks, titleLines } from "@/lib/report/docx";
import { chineseDate } from "@/lib/reminders/supervision-docx";
import { evidenceIndexText, type IndicatorEvidence } from "./evidence";
import type { AssessmentView } from "./queries";
import { formatScore } from "./rules";

const PAGE = { width: 11906, height: 16838 } as const;
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LATIN = "Times New Roman";
const FONT = { title: "方正小标宋简体", head: "黑体", body: "仿宋_GB2312" } as const;
const EXACT = { line: 579, lineRule: LineRuleType.EXACT } as const;
const CELL = { line: 320, lineRule: LineRuleType.EXACT } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
// 序号 | 指标 | 分值 | 自评得分 | 得分理由 | 佐证材料
const WIDTHS = [700, 2300, 700, 900, 2200, TEXT_WIDTH - 700 - 2300 - 700 - 900 - 2200];

const font = (eastAsia: string): IFontAttributesProperties => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
const run = (text: string, eastAsia: string = FONT.body, size = 32, bold = false) => new TextRun({ text, font: font(eastAsia), size, bold });

function cell(text: string, width: number, options: { bold?: boolean; center?: boolean } = {}): TableCell {
  const lines = text === "" ? [""] : text.split("\n");
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: lines.map((line) => new Paragraph({ alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: CELL, children: [run(line, options.bold ? FONT.head : FONT.body, 21)] })),
  });
}

export async function buildSelfAssessmentDocx(view: AssessmentView, unitName: string, evidence: Map<number, IndicatorEvidence[]>, today: Date): Promise<Buffer> {
  const header = new TableRow({ tableHeader: true, children: ["序号", "考核指标", "分值", "自评得分", "得分理由", "佐证材料"].map((t, i) => cell(t, WIDTHS[i] as number, { bold: true, center: true })) });
  const rows = view.indicators.map((ind) => {
    const indent = "　".repeat(Math.max(ind.level - 1, 0));
    const title = ind.isLeaf && ind.criteria ? `${indent}${ind.title}\n${indent}评分标准：${ind.criteria}` : `${indent}${ind.title}`;
    return new TableRow({
      children: [
        cell(ind.code, WIDTHS[0] as number, { center: true }),
        cell(title, WIDTHS[1] as number, { bold: !ind.isLeaf }),
        cell(ind.points === null ? "" : formatScore(ind.points), WIDTHS[2] as number, { center: true }),
        cell(ind.isLeaf && ind.selfScore !== null ? formatScore(ind.selfScore) : "", WIDTHS[3] as number, { center: true }),
        cell(ind.isLeaf ? ind.selfReason : "", WIDTHS[4] as number),
        cell(evidenceIndexText(ind, evidence.get(ind.id)), WIDTHS[5] as number),
      ],
    });
  });
  const total = new TableRow({
    children: [cell("合计", WIDTHS[0] as number, { bold: true, center: true }), cell("", WIDTHS[1] as number), cell(formatScore(view.totals.points), WIDTHS[2] as number, { center: true }), cell(formatScore(view.totals.self), WIDTHS[3] as number, { center: true }), cell(`已自评 ${view.totals.scored}/${view.totals.leaves} 项`, WIDTHS[4] as number), cell("", WIDTHS[5] as number)],
  });
  const document = new Document({
    title: `${view.year}年度法治建设考核自评表`,
    creator: unitName,
    styles: { default: { document: { run: { font: font(FONT.body), size: 32 }, paragraph: { spacing: EXACT } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          ...titleLines(`${unitName}${view.year}年度法治建设考核自评表`).map((line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: EXACT, children: [run(line, FONT.title, 44)] })),
          new Paragraph({ spacing: EXACT, children: [] }),
          new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: WIDTHS,
            borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
            rows: [header, ...rows, total],
          }),
          new Paragraph({ spacing: EXACT, children: [] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: EXACT, children: [run(unitName)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: EXACT, children: [run(chineseDate(today, true))] }),
        ],
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const fontTable = zip.file("word/fontTable.xml");
  if (fontTable) zip.file("word/fontTable.xml", addFontFallbacks(await fontTable.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
