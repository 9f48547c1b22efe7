import { writeAudit } from "@/lib/audit";
import { actorOf } from "@/lib/auth/dal";
import { prisma } from "@/lib/db";
import { loadIndicatorEvidence } from "@/lib/assessment/evidence";
import { buildSelfAssessmentDocx } from "@/lib/assessment/export-docx";
import { buildSelfAssessmentXlsx, selfAssessmentFileName } from "@/lib/assessment/export-xlsx";
import { exportContext } from "@/lib/assessment/http";
import { DOCX_MIME, fileResponse, jsonError, XLSX_MIME } from "@/lib/http/responses";
import { contentDisposition } from "@/lib/ledger/files";

const TYPES = { xlsx: XLSX_MIME, docx: DOCX_MIME } as const;

/** GET /api/assessment/YYYY/export?format=xlsx|docx — the 自评表 with scores, reasons and the evidence index. */
export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const context = await exportContext((await params).year);
  if (context instanceof Response) return context;
  const format = new URL(request.url).searchParams.get("format") ?? "xlsx";
  if (format !== "xlsx" && format !== "docx") return jsonError(400, "导出格式只能是 xlsx 或 docx");
  const { user, view, unitName } = context;
  const evidence = await loadIndicatorEvidence(prisma, view.indicators);
  const body = format === "xlsx" ? await buildSelfAssessmentXlsx(view, unitName, evidence) : await buildSelfAssessmentDocx(view, unitName, evidence, new Date());
  await writeAudit(prisma, actorOf(user), { entity: "Assessment", entityId: view.year, action: `export.${format}` });
  return fileResponse(body, TYPES[format], contentDisposition(selfAssessmentFileName(view.year, format)));
}
