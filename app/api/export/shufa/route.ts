import type { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { actorOf } from "@/lib/auth/dal";
import { DOCX_MIME, fileResponse, jsonError as fail, routeUser } from "@/lib/http/responses";
import { writeAudit } from "@/lib/audit";
import { buildReportDocx } from "@/lib/report/docx";
import { hidesDraftYear } from "@/lib/plan/visibility";
import { contentDispositionFor, parseReportYear, reportFileName } from "@/lib/report/workflow";
import { loadShufaDraft } from "@/lib/report-cycle/shufa-queries";
import { calendarDayAt } from "@/lib/progress/dates";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/export/shufa?year=2025&leader=<id> — a leader's 述法 material (述职述廉述法) drafted from
 * the year's approved ledger, as a GB/T 9704 Word document marked 草稿 (the leader completes it).
 */
export async function GET(request: NextRequest) {
  const user = await routeUser("report:export");
  if (user instanceof Response) return user;
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
  return fileResponse(buffer, DOCX_MIME, contentDispositionFor(reportFileName(loaded.draft.title), `shufa-${year}.docx`));
}
