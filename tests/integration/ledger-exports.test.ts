import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import type { LedgerUser } from "@/lib/ledger/access";
import { buildLedgerWorkbook, ledgerExportFileName, ledgerTitleLines, loadLedgerExport, parseExportInclude } from "@/lib/ledger/export-xlsx";
import { buildEvidenceIndex, dedupePath, evidenceZipStream, folderName, loadEvidenceManifest, shortTitle } from "@/lib/ledger/export-zip";
import { contentDisposition } from "@/lib/ledger/files";
import * as m from "@/lib/ledger/mutations";
import { PDF_BYTES, bytesOf, ledgerUser, makeDocx, pointOf } from "@/tests/support/ledger-helpers";

let t: TestDb;
let zonghe: LedgerUser;
let yanjiu: LedgerUser;
let coordinator: LedgerUser;

async function readWorkbook(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  [zonghe, yanjiu, coordinator] = await Promise.all(["staff-zonghe", "staff-yanjiu", "coordinator"].map((u) => ledgerUser(t.db, u)));
  // An approved 2025 entry with evidence: two files share a name, one is removed, one draft's file must not appear.
  const p1 = await pointOf(t.db, 2025, 1);
  const base = { pointId: p1.id, form: "集中学习" as const, description: "组织机关干部62人参加", participants: "", category: "NORMAL" as const, linkedEntryId: null };
  const entry = await m.createEntry(t.db, zonghe, { ...base, date: new Date("2025-03-12T00:00:00Z"), title: "专题学习：习近平法治思想的核心要义", quantities: [{ targetId: p1.targets[0].id, value: 1, completes: false }] });
  await m.addAttachment(t.db, zonghe, { entryId: entry.id, fileName: "签到表.pdf", bytes: bytesOf(PDF_BYTES) });
  await m.addAttachment(t.db, zonghe, { entryId: entry.id, fileName: "签到表.pdf", bytes: bytesOf(Buffer.concat([PDF_BYTES, Buffer.from("%second")])) });
  await m.addAttachment(t.db, zonghe, { entryId: entry.id, fileName: "会议纪要.docx", bytes: bytesOf(await makeDocx()) });
  const removed = await m.addAttachment(t.db, zonghe, { entryId: entry.id, fileName: "作废.pdf", bytes: bytesOf(Buffer.concat([PDF_BYTES, Buffer.from("%void")])) });
  await m.removeAttachment(t.db, zonghe, { id: removed.id });
  const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version });
  await m.transitionEntry(t.db, coordinator, "approve", { id: entry.id, version: submitted.version });
  const draft = await m.createEntry(t.db, zonghe, { ...base, date: new Date("2025-05-05T00:00:00Z"), title: "草稿", quantities: [] });
  await m.addAttachment(t.db, zonghe, { entryId: draft.id, fileName: "草稿附件.pdf", bytes: bytesOf(PDF_BYTES) });
});
afterAll(async () => t.cleanup());

