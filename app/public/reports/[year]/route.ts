import { NextResponse, type NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { parseReportYear } from "@/lib/report/workflow";
import { loadPublicReport } from "@/lib/report-cycle/queries";
import { publicReportHtml } from "@/lib/report-cycle/public-html";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const NOT_FOUND = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>页面不存在</title></head><body><main><h1>页面不存在</h1><p>该年度报告尚未公开。</p></main></body></html>";

function html(body: string, status: number) {
  return new NextResponse(body, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}

/**
 * GET /public/reports/2025 — the 公开 version of the annual report, without login (issue 16). Only
 * once the report is signed and its 保密审查 approved; before that, and for any other year, 404
 * (the page does not say whether a report exists). Cheap and bounded: a year parsed from four digits,
 * three small reads, the stored text (each part at most 20 000 characters) escaped into one page.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ year: string }> }) {
  const year = parseReportYear((await context.params).year);
  if (year === null) return html(NOT_FOUND, 404);
  const report = await loadPublicReport(prisma, year);
  if (!report) return html(NOT_FOUND, 404);
  return html(publicReportHtml(report, request.headers.get("x-nonce")), 200);
}
