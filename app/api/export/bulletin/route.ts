import type { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { actorOf } from "@/lib/auth/dal";
import { DOCX_MIME, fileResponse, jsonError as fail, routeUser } from "@/lib/http/responses";
import { buildReportDocx } from "@/lib/report/docx";
import { contentDispositionFor } from "@/lib/report/workflow";
import { bulletinDocxInput } from "@/lib/bulletins/queries";
import { recordBulletinExport } from "@/lib/bulletins/mutations";
import { bulletinFileName } from "@/lib/bulletins/workflow";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/export/bulletin?id=3 — the 情况通报 as a GB/T 9704 Word document (the report's layout,
 * with 发文字号 and 主送). Until a leader has approved it, the page header says "草稿".
 */
export async function GET(request: NextRequest) {
  const user = await routeUser("bulletin:read");
  if (user instanceof Response) return user;
  const raw = request.nextUrl.searchParams.get("id") ?? "";
  if (!/^\d{1,9}$/.test(raw)) return fail(400, "通报编号无效");
  const input = await bulletinDocxInput(prisma, Number(raw));
  if (!input) return fail(404, "通报不存在");
  const buffer = await buildReportDocx(input);
  await recordBulletinExport(prisma, actorOf(user), input);
  return fileResponse(buffer, DOCX_MIME, contentDispositionFor(bulletinFileName(input.title), `bulletin-${input.id}.docx`));
}
