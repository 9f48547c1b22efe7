import type { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { actorOf } from "@/lib/auth/dal";
import { DOCX_MIME, fileResponse, jsonError as fail, routeUser } from "@/lib/http/responses";
import { buildReportDocx } from "@/lib/report/docx";
import { NO_REPORT_MESSAGE, recordReportExport } from "@/lib/report/mutations";
import { loadReportForExport } from "@/lib/report/queries";
import { hidesDraftYear } from "@/lib/plan/visibility";
import { contentDispositionFor, parseReportYear, reportFileName } from "@/lib/report/workflow";
import { isPublished } from "@/lib/report-cycle/queries";
import { loadCycleSettings, principalLeader } from "@/lib/report-cycle/settings";
import { editionFileName, parseEdition, submissionHeader } from "@/lib/report-cycle/editions";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/export/report?year=2025[&edition=submit|public] — the stored report as a GB/T 9704 Word
 * document: the working copy; the 报送 version (签发人, 主送机关, 红头 per the cycle settings); or the
 * 公开 version (the signed text without internal addressees, only after the 保密审查 is approved).
 * Anything but a 定稿 carries "草稿" in the page header. 署名 and 落款日期 follow the unit settings
 * (lib/report/output.ts); an empty part 五 is left out.
 */
export async function GET(request: NextRequest) {
  const user = await routeUser("report:export");
  if (user instanceof Response) return user;
  const year = parseReportYear(request.nextUrl.searchParams.get("year"));
  if (year === null) return fail(400, "年度参数无效，应为四位年份，例如 year=2025");
  const report = (await hidesDraftYear(prisma, user.role, year)) ? null : await loadReportForExport(prisma, year);
  if (!report) return fail(400, `${NO_REPORT_MESSAGE}，请先生成初稿`);
  const edition = parseEdition(request.nextUrl.searchParams.get("edition"));
  if (edition === null) return fail(400, "版本参数无效，应为 edition=submit（报送版）或 edition=public（公开版）");
  if (edition === "public" && !(await isPublished(prisma, year))) return fail(400, "保密审查批准后方可导出公开版本");
  let submission;
  if (edition === "submit") {
    const settings = await loadCycleSettings(prisma);
    const stored = await prisma.annualReport.findUnique({ where: { year }, select: { signedByName: true } });
    submission = submissionHeader(settings, stored?.signedByName || (await principalLeader(prisma, settings))?.displayName || "", report.signature);
  }

  const buffer = await buildReportDocx({
    title: report.title,
    preface: report.preface,
    parts: report.parts,
    signature: report.signature,
    date: report.date,
    draft: report.status !== "FINAL",
    submission,
  });
  await recordReportExport(prisma, actorOf(user), report);
  return fileResponse(buffer, DOCX_MIME, contentDispositionFor(editionFileName(reportFileName(report.title), edition), `annual-report-${report.year}${edition === "working" ? "" : `-${edition}`}.docx`));
}
