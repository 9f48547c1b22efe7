/** The 自评表 as .xlsx: one row per indicator, leaves with 分值, 自评得分, 理由, 佐证材料 and (once recorded) 考核得分. */
import ExcelJS from "exceljs";
import type { IndicatorEvidence } from "./evidence";
import { evidenceIndexText } from "./evidence";
import type { AssessmentView } from "./queries";

export const SELF_ASSESSMENT_HEADERS = ["序号", "一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "得分理由", "佐证材料", "考核得分", "考核意见"] as const;

export function selfAssessmentFileName(year: number, ext: "xlsx" | "docx"): string {
  return `${year}年度法治建设考核自评表.${ext}`;
}

export async function buildSelfAssessmentXlsx(view: AssessmentView, unitName: string, evidence: Map<number, IndicatorEvidence[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "法治建设工作台";
  const sheet = wb.addWorksheet("自评表");
  sheet.addRow([`${unitName}${view.year}年度法治建设考核自评表`]);
  sheet.mergeCells(1, 1, 1, SELF_ASSESSMENT_HEADERS.length);
  sheet.getRow(1).font = { bold: true, size: 16 };
  sheet.getRow(1).alignment = { horizontal: "center" };
  const header = sheet.addRow([...SELF_ASSESSMENT_HEADERS]);
  header.font = { bold: true };
  [6, 12, 12, 18, 40, 8, 10, 40, 40, 10, 24].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const ind of view.indicators) {
    const levels = ["", "", ""];
    levels[Math.min(ind.level, 3) - 1] = ind.title;
    sheet.addRow([
      ind.code,
      ...levels,
      ind.isLeaf ? [ind.content, ind.criteria].filter(Boolean).join("\n") : "",
      ind.points ?? "",
      ind.isLeaf ? (ind.selfScore ?? "") : "",
      ind.isLeaf ? ind.selfReason : "",
      evidenceIndexText(ind, evidence.get(ind.id)),
      ind.isLeaf ? (ind.assessorScore ?? "") : "",
      ind.isLeaf ? ind.assessorRemark : "",
    ]);
  }
  const total = sheet.addRow(["合计", "", "", "", "", view.totals.points, view.totals.self, `已自评 ${view.totals.scored}/${view.totals.leaves} 项`, "", view.totals.assessed > 0 ? view.totals.assessor : "", ""]);
  total.font = { bold: true };
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: "top", wrapText: true };
  });
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
