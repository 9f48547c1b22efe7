/**
 * The annual 制度清理 list: for a year, every rule not abolished with its status and a proposed
 * action (保留 / 修订 / 废止) filled in the portal, exported as .xlsx for the 秘书长办公会议.
 * One row per (year, rule), set by an upsert on that unique pair with its audit row.
 */
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { UserFacingError } from "@/lib/action-state";
import { can } from "@/lib/auth/permissions";
import { isRole } from "@/lib/auth/roles";
import { STATUS_LABEL, type RegulationStatus } from "./constants";
import { formatChineseDate } from "@/lib/progress";

export const CLEANUP_ACTIONS = ["KEEP", "REVISE", "REPEAL"] as const;
export type CleanupAction = (typeof CLEANUP_ACTIONS)[number];
export const CLEANUP_LABEL: Record<CleanupAction, string> = { KEEP: "保留", REVISE: "修订", REPEAL: "废止" };

export interface CleanupRow {
  regulationId: number;
  title: string;
  docNumber: string;
  category: string;
  office: string;
  status: string;
  adoptedOn: Date | null;
  validUntil: Date | null;
  action: CleanupAction | null;
  note: string;
}

export async function loadCleanupList(db: Db, year: number): Promise<CleanupRow[]> {
  const rules = await db.regulation.findMany({
    where: { OR: [{ status: { not: "REPEALED" } }, { cleanups: { some: { year } } }] },
    orderBy: [{ category: "asc" }, { adoptedOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      docNumber: true,
      category: true,
      status: true,
      adoptedOn: true,
      validUntil: true,
      office: { select: { name: true } },
      cleanups: { where: { year }, select: { action: true, note: true } },
    },
  });
  return rules.map((r) => ({
    regulationId: r.id,
    title: r.title,
    docNumber: r.docNumber ?? "",
    category: r.category,
    office: r.office?.name ?? "",
    status: r.status,
    adoptedOn: r.adoptedOn,
    validUntil: r.validUntil,
    action: (r.cleanups[0]?.action as CleanupAction | undefined) ?? null,
    note: r.cleanups[0]?.note ?? "",
  }));
}

export async function setCleanupAction(db: Db, actor: AuditActor, input: { year: number; regulationId: number; action: CleanupAction; note: string }) {
  if (!isRole(actor.role) || !can(actor.role, "regulation:manage")) throw new UserFacingError("您没有执行此操作的权限");
  return db.$transaction(async (tx) => {
    const rule = await tx.regulation.findUnique({ where: { id: input.regulationId }, select: { id: true } });
    if (!rule) throw new UserFacingError("制度不存在");
    const before = await tx.regulationCleanup.findUnique({ where: { year_regulationId: { year: input.year, regulationId: rule.id } } });
    const row = await tx.regulationCleanup.upsert({
      where: { year_regulationId: { year: input.year, regulationId: rule.id } },
      create: { year: input.year, regulationId: rule.id, action: input.action, note: input.note, updatedById: actor.id },
      update: { action: input.action, note: input.note, updatedById: actor.id },
    });
    await writeAudit(tx, actor, {
      entity: "Regulation",
      entityId: rule.id,
      action: "cleanup",
      before: before ? { year: before.year, action: before.action, note: before.note } : undefined,
      after: { year: input.year, action: input.action, note: input.note },
    });
    return row;
  });
}

const day = (d: Date | null) => (d ? formatChineseDate(d) : "");

export async function buildCleanupWorkbook(year: number, unitName: string, rows: CleanupRow[], exportedAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("制度清理");
  sheet.addRow([`${unitName}${year}年度制度清理清单`]);
  sheet.mergeCells(1, 1, 1, 10);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const local = new Date(exportedAt.getTime() + 8 * 3_600_000);
  sheet.addRow([`导出时间：${formatChineseDate(local)} ${local.toISOString().slice(11, 16)}；共 ${rows.length} 项，已提出处理意见 ${rows.filter((r) => r.action).length} 项`]);
  sheet.mergeCells(2, 1, 2, 10);
  const header = sheet.addRow(["序号", "制度名称", "文号", "类别", "责任科室", "现状", "印发日期", "有效期至", "清理意见", "说明"]);
  header.font = { bold: true };
  rows.forEach((r, i) => {
    sheet.addRow([i + 1, r.title, r.docNumber, r.category, r.office, STATUS_LABEL[r.status as RegulationStatus] ?? r.status, day(r.adoptedOn), day(r.validUntil), r.action ? CLEANUP_LABEL[r.action] : "未提出", r.note]);
  });
  [6, 40, 24, 16, 12, 10, 16, 16, 10, 40].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await book.xlsx.writeBuffer());
}
