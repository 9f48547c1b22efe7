import crypto from "node:crypto";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { Document, Packer, Paragraph } from "docx";
import { convertWithSoffice } from "@/tests/support/soffice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, tableCounts, type TestDb } from "@/tests/support/test-db";
import { UserFacingError } from "@/lib/action-state";
import { NotFoundError, type LedgerUser } from "@/lib/ledger/access";
import { getAttachmentForDownload } from "@/lib/ledger/attachments";
import { MAX_ATTACHMENT_BYTES } from "@/lib/ledger/constants";
import { FILE_MESSAGES, FileRejectedError } from "@/lib/ledger/files";
import * as m from "@/lib/ledger/mutations";
import {
  EXE_BYTES,
  PDF_BYTES,
  SVG_BYTES,
  bytesOf,
  ledgerUser,
  makeDocx,
  makeDocxWithMacros,
  makeZipBombDocx,
  pointOf,
} from "@/tests/support/ledger-helpers";

let t: TestDb;
let zonghe: LedgerUser;
let yanjiu: LedgerUser;
let coordinator: LedgerUser;
let viewer: LedgerUser;
let entryId: number;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  [zonghe, yanjiu, coordinator, viewer] = await Promise.all(["staff-zonghe", "staff-yanjiu", "coordinator", "viewer"].map((u) => ledgerUser(t.db, u)));
  const p1 = await pointOf(t.db, 2026, 1);
  const entry = await m.createEntry(t.db, zonghe, {
    pointId: p1.id, date: new Date("2026-03-12T00:00:00Z"), title: "专题学习", form: "集中学习", description: "", participants: "", category: "NORMAL", linkedEntryId: null, quantities: [],
  });
  entryId = entry.id;
});
afterAll(async () => t.cleanup());

async function entryInput() {
  const p1 = await pointOf(t.db, 2026, 1);
  return { pointId: p1.id, date: new Date("2026-03-12T00:00:00Z"), title: "专题学习", form: "集中学习" as const, description: "", participants: "", category: "NORMAL" as const, linkedEntryId: null, quantities: [] };
}

