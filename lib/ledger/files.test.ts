import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "./constants";
import { FILE_MESSAGES, FileRejectedError, contentDisposition, detectEvidenceKind, inspectUpload, sanitizeFileName } from "./files";

import {
  DOCM_TYPES,
  DOCX_TYPES,
  EXE_BYTES,
  HTML_BYTES,
  JPEG_BYTES,
  PDF_BYTES,
  PNG_BYTES,
  SVG_BYTES,
  XLSX_TYPES,
  makeDocx,
  makeXlsx,
  zipOf as zip,
} from "@/tests/support/ledger-helpers";

async function rejection(bytes: Uint8Array): Promise<string> {
  try {
    await detectEvidenceKind(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(FileRejectedError);
    return (error as Error).message;
  }
  throw new Error("accepted");
}

describe("file type by content", () => {
  it("accepts PDF, JPEG, PNG, DOCX and XLSX by their bytes", async () => {
    expect(await detectEvidenceKind(PDF_BYTES)).toBe("pdf");
    expect(await detectEvidenceKind(JPEG_BYTES)).toBe("jpeg");
    expect(await detectEvidenceKind(PNG_BYTES)).toBe("png");
    expect(await detectEvidenceKind(await makeDocx())).toBe("docx");
    expect(await detectEvidenceKind(await makeXlsx())).toBe("xlsx");
  });

  it("refuses an empty file and one byte over 20 MB", async () => {
    expect(await rejection(new Uint8Array(0))).toBe(FILE_MESSAGES.empty);
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    PDF_BYTES.copy(big);
    expect(await rejection(big)).toBe(FILE_MESSAGES.tooLarge);
    const exact = big.subarray(0, MAX_ATTACHMENT_BYTES);
    expect(await detectEvidenceKind(exact)).toBe("pdf");
  });

  it("refuses an .exe renamed .pdf, SVG with script, HTML and text: whatever the name says", async () => {
    expect(await rejection(EXE_BYTES)).toBe(FILE_MESSAGES.unsupported);
    expect(await rejection(SVG_BYTES)).toBe(FILE_MESSAGES.unsupported);
    expect(await rejection(HTML_BYTES)).toBe(FILE_MESSAGES.unsupported);
    expect(await rejection(Buffer.from(" %PDF-1.4 leading space"))).toBe(FILE_MESSAGES.unsupported);
    await expect(inspectUpload("签到表.pdf", EXE_BYTES)).rejects.toThrow(FILE_MESSAGES.unsupported);
  });

  it("refuses a polyglot that does not start with the right magic (a ZIP appended to a GIF)", async () => {
    const gif = Buffer.concat([Buffer.from("GIF89a"), await makeDocx()]);
    expect(await rejection(gif)).toBe(FILE_MESSAGES.unsupported);
  });

  it("refuses documents with macros: vbaProject.bin or macro-enabled content types", async () => {
    const withVba = await zip({ "[Content_Types].xml": DOCX_TYPES, "word/document.xml": "<w:document/>", "word/vbaProject.bin": Buffer.from([1, 2, 3]) });
    expect(await rejection(withVba)).toBe(FILE_MESSAGES.macro);
    const docm = await zip({ "[Content_Types].xml": DOCM_TYPES, "word/document.xml": "<w:document/>" });
    expect(await rejection(docm)).toBe(FILE_MESSAGES.macro);
    const xlsm = await zip({ "[Content_Types].xml": XLSX_TYPES.replace("officedocument.spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml"), "xl/workbook.xml": "<workbook/>" });
    expect(await rejection(xlsm)).toBe(FILE_MESSAGES.macro);
  });

  it("refuses ZIPs that are not Word/Excel documents, and broken ones", async () => {
    expect(await rejection(await zip({ "readme.txt": "hello" }))).toBe(FILE_MESSAGES.unsupported);
    expect(await rejection(await zip({ "[Content_Types].xml": DOCX_TYPES, "other.xml": "<x/>" }))).toBe(FILE_MESSAGES.unsupported);
    expect(await rejection(Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(100, 7)]))).toBe(FILE_MESSAGES.corrupt);
  });

  it("refuses a zip-bomb-like docx (a huge, highly compressed part)", async () => {
    const bomb = await zip({ "[Content_Types].xml": DOCX_TYPES, "word/document.xml": Buffer.alloc(30 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await rejection(bomb)).toBe(FILE_MESSAGES.bomb);
  });

  it("refuses a docx whose central directory claims gigabytes", async () => {
    const ok = await makeDocx();
    // Patch the uncompressed size (offset 24) of every central directory header to ~2 GB.
    for (let i = ok.length - 22; i >= 0; i--) {
      if (ok.readUInt32LE(i) === 0x02014b50) ok.writeUInt32LE(0x7ffffff0, i + 24);
    }
    expect(await rejection(ok)).toBe(FILE_MESSAGES.bomb);
  });

  it("stops decompressing [Content_Types].xml that expands past its cap", async () => {
    const huge = DOCX_TYPES + " ".repeat(2 * 1024 * 1024);
    // Stored uncompressed, so the ratio check passes and only the read cap can catch it.
    const bytes = await zip({ "[Content_Types].xml": huge, "word/document.xml": "<w:document/>" }, "STORE");
    expect(await rejection(bytes)).toBe(FILE_MESSAGES.bomb);
  });

  it("records the sha256 and the type decided by content", async () => {
    const inspected = await inspectUpload("签到表.pdf", PDF_BYTES);
    expect(inspected).toMatchObject({ kind: "pdf", mimeType: "application/pdf", fileName: "签到表.pdf", size: PDF_BYTES.length });
    expect(inspected.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("file names", () => {
  it.each([
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["..\\..\\windows\\system32\\签到表.pdf", "签到表.pdf"],
    ["C:\\Users\\张三\\照片.jpg", "照片.jpg"],
    ["签到\u0000表.pdf", "签到表.pdf"],
    ["会议纪要\r\nContent-Type: text_html.pdf", "会议纪要Content-Type_ text_html.pdf"],
    ["  .hidden.pdf", "hidden.pdf"],
    ["..", "附件"],
    ["", "附件"],
    ["evil\u202Efdp.exe", "evilfdp.exe"],
    ['a"b<c>d|e?f*.pdf', "a_b_c_d_e_f_.pdf"],
    ["2025年第一次专题学习签到表（扫描件）.PDF", "2025年第一次专题学习签到表（扫描件）.pdf"],
  ])("%j → %j", (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it("makes the extension match the detected type", () => {
    expect(sanitizeFileName("签到表.exe", "pdf")).toBe("签到表.exe.pdf");
    expect(sanitizeFileName("照片.jpeg", "jpeg")).toBe("照片.jpeg");
    expect(sanitizeFileName("照片", "png")).toBe("照片.png");
    expect(sanitizeFileName("", "pdf")).toBe("附件.pdf");
  });

  it("caps very long names and keeps the extension", () => {
    const name = sanitizeFileName(`${"很长".repeat(200)}.docx`, "docx");
    expect(Array.from(name).length).toBeLessThanOrEqual(120);
    expect(name.endsWith(".docx")).toBe(true);
  });

  it("builds Content-Disposition with an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("签到表.pdf")).toBe(`attachment; filename="download.pdf"; filename*=UTF-8''%E7%AD%BE%E5%88%B0%E8%A1%A8.pdf`);
    expect(contentDisposition("2025-03-12 签到表(1).pdf")).toBe(
      `attachment; filename="2025-03-12 ___(1).pdf"; filename*=UTF-8''2025-03-12%20%E7%AD%BE%E5%88%B0%E8%A1%A8%281%29.pdf`,
    );
    const header = contentDisposition('x"\r\nSet-Cookie: a=b.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('"').length).toBe(3);
  });
});
