import "server-only";
import type { Db } from "@/lib/db";
import { auditWhere, type AuditFilters } from "./filters";
import { AUDIT_EXPORT_MAX_ROWS, type AuditExportRow } from "./export-xlsx";
import { actionLabel, ACTION_GROUPS, ENTITY_LABEL, entityLabel } from "./labels";

export const AUDIT_PAGE_SIZE = 50;

export async function loadAuditPage(db: Db, filters: AuditFilters) {
  const where = auditWhere(filters);
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (filters.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), entities: Object.keys(ENTITY_LABEL) };
}

/** The filtered rows for the .xlsx, oldest first; null when more than the cap match. */
export async function loadAuditExport(db: Db, filters: AuditFilters): Promise<AuditExportRow[] | null> {
  const where = auditWhere(filters);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: { id: "asc" },
    take: AUDIT_EXPORT_MAX_ROWS + 1,
    select: { id: true, at: true, username: true, role: true, ip: true, entity: true, entityId: true, action: true, before: true, after: true },
  });
  return rows.length > AUDIT_EXPORT_MAX_ROWS ? null : rows;
}

/** The filters in words, for the export's 导出说明 sheet. */
export function describeFilters(filters: AuditFilters): string {
  const parts: string[] = [];
  if (filters.user) parts.push(`账户：${filters.user}`);
  if (filters.action) parts.push(`操作：${ACTION_GROUPS.find((g) => g.value === filters.action)?.label ?? actionLabel(filters.action)}`);
  if (filters.entity) parts.push(`对象：${entityLabel(filters.entity)}${filters.entityId ? ` #${filters.entityId}` : ""}`);
  else if (filters.entityId) parts.push(`对象编号：${filters.entityId}`);
  if (filters.from || filters.to) parts.push(`期间：${filters.from ?? "不限"} 至 ${filters.to ?? "不限"}`);
  return parts.join("；");
}
