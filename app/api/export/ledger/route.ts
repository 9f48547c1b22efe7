import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { auditActorOf } from "@/lib/ledger/access";
import { buildLedgerWorkbook, ledgerExportFileName, loadLedgerExport, parseExportInclude } from "@/lib/ledger/export-xlsx";
import { contentDisposition } from "@/lib/ledger/files";
import { attachmentHeaders, jsonError, routeUser } from "@/lib/ledger/http";
import { yearParamSchema } from "@/lib/ledger/schemas";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * GET /api/export/ledger?year=YYYY[&include=all] — the year's ledger as .xlsx (STAFF: their office's
 * entries): approved entries only, or with include=all everything the user may read except other
 * offices' drafts. A draft plan the user may not see is answered like a missing year.
 */
export async function GET(request: Request) {
  const user = await routeUser("ledger:export");
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const year = yearParamSchema.safeParse(params.get("year") ?? "");
  if (!year.success) return jsonError(400, "年份参数无效，请使用四位年份，例如 year=2025");
  const include = parseExportInclude(params.get("include"));
  const data = await loadLedgerExport(prisma, user, year.data, { include });
  if (!data) return jsonError(404, `${year.data}年没有工作要点`);
  const body = await buildLedgerWorkbook(data);
  await writeAudit(prisma, auditActorOf(user), { entity: "Ledger", entityId: year.data, action: "export.ledger", after: { rows: data.rows.length, targets: data.targets.length, include } });
  const fileName = ledgerExportFileName(year.data);
  return new Response(new Uint8Array(body), {
    headers: attachmentHeaders(XLSX, contentDisposition(fileName), { "Content-Length": String(body.byteLength) }),
  });
}
