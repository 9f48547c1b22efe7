/**
 * All approved evidence of a year as one .zip, one folder per work point:
 *   01-深入学习习近平法治思想/2025-03-12-专题学习-签到表.pdf
 * plus index.xlsx listing every file. Streamed: the manifest is read without file contents, and
 * each file's bytes are fetched from the database only when JSZip reaches it (one file in memory
 * at a time), with generateNodeStream({ streamFiles: true }).
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Db } from "@/lib/db";
import { isoDay } from "./constants";
import { readScope, type LedgerUser } from "./access";
import { sanitizeFileName } from "./files";

export interface EvidenceItem {
  attachmentId: number;
  path: string;
  pointNumber: number;
  pointTitle: string;
  date: Date;
  entryTitle: string;
  office: string;
  fileName: string;
  size: number;
  sha256: string;
}

export function evidenceExportFileName(year: number): string {
  return `${year}年法治建设佐证材料.zip`;
}

// eslint-disable-next-line no-control-regex
const UNSAFE_SEGMENT = /[\u0000-\u001f\u007f\\/:*?"<>|]/g;

/** One path segment: no separators or reserved characters, no leading/trailing dots, at most `max` characters. */
export function safeSegment(text: string, max: number): string {
  const cleaned = text.replace(UNSAFE_SEGMENT, "").replace(/\s+/g, " ").trim().replace(/^\.+/, "").replace(/\.+$/, "");
  return Array.from(cleaned).slice(0, max).join("").trim();
}

/** "专题学习：习近平法治思想的核心要义" → "专题学习"; long titles are cut to 20 characters. */
export function shortTitle(title: string): string {
  const head = title.split(/[：:，,。（(；;—]/)[0].trim();
  return safeSegment(Array.from(head).length >= 2 ? head : title, 20) || "台账";
}

export function folderName(number: number, title: string): string {
  return `${String(number).padStart(2, "0")}-${safeSegment(title, 40) || "工作要点"}`;
}

/** Appends " (2)", " (3)" … before the extension until the path is unique (case-insensitively). */
export function dedupePath(path: string, taken: Set<string>): string {
  let candidate = path;
  const dot = path.lastIndexOf(".");
  const slash = path.lastIndexOf("/");
  const [stem, ext] = dot > slash ? [path.slice(0, dot), path.slice(dot)] : [path, ""];
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The approved, non-deleted entries' live attachments the user may see (no file contents). */
export async function loadEvidenceManifest(db: Db, user: LedgerUser, year: number): Promise<EvidenceItem[]> {
  const rows = await db.attachment.findMany({
    where: { deletedAt: null, entry: { year, status: "APPROVED", deletedAt: null, ...readScope(user) } },
    orderBy: [{ entry: { workPoint: { number: "asc" } } }, { entry: { date: "asc" } }, { entryId: "asc" }, { id: "asc" }],
    select: {
      id: true,
      fileName: true,
      size: true,
      sha256: true,
      entry: { select: { date: true, title: true, office: { select: { name: true } }, workPoint: { select: { number: true, title: true } } } },
    },
  });
  const taken = new Set<string>(["index.xlsx"]);
  return rows.map((row) => {
    const folder = folderName(row.entry.workPoint.number, row.entry.workPoint.title);
    const name = `${isoDay(row.entry.date)}-${shortTitle(row.entry.title)}-${sanitizeFileName(row.fileName)}`;
    return {
      attachmentId: row.id,
      path: dedupePath(`${folder}/${name}`, taken),
      pointNumber: row.entry.workPoint.number,
      pointTitle: row.entry.workPoint.title,
      date: row.entry.date,
      entryTitle: row.entry.title,
      office: row.entry.office.name,
      fileName: row.fileName,
      size: row.size,
      sha256: row.sha256,
    };
  });
}

export async function buildEvidenceIndex(year: number, items: EvidenceItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "法治建设工作台";
  const sheet = wb.addWorksheet("佐证材料清单");
  sheet.columns = [
    { header: "序号", key: "index", width: 6 },
    { header: "文件（压缩包内路径）", key: "path", width: 60 },
    { header: "工作要点", key: "point", width: 30 },
    { header: "日期", key: "date", width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: "具体工作/活动", key: "entryTitle", width: 32 },
    { header: "填报科室", key: "office", width: 12 },
    { header: "原文件名", key: "fileName", width: 30 },
    { header: "大小（字节）", key: "size", width: 12 },
    { header: "SHA-256", key: "sha256", width: 66 },
  ];
  items.forEach((item, i) =>
    sheet.addRow({ ...item, index: i + 1, point: `${item.pointNumber}. ${item.pointTitle}` }),
  );
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn("date").numFmt = "yyyy-mm-dd";
  if (items.length === 0) sheet.addRow({ path: `${year}年暂无已审核通过的佐证材料` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A lazy stream of one attachment's bytes: the query runs when JSZip starts reading this file. */
function attachmentStream(db: Db, id: number): Readable {
  return Readable.from(
    (async function* () {
      const row = await db.attachment.findUnique({ where: { id }, select: { data: true } });
      if (row) yield Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
    })(),
    { objectMode: false },
  );
}

/** The zip as a web stream for a Response body. */
export function evidenceZipStream(db: Db, items: EvidenceItem[], index: Buffer): ReadableStream<Uint8Array> {
  const zip = new JSZip();
  zip.file("index.xlsx", index, { binary: true });
  for (const item of items) zip.file(item.path, attachmentStream(db, item.attachmentId), { binary: true, date: item.date });
  // Evidence is already compressed (PDF, JPEG, PNG, DOCX, XLSX): store it, do not deflate it again.
  const node = zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "STORE" }) as unknown as Readable;
  return Readable.toWeb(node) as unknown as ReadableStream<Uint8Array>;
}
