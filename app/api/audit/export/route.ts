import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { actorOf } from "@/lib/auth/dal";
import { parseAuditFilters } from "@/lib/audit-log/filters";
import { buildAuditWorkbook } from "@/lib/audit-log/export-xlsx";
import { describeFilters, loadAuditExport } from "@/lib/audit-log/queries";
import { AUDIT_EXPORT_MAX_ROWS } from "@/lib/audit-log/export-xlsx";
import { contentDisposition } from "@/lib/ledger/files";
import { attachmentHeaders, jsonError, routeUser } from "@/lib/ledger/http";
import { clientAddress } from "@/lib/security/client-address";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * GET /api/audit/export?user=&action=&entity=&entityId=&from=&to= — the filtered audit log as
 * .xlsx for the 安全审计员. The export is itself audited (who, when, which filter, from where).
 */
export async function GET(request: Request) {
  const user = await routeUser("audit:export");
  if (user instanceof Response) return user;
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const rows = await loadAuditExport(prisma, filters);
  if (!rows) return jsonError(413, `符合条件的记录超过 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩小时间范围或增加筛选条件后再导出`);
  const filterText = describeFilters(filters);
  const exportedAt = new Date();
  const body = await buildAuditWorkbook(rows, { filterText, exportedBy: `${user.displayName}（${user.username}）`, exportedAt });
  await writeAudit(prisma, actorOf(user), {
    entity: "AuditLog",
    action: "export.audit",
    after: { filter: filterText || "全部", rows: rows.length },
    ip: clientAddress(request.headers),
  });
  const day = exportedAt.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
  return new Response(new Uint8Array(body), {
    headers: attachmentHeaders(XLSX, contentDisposition(`审计日志-${day}.xlsx`), { "Content-Length": String(body.byteLength) }),
  });
}