async function makeXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("统计").addRow(["科室", "人数"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function refused(fileName: string, bytes: Buffer, message: string, user = zonghe, error: unknown = FileRejectedError) {
  const before = await tableCounts(t.db);
  const call = m.addAttachment(t.db, user, { entryId, fileName, bytes: bytesOf(bytes) });
  await expect(call).rejects.toBeInstanceOf(error as never);
  await expect(call).rejects.toThrow(message);
  expect(await tableCounts(t.db)).toEqual(before);
}

describe("uploading evidence", () => {
  it("accepts what offices use, each recognised by content: Word/WPS 97 (.doc, .wps), Excel/WPS (.xls, .et), OFD", async () => {
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("专题学习会议纪要")] }] }));
    const doc = await convertWithSoffice(new Uint8Array(word), "docx", "doc");
    const xls = await convertWithSoffice(await makeXlsx(), "xlsx", "xls");
    const ofdZip = new JSZip();
    ofdZip.file("OFD.xml", '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"/>');
    ofdZip.file("Doc_0/Document.xml", "<ofd:Document/>");
    const ofd = await ofdZip.generateAsync({ type: "uint8array" });
    const cases: [string, Uint8Array, string, string][] = [
      ["会议纪要.doc", doc, "application/msword", "会议纪要.doc"],
      ["会议纪要（WPS）.wps", doc, "application/msword", "会议纪要（WPS）.wps"],
      ["统计表.xls", xls, "application/vnd.ms-excel", "统计表.xls"],
      ["统计表.et", xls, "application/vnd.ms-excel", "统计表.et"],
      ["通知.ofd", ofd, "application/ofd", "通知.ofd"],
      // A name that lies is corrected to what the content is.
      ["签到表.pdf", doc, "application/msword", "签到表.pdf.doc"],
    ];
    for (const [name, bytes, mimeType, stored] of cases) {
      // Same content twice in one entry is refused, so each case gets an entry of its own.
      const entry = await m.createEntry(t.db, zonghe, { ...(await entryInput()), title: `文件类型 ${name}` });
      const created = await m.addAttachment(t.db, zonghe, { entryId: entry.id, fileName: name, bytes: bytesOf(Buffer.from(bytes)) });
      expect([created.fileName, created.mimeType]).toEqual([stored, mimeType]);
    }
  }, 120_000);

  it("refuses the same file twice in one entry (same SHA-256), whatever its name, and stores nothing", async () => {
    const bytes = Buffer.concat([PDF_BYTES, Buffer.from("%twice")]);
    await m.addAttachment(t.db, zonghe, { entryId, fileName: "签到表.pdf", bytes: bytesOf(bytes) });
    await refused("签到表（副本）.pdf", bytes, "该文件已上传过（与“签到表.pdf”内容相同），无需重复上传", zonghe, UserFacingError);
  });

  it("two parallel uploads of one file store it once", async () => {
    const bytes = Buffer.concat([PDF_BYTES, Buffer.from("%parallel")]);
    const results = await Promise.allSettled([1, 2, 3].map((n) => m.addAttachment(t.db, zonghe, { entryId, fileName: `并发${n}.pdf`, bytes: bytesOf(bytes) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    expect(await t.db.attachment.count({ where: { entryId, sha256, deletedAt: null } })).toBe(1);
  });

  it("stores a PDF with its sha256, the type decided by content and an audit row", async () => {
    const created = await m.addAttachment(t.db, zonghe, { entryId, fileName: "2026年第一次专题学习签到表.pdf", bytes: bytesOf(PDF_BYTES) });
    expect(created).toMatchObject({ fileName: "2026年第一次专题学习签到表.pdf", mimeType: "application/pdf", size: PDF_BYTES.length });
    expect(created.sha256).toBe(crypto.createHash("sha256").update(PDF_BYTES).digest("hex"));
    const stored = await t.db.attachment.findUniqueOrThrow({ where: { id: created.id } });
    expect(Buffer.from(stored.data).equals(PDF_BYTES)).toBe(true);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "Attachment", entityId: String(created.id), action: "create" } });
    expect(audit.after).not.toContain("data");
  });

  it("stores a DOCX and sanitises names (path parts, NUL, CR/LF), keeping Chinese", async () => {
    const a = await m.addAttachment(t.db, zonghe, { entryId, fileName: "../../会议\u0000纪要\r\n.docx", bytes: bytesOf(await makeDocx()) });
    expect(a.fileName).toBe("会议纪要.docx");
    expect(a.mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const b = await m.addAttachment(t.db, zonghe, { entryId, fileName: "..\\..\\通知.pdf", bytes: bytesOf(Buffer.concat([PDF_BYTES, Buffer.from("%notice")])) });
    expect(b.fileName).toBe("通知.pdf");
  });

  it("refuses an empty file, 20 MB + 1 byte, an .exe renamed .pdf, SVG, a docx with macros and a zip bomb: nothing stored", async () => {
    await refused("空文件.pdf", Buffer.alloc(0), FILE_MESSAGES.empty);
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    PDF_BYTES.copy(big);
    await refused("大文件.pdf", big, FILE_MESSAGES.tooLarge);
    await refused("签到表.pdf", EXE_BYTES, FILE_MESSAGES.unsupported);
    await refused("照片.png", SVG_BYTES, FILE_MESSAGES.unsupported);
    await refused("纪要.docx", await makeDocxWithMacros(), FILE_MESSAGES.macro);
    await refused("纪要.docx", await makeZipBombDocx(), FILE_MESSAGES.bomb);
  });

  it("refuses other offices and read-only roles without telling whether the entry exists", async () => {
    await refused("a.pdf", PDF_BYTES, "记录不存在或无权访问", yanjiu, NotFoundError);
    await refused("a.pdf", PDF_BYTES, "没有执行此操作的权限", viewer, UserFacingError);
  });

  it("downloads follow the entry's visibility; removal is soft and audited", async () => {
    const a = await m.addAttachment(t.db, zonghe, { entryId, fileName: "照片.pdf", bytes: bytesOf(Buffer.concat([PDF_BYTES, Buffer.from("%photo")])) });
    expect(await getAttachmentForDownload(t.db, zonghe, a.id)).not.toBeNull();
    expect(await getAttachmentForDownload(t.db, coordinator, a.id)).not.toBeNull();
    expect(await getAttachmentForDownload(t.db, viewer, a.id)).not.toBeNull();
    expect(await getAttachmentForDownload(t.db, yanjiu, a.id)).toBeNull();

    const before = await tableCounts(t.db);
    await expect(m.removeAttachment(t.db, yanjiu, { id: a.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await tableCounts(t.db)).toEqual(before);

    await m.removeAttachment(t.db, zonghe, { id: a.id });
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(await getAttachmentForDownload(t.db, zonghe, a.id)).toBeNull();
    expect(await t.db.auditLog.count({ where: { entity: "Attachment", entityId: String(a.id), action: "delete" } })).toBe(1);
  });

  it("evidence of an approved entry is frozen", async () => {
    const entry = await t.db.ledgerEntry.findUniqueOrThrow({ where: { id: entryId } });
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version });
    await m.transitionEntry(t.db, coordinator, "approve", { id: entry.id, version: submitted.version });
    await refused("晚到的.pdf", PDF_BYTES, "已通过审核的台账不能再增删佐证材料", zonghe, UserFacingError);
    const existing = await t.db.attachment.findFirstOrThrow({ where: { entryId, deletedAt: null } });
    await expect(m.removeAttachment(t.db, zonghe, { id: existing.id })).rejects.toThrow("不能再增删佐证材料");
  });
});
