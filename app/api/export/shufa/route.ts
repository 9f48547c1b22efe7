import { NextResponse, type NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { actorOf, AuthError, requirePermission } from "@/lib/auth/dal";
import { writeAudit } from "@/lib/audit";
import { buildReportDocx } from "@/lib/report/docx";
import { hidesDraftYear } from "@/lib/plan/visibility";
import { contentDispositionFor, parseReportYear, reportFileName } from "@/lib/report/workflow";
import { loadShufaDraft } from "@/lib/report-cycle/shufa-queries";
import { calendarDayAt } from "@/lib/progress/dates";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function fail(status: number, message: string) {
  return NextResponse.json({ ok: false, message }, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

/**
 * GET /api/export/shufa?year=2025&leader=<id> — a leader's 述法 material (述职述廉述法) drafted from
 * the year's approved ledger, as a GB/T 9704 Word document marked 草稿 (the leader completes it).
 */
export async function GET(request: NextRequest) {
  let user;
  try {
    user = await requirePermission("report:export");
  } catch (error) {
    if (error instanceof AuthError) return fail(error.status, error.message);
    throw error;
  }
  const year = parseReportYear(request.nextUrl.searchParams.get("year"));
  if (year === null) return fail(400, "年度参数无效，应为四位年份，例如 year=2025");
  const raw = request.nextUrl.searchParams.get("leader") ?? "";
  if (!/^\d{1,9}$/u.test(raw)) return fail(400, "领导参数无效");
  const loaded = (await hidesDraftYear(prisma, user.role, year)) ? null : await loadShufaDraft(prisma, year, Number(raw));
  if (!loaded) return fail(404, "没有该领导的述法材料");
  const buffer = await buildReportDocx({
    title: loaded.draft.title,
    parts: loaded.draft.parts,
    signature: loaded.leaderName,
    date: calendarDayAt(new Date()),
    draft: true,
  });
  await writeAudit(prisma, actorOf(user), { entity: "User", entityId: Number(raw), action: "export.shufa", after: { year, entries: loaded.draft.entryIds.length } });
  return new NextResponse(new Uint8Array(buffer), {
    status: 200,
    headers: {
      "Content-Type": DOCX_MIME,
      "Content-Length": String(buffer.length),
      "Content-Disposition": contentDispositionFor(reportFileName(loaded.draft.title), `shufa-${year}.docx`),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
