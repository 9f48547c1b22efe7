/**
 * The ledger as the .xlsx offices hand in: sheet 工作台账 (a title row with unit, year and
 * 导出时间, then one row per entry) and sheet 指标完成情况 (approved totals against each target).
 * By default only approved entries are exported; `include: "all"` adds what the user may read
 * that is not yet approved, but another office's 草稿 never (drafts are their own office's and
 * the 法治办's). STAFF get their office's entries only; a draft plan is no plan (lib/plan/visibility).
 */
import ExcelJS from "exceljs";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { visiblePlanWhere } from "@/lib/plan/visibility";
import { completionRate, effectiveValue } from "@/lib/progress/target";
import type { Comparator, TargetKind } from "@/lib/progress/types";
import { CATEGORY_LABEL, STATUS_LABEL, describeTarget, isEntryStatus, type EntryCategory } from "./constants";
import { readScope, type LedgerUser } from "./access";
import { describeQuantities } from "./queries";
import { targetTotals } from "./totals";

export interface LedgerExportRow {
  point: string;
  title: string;
  leadOffice: string;
  supportOffices: string;
  responsible: string;
  deadlineText: string;
  date: Date;
  quantities: string;
  description: string;
  status: string;
  attachments: string;
  office: string;
  category: string;
}

export interface TargetExportRow {
  point: string;
  subject: string;
  target: string;
  actual: number;
  unit: string;
  rate: number;
  pending: number;
}

/** Which entries an export holds: approved ones (the default), or all the user may read. */
export type LedgerExportInclude = "approved" | "all";

export function parseExportInclude(value: string | null | undefined): LedgerExportInclude {
  return value === "all" ? "all" : "approved";
}

export const EXPORT_SCOPE_LABEL: Record<LedgerExportInclude, string> = {
  approved: "仅含审核通过的台账",
  all: "含未审核的台账（草稿仅限本科室）",
};

/**
 * The entries of an export beyond readScope: APPROVED only, or everything readable except other
 * offices' drafts (ledger:writeAll — the 法治办 — sees every office's drafts, as in the list).
 */
export function exportStatusWhere(user: LedgerUser, include: LedgerExportInclude): Prisma.LedgerEntryWhereInput {
  if (include === "approved") return { status: "APPROVED" };
  if (can(user.role, "ledger:writeAll")) return {};
  return { OR: [{ status: { not: "DRAFT" } }, { officeId: user.officeId ?? -1 }] };
}

export interface LedgerExportData {
  year: number;
  planTitle: string;
  /** The unit's name (UnitSettings.unitName, else the plan's). */
  unitName: string;
  include: LedgerExportInclude;
  exportedAt: Date;
  rows: LedgerExportRow[];
  targets: TargetExportRow[];
}

export function ledgerExportFileName(year: number): string {
  return `${year}年法治建设工作台账.xlsx`;
}

const pointLabel = (p: { number: number; title: string }) => `${p.number}. ${p.title}`;

/** Null when the year has no plan the user may see. */
export async function loadLedgerExport(
  db: Db,
  user: LedgerUser,
  year: number,
  options: { include?: LedgerExportInclude; now?: Date } = {},
): Promise<LedgerExportData | null> {
  const include = options.include ?? "approved";
  const [plan, settings] = await Promise.all([
    db.plan.findFirst({ where: { year, ...visiblePlanWhere(user.role) }, select: { id: true, title: true, unitName: true } }),
    db.unitSettings.findUnique({ where: { id: 1 }, select: { unitName: true } }),
  ]);
  if (!plan) return null;
  const entries = await db.ledgerEntry.findMany({
    where: { AND: [{ year, deletedAt: null }, readScope(user), exportStatusWhere(user, include)] },
    orderBy: [{ workPoint: { number: "asc" } }, { date: "asc" }, { id: "asc" }],
    select: {
      date: true,
      title: true,
      description: true,
      status: true,
      category: true,
      linkedEntryId: true,
      office: { select: { name: true } },
      workPoint: {
        select: {
          number: true,
          title: true,
          responsible: true,
          deadlineText: true,
          leadOffice: { select: { name: true } },
          supportOffices: { select: { office: { select: { name: true } } }, orderBy: { office: { sortOrder: "asc" } } },
        },
      },
      quantities: { select: { value: true, completes: true, target: { select: { subject: true, unit: true, kind: true } } } },
      attachments: { where: { deletedAt: null }, orderBy: { id: "asc" }, select: { fileName: true } },
    },
  });
  const rows = entries.map((e) => ({
    point: pointLabel(e.workPoint),
    title: e.title,
    leadOffice: e.workPoint.leadOffice?.name ?? "",
    supportOffices: e.workPoint.supportOffices.map((s) => s.office.name).join("、"),
    responsible: e.workPoint.responsible,
    deadlineText: e.workPoint.deadlineText,
    date: e.date,
    quantities: describeQuantities(e.quantities) + (e.linkedEntryId && e.quantities.length ? "（协办，不重复计数）" : ""),
    description: e.description,
    status: isEntryStatus(e.status) ? STATUS_LABEL[e.status] : e.status,
    attachments: e.attachments.map((a) => a.fileName).join("\n"),
    office: e.office.name,
    category: CATEGORY_LABEL[e.category as EntryCategory] ?? e.category,
  }));

  const officeId = user.officeId ?? -1;
  const targets = await db.target.findMany({
    where: {
      planId: plan.id,
      ...(can(user.role, "ledger:readAll") ? {} : { workPoint: { OR: [{ leadOfficeId: officeId }, { supportOffices: { some: { officeId } } }] } }),
    },
    orderBy: [{ workPoint: { number: "asc" } }, { ordinal: "asc" }, { id: "asc" }],
    select: { id: true, subject: true, comparator: true, value: true, unit: true, kind: true, workPoint: { select: { number: true, title: true } } },
  });
  const totals = await targetTotals(db, targets);
  return {
    year,
    planTitle: plan.title,
    unitName: settings?.unitName.trim() || plan.unitName,
    include,
    exportedAt: options.now ?? new Date(),
    rows,
    targets: targets.map((t) => {
      const total = totals.get(t.id);
      const actual = total?.approved ?? 0;
      return {
        point: pointLabel(t.workPoint),
        subject: t.subject,
        target: describeTarget(t),
        actual,
        unit: t.unit,
        rate: completionRate(t.comparator as Comparator, actual, effectiveValue({ kind: t.kind as TargetKind, value: t.value })),
        pending: total?.pending ?? 0,
      };
    }),
  };
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
const THIN: ExcelJS.Borders = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
  diagonal: {},
};

