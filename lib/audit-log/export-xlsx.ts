/**
 * The audit log as an .xlsx workbook for the 安全审计员: one row per record with time (China time),
 * account, role, client address, object, action and the change. Pure: rows in, bytes out.
 */
import ExcelJS from "exceljs";
import { actionLabel, entityLabel } from "./labels";
import { isRole, ROLE_LABEL } from "@/lib/auth/roles";

export interface AuditExportRow {
  id: number;
  at: Date;
  username: string;
  role: string;
  ip: string;
  entity: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
}

/** At most this many rows in one export; beyond it the auditor narrows the filter. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
/** Excel's limit for one cell's text. */
const CELL_MAX = 32_000;

export function chinaTime(at: Date): string {
  return at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

const clip = (text: string | null) => (text && text.length > CELL_MAX ? `${text.slice(0, CELL_MAX)}…（已截断）` : text ?? "");

export async function buildAuditWorkbook(rows: AuditExportRow[], meta: { filterText: string; exportedBy: string; exportedAt: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "法治建设工作台";
  const sheet = workbook.addWorksheet("审计日志");
  sheet.columns = [
    { header: "序号", key: "id", width: 10 },
    { header: "时间", key: "at", width: 21 },
    { header: "账户", key: "username", width: 16 },
    { header: "角色", key: "role", width: 16 },
    { header: "来源地址", key: "ip", width: 18 },
    { header: "对象", key: "entity", width: 14 },
    { header: "对象编号", key: "entityId", width: 12 },
    { header: "操作", key: "action", width: 20 },
    { header: "修改前", key: "before", width: 50 },
    { header: "修改后", key: "after", width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of rows) {
    sheet.addRow({
      id: row.id,
      at: chinaTime(row.at),
      username: row.username || "—",
      role: isRole(row.role) ? ROLE_LABEL[row.role] : row.role || "—",
      ip: row.ip || "—",
      entity: entityLabel(row.entity),
      entityId: row.entityId,
      action: actionLabel(row.action),
      before: clip(row.before),
      after: clip(row.after),
    });
  }
  const about = workbook.addWorksheet("导出说明");
  about.columns = [{ width: 14 }, { width: 60 }];
  about.addRows([
    ["导出人", meta.exportedBy],
    ["导出时间", chinaTime(meta.exportedAt)],
    ["筛选条件", meta.filterText || "全部"],
    ["记录数", rows.length],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
