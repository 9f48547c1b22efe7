/**
 * The evidence package of a 自评: one folder per scored indicator ("1.2.3-建立法治建设工作台账/"),
 * holding the attachments of the approved ledger entries behind its links (a linked entry itself;
 * a linked point's entries; a target's entries that count toward it), plus index.xlsx. Reuses the
 * ledger's streamed zip (lib/ledger/export-zip.ts): file bytes are read one at a time.
 */
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db";
import { isoDay } from "@/lib/ledger/constants";
import { dedupePath, safeSegment, shortTitle } from "@/lib/ledger/export-zip";
import { sanitizeFileName } from "@/lib/ledger/files";
import type { IndicatorView } from "./queries";

export interface IndicatorEvidence {
  attachmentId: number;
  path: string;
  date: Date;
  entryTitle: string;
  fileName: string;
  size: number;
  sha256: string;
}

export function indicatorFolder(indicator: Pick<IndicatorView, "code" | "title">): string {
  return `${indicator.code}-${safeSegment(indicator.title, 30) || "指标"}`;
}

export function evidencePackageFileName(year: number): string {
  return `${year}年度法治建设考核佐证材料.zip`;
}

/** Evidence per indicator id (leaves with links only), in rubric order. */
export async function loadIndicatorEvidence(db: Db, indicators: readonly IndicatorView[]): Promise<Map<number, IndicatorEvidence[]>> {
  const taken = new Set<string>(["index.xlsx"]);
  const out = new Map<number, IndicatorEvidence[]>();
  for (const indicator of indicators) {
    if (!indicator.isLeaf || indicator.links.length === 0) continue;
    const ids = (kind: string) => indicator.links.filter((l) => l.kind === kind).map((l) => l.refId);
    const or = [
      ...(ids("LEDGER").length ? [{ id: { in: ids("LEDGER") } }] : []),
      ...(ids("POINT").length ? [{ workPointId: { in: ids("POINT") } }] : []),
      ...(ids("TARGET").length ? [{ quantities: { some: { targetId: { in: ids("TARGET") } } } }] : []),
    ];
    if (or.length === 0) continue;
    const rows = await db.attachment.findMany({
      where: { deletedAt: null, entry: { status: "APPROVED", deletedAt: null, OR: or } },
      orderBy: [{ entry: { date: "asc" } }, { entryId: "asc" }, { id: "asc" }],
      select: { id: true, fileName: true, size: true, sha256: true, entry: { select: { date: true, title: true } } },
    });
    const folder = indicatorFolder(indicator);
    out.set(
      indicator.id,
      rows.map((r) => ({
        attachmentId: r.id,
        path: dedupePath(`${folder}/${isoDay(r.entry.date)}-${shortTitle(r.entry.title)}-${sanitizeFileName(r.fileName)}`, taken),
        date: r.entry.date,
        entryTitle: r.entry.title,
        fileName: r.fileName,
        size: r.size,
        sha256: r.sha256,
      })),
    );
  }
  return out;
}

/** The 佐证材料 cell of the 自评表: the folder and its files, or what the links are when there are no files. */
export function evidenceIndexText(indicator: IndicatorView, files: readonly IndicatorEvidence[] | undefined): string {
  if (!indicator.isLeaf) return "";
  if (files && files.length > 0) return [`${indicatorFolder(indicator)}/（${files.length} 个文件）`, ...files.map((f) => f.path.split("/").pop() as string)].join("\n");
  return indicator.links.map((l) => l.label).join("\n");
}

export async function buildEvidencePackageIndex(year: number, indicators: readonly IndicatorView[], evidence: Map<number, IndicatorEvidence[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "法治建设工作台";
  const sheet = wb.addWorksheet("佐证材料清单");
  sheet.columns = [
    { header: "指标", key: "indicator", width: 36 },
    { header: "文件（压缩包内路径）", key: "path", width: 60 },
    { header: "日期", key: "date", width: 12 },
    { header: "台账记录", key: "entryTitle", width: 32 },
    { header: "原文件名", key: "fileName", width: 30 },
    { header: "SHA-256", key: "sha256", width: 66 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const indicator of indicators) {
    for (const file of evidence.get(indicator.id) ?? []) sheet.addRow({ indicator: `${indicator.code} ${indicator.title}`, path: file.path, date: isoDay(file.date), entryTitle: file.entryTitle, fileName: file.fileName, sha256: file.sha256 });
  }
  if (sheet.rowCount === 1) sheet.addRow({ indicator: `${year}年度暂无关联的已审核佐证材料` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
