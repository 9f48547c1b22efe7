/**
 * The ledger as the .xlsx offices hand in: sheet 工作台账 (one row per entry) and sheet
 * 指标完成情况 (approved totals against each target). STAFF get their office's entries only.
 */
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
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

export interface LedgerExportData {
  year: number;
  planTitle: string;
  rows: LedgerExportRow[];
  targets: TargetExportRow[];
}

export function ledgerExportFileName(year: number): string {
  return `${year}年法治建设工作台账.xlsx`;
}

const pointLabel = (p: { number: number; title: string }) => `${p.number}. ${p.title}`;

/** Null when the year has no plan. */
export async function loadLedgerExport(db: Db, user: LedgerUser, year: number): Promise<LedgerExportData | null> {
  const plan = await db.plan.findUnique({ where: { year }, select: { id: true, title: true } });
  if (!plan) return null;
  const entries = await db.ledgerEntry.findMany({
    where: { year, deletedAt: null, ...readScope(user) },
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

function styleSheet(sheet: ExcelJS.Worksheet, wrapColumns: string[]) {
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.height = 24;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  for (const key of wrapColumns) sheet.getColumn(key).alignment = { vertical: "top", wrapText: true };
  sheet.eachRow((row, n) => {
    if (n > 1) row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
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
  styleSheet(ledger, ["point", "title", "supportOffices", "quantities", "description", "attachments"]);
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