describe("ledger .xlsx", () => {
  it("has the hand-in layout: title rows, Chinese headers, frozen header row, real dates, quantities and evidence names", async () => {
    const data = (await loadLedgerExport(t.db, coordinator, 2025, { now: new Date("2026-12-04T05:30:00Z") }))!;
    const wb = await readWorkbook(await buildLedgerWorkbook(data));
    const sheet = wb.getWorksheet("工作台账")!;
    // Title rows: unit (UnitSettings.unitName) and year, then 导出时间 (Beijing time) and the scope.
    expect(sheet.getRow(1).getCell(1).value).toBe("XX市政协办公室2025年法治建设工作台账");
    expect(sheet.getRow(2).getCell(1).value).toBe("年度：2025年　导出时间：2026-12-04 13:30（北京时间）　范围：仅含审核通过的台账");
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 13)).toEqual([
      "序号", "工作要点（编号+标题）", "具体工作/活动", "牵头科室", "配合科室", "责任人", "完成时限", "日期", "数量", "完成情况", "审核状态", "佐证材料（文件名）",
    ]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);
    expect(sheet.getRow(4).getCell(1).value).toBe(1);
    let found = 0;
    sheet.eachRow((row, n) => {
      if (n <= 3 || row.getCell(3).value !== "专题学习：习近平法治思想的核心要义" || row.getCell(12).value === null || row.getCell(12).value === "") return;
      found++;
      expect(row.getCell(2).value).toBe("1. 深入学习习近平法治思想");
      expect(row.getCell(4).value).toBe("综合科");
      expect(row.getCell(5).value).toBe("人事科、机关党委");
      expect(row.getCell(8).value).toEqual(new Date("2025-03-12T00:00:00Z"));
      expect(row.getCell(8).numFmt).toBe("yyyy-mm-dd");
      expect(row.getCell(9).value).toBe("专题学习1次");
      expect(row.getCell(11).value).toBe("已通过");
      expect(String(row.getCell(12).value).split("\n")).toEqual(["签到表.pdf", "签到表.pdf", "会议纪要.docx"]);
    });
    expect(found).toBe(1);
    const targets = wb.getWorksheet("指标完成情况")!;
    const rows = targets.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 7));
    expect(rows).toContainEqual(["1. 深入学习习近平法治思想", "专题学习", "≥4次", 7, "次", 1.75]);
    expect(rows).toContainEqual(["4. 开展法治思想专题培训", "培训人数", "≥200人次", 412, "人次", 2.06]);
  });

  it("holds only approved entries by default, for every reader", async () => {
    for (const user of [coordinator, zonghe, yanjiu, await ledgerUser(t.db, "leader"), await ledgerUser(t.db, "viewer")]) {
      const data = (await loadLedgerExport(t.db, user, 2025))!;
      expect(data.include).toBe("approved");
      expect(data.rows.length, user.username).toBeGreaterThan(0);
      expect(new Set(data.rows.map((r) => r.status)), user.username).toEqual(new Set(["已通过"]));
    }
  });

  it("with include=all adds unapproved entries, but another office's 草稿 only for its own office and the 法治办", async () => {
    const leader = await ledgerUser(t.db, "leader");
    const viewer = await ledgerUser(t.db, "viewer");
    const has = async (user: LedgerUser) => (await loadLedgerExport(t.db, user, 2025, { include: "all" }))!.rows.filter((r) => r.title === "草稿" && r.office === "综合科").length;
    // [user, sees 综合科's draft]
    const cases: [LedgerUser, number][] = [[zonghe, 1], [coordinator, 1], [yanjiu, 0], [leader, 0], [viewer, 0]];
    for (const [user, expected] of cases) expect(await has(user), user.username).toBe(expected);
    for (const user of [leader, viewer, yanjiu]) {
      const rows = (await loadLedgerExport(t.db, user, 2025, { include: "all" }))!.rows;
      const ownOffice = user.officeId === null ? null : (await t.db.office.findUniqueOrThrow({ where: { id: user.officeId } })).name;
      expect(rows.filter((r) => r.status === "草稿" && r.office !== ownOffice), user.username).toEqual([]);
    }
    const all = (await loadLedgerExport(t.db, zonghe, 2025, { include: "all" }))!;
    expect(all.rows.length).toBeGreaterThan((await loadLedgerExport(t.db, zonghe, 2025))!.rows.length);
    const wb = await readWorkbook(await buildLedgerWorkbook(all));
    expect(String(wb.getWorksheet("工作台账")!.getRow(2).getCell(1).value)).toContain("范围：含未审核的台账（草稿仅限本科室）");
  });

  it("parses ?include: all, else approved", () => {
    expect([parseExportInclude("all"), parseExportInclude(null), parseExportInclude("ALL"), parseExportInclude("drafts")]).toEqual(["all", "approved", "approved", "approved"]);
  });

  it("takes the unit name from the unit settings", async () => {
    await t.db.unitSettings.update({ where: { id: 1 }, data: { unitName: "政协某某市委员会办公厅" } });
    try {
      const data = (await loadLedgerExport(t.db, coordinator, 2025))!;
      expect(ledgerTitleLines(data)[0]).toBe("政协某某市委员会办公厅2025年法治建设工作台账");
    } finally {
      await t.db.unitSettings.update({ where: { id: 1 }, data: { unitName: "XX市政协办公室" } });
    }
  });

  it("gives STAFF their office's entries only", async () => {
    const data = (await loadLedgerExport(t.db, yanjiu, 2025))!;
    expect(data.rows.length).toBeGreaterThan(0);
    expect(new Set(data.rows.map((r) => r.office))).toEqual(new Set(["研究室"]));
    expect(await loadLedgerExport(t.db, yanjiu, 1999)).toBeNull();
  });

  it("names the download in Chinese with an ASCII fallback", () => {
    expect(contentDisposition(ledgerExportFileName(2025))).toBe(
      `attachment; filename="2025_________.xlsx"; filename*=UTF-8''2025%E5%B9%B4%E6%B3%95%E6%B2%BB%E5%BB%BA%E8%AE%BE%E5%B7%A5%E4%BD%9C%E5%8F%B0%E8%B4%A6.xlsx`,
    );
  });
});

describe("evidence .zip", () => {
  it("holds approved evidence only, one folder per point, de-duplicated names, and index.xlsx", async () => {
    const items = await loadEvidenceManifest(t.db, coordinator, 2025);
    expect(items.map((i) => i.path)).toEqual([
      "01-深入学习习近平法治思想/2025-03-12-专题学习-签到表.pdf",
      "01-深入学习习近平法治思想/2025-03-12-专题学习-签到表 (2).pdf",
      "01-深入学习习近平法治思想/2025-03-12-专题学习-会议纪要.docx",
    ]);
    const zipBytes = await drain(evidenceZipStream(t.db, items, await buildEvidenceIndex(2025, items)));
    const zip = await JSZip.loadAsync(zipBytes);
    expect(Object.keys(zip.files).filter((n) => !n.endsWith("/")).sort()).toEqual(["index.xlsx", ...items.map((i) => i.path)].sort());
    expect((await zip.file(items[0].path)!.async("nodebuffer")).equals(PDF_BYTES)).toBe(true);
    const index = await readWorkbook(await zip.file("index.xlsx")!.async("nodebuffer"));
    const listed = index.worksheets[0].getColumn(2).values.slice(2);
    expect(listed).toEqual(items.map((i) => i.path));
  });

  it("gives STAFF of another office nothing of 综合科's", async () => {
    expect(await loadEvidenceManifest(t.db, yanjiu, 2025)).toEqual([]);
    expect((await loadEvidenceManifest(t.db, zonghe, 2025)).length).toBe(3);
  });

  it("builds safe, short path segments", () => {
    expect(folderName(1, "深入学习习近平法治思想")).toBe("01-深入学习习近平法治思想");
    expect(folderName(12, "a/b\\c:d")).toBe("12-abcd");
    expect(shortTitle("专题学习：习近平法治思想的核心要义")).toBe("专题学习");
    expect(shortTitle("印发《XX市政协办公室法治建设工作制度》和其他很长很长的标题内容")).toHaveLength(20);
    const taken = new Set<string>();
    expect([dedupePath("a/x.pdf", taken), dedupePath("a/X.pdf", taken), dedupePath("a/x.pdf", taken)]).toEqual(["a/x.pdf", "a/X (2).pdf", "a/x (3).pdf"]);
  });
});
