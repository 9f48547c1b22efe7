import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { actorOf } from "@/lib/auth/dal";
import { contentDisposition } from "@/lib/ledger/files";
import { attachmentHeaders, jsonError, routeUser } from "@/lib/ledger/http";
import { buildCleanupWorkbook, loadCleanupList } from "@/lib/regulations/cleanup";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /api/regulations/cleanup?year=YYYY — the year's 制度清理 list as .xlsx. */
export async function GET(request: Request) {
  const user = await routeUser("regulation:manage");
  if (user instanceof Response) return user;
  const raw = new URL(request.url).searchParams.get("year") ?? "";
  if (!/^20\d{2}$/.test(raw)) return jsonError(400, "年份参数无效，请使用四位年份，例如 year=2026");
  const year = Number(raw);
  const [rows, settings] = await Promise.all([loadCleanupList(prisma, year), prisma.unitSettings.findUnique({ where: { id: 1 } })]);
  const body = await buildCleanupWorkbook(year, settings?.unitName ?? "", rows, new Date());
  await writeAudit(prisma, actorOf(user), { entity: "Regulation", entityId: year, action: "export.cleanup", after: { rows: rows.length } });
  return new Response(new Uint8Array(body), {
    headers: attachmentHeaders(XLSX, contentDisposition(`${year}年度制度清理清单.xlsx`), { "Content-Length": String(body.byteLength) }),
  });
}