/** "2026-12-04 13:22" in Beijing time. */
export function beijingMinute(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** The two title lines above the ledger table. */
export function ledgerTitleLines(data: Pick<LedgerExportData, "unitName" | "year" | "include" | "exportedAt">): [string, string] {
  return [
    `${data.unitName}${data.year}年法治建设工作台账`,
    `年度：${data.year}年　导出时间：${beijingMinute(data.exportedAt)}（北京时间）　范围：${EXPORT_SCOPE_LABEL[data.include]}`,
  ];
}

/** Rows above the column header (the ledger sheet's title rows). */
const LEDGER_TITLE_ROWS = 2;

function styleSheet(sheet: ExcelJS.Worksheet, wrapColumns: string[], headerRow = 1) {
  sheet.views = [{ state: "frozen", ySplit: headerRow }];
  const header = sheet.getRow(headerRow);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.height = 24;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  for (const key of wrapColumns) sheet.getColumn(key).alignment = { vertical: "top", wrapText: true };
  sheet.eachRow((row, n) => {
    if (n > headerRow) row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
  });
}

export async function buildLedgerWorkbook(data: LedgerExportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "法治建设工作台";
  wb.created = new Date();
  wb.title = ledgerExportFileName(data.year).replace(/\.xlsx$/, "");

  const ledger = wb.addWorksheet("工作台账");
  ledger.columns = [
    { header: "序号", key: "index", width: 6 },
    { header: "工作要点（编号+标题）", key: "point", width: 28 },
    { header: "具体工作/活动", key: "title", width: 32 },
    { header: "牵头科室", key: "leadOffice", width: 12 },
    { header: "配合科室", key: "supportOffices", width: 18 },
    { header: "责任人", key: "responsible", width: 14 },
    { header: "完成时限", key: "deadlineText", width: 12 },
    { header: "日期", key: "date", width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: "数量", key: "quantities", width: 22 },
    { header: "完成情况", key: "description", width: 48 },
    { header: "审核状态", key: "status", width: 10 },
    { header: "佐证材料（文件名）", key: "attachments", width: 30 },
    { header: "填报科室", key: "office", width: 12 },
    { header: "类别", key: "category", width: 14 },
  ];
  data.rows.forEach((row, i) => ledger.addRow({ index: i + 1, ...row }));
  // Title rows above the header: unit and year, then 导出时间 and what the export holds.
  const [title, subtitle] = ledgerTitleLines(data);
  ledger.spliceRows(1, 0, [title], [subtitle]);
  const lastColumn = ledger.columnCount;
  ledger.mergeCells(1, 1, 1, lastColumn);
  ledger.mergeCells(2, 1, 2, lastColumn);
  ledger.getRow(1).font = { bold: true, size: 16 };
  ledger.getRow(1).alignment = { vertical: "middle", horizontal: "center" };
  ledger.getRow(1).height = 30;
  ledger.getRow(2).alignment = { vertical: "middle", horizontal: "left" };
  ledger.getRow(2).font = { size: 10 };
  styleSheet(ledger, ["point", "title", "supportOffices", "quantities", "description", "attachments"], LEDGER_TITLE_ROWS + 1);
  ledger.getColumn("date").numFmt = "yyyy-mm-dd";
  ledger.getColumn("index").alignment = { vertical: "top", horizontal: "center" };

  const targets = wb.addWorksheet("指标完成情况");
  targets.columns = [
    { header: "工作要点", key: "point", width: 30 },
    { header: "指标", key: "subject", width: 18 },
    { header: "目标", key: "target", width: 12 },
    { header: "已完成（已审核）", key: "actual", width: 16 },
    { header: "单位", key: "unit", width: 8 },
    { header: "完成率", key: "rate", width: 10, style: { numFmt: "0.0%" } },
    { header: "待审核", key: "pending", width: 10 },
  ];
  for (const t of data.targets) targets.addRow(t);
  styleSheet(targets, ["point"]);
  targets.getColumn("rate").numFmt = "0.0%";

  return Buffer.from(await wb.xlsx.writeBuffer());
}
