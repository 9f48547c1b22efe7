/**
 * Test-only helpers for the ledger tests (vitest): evidence files generated in code and the demo
 * users as LedgerUser. Not imported by application code.
 */
import JSZip from "jszip";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";
import type { LedgerUser } from "@/lib/ledger/access";

export const PDF_BYTES = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
export const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const EXE_BYTES = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(200, 0), Buffer.from("This program cannot be run in DOS mode.")]);
export const SVG_BYTES = Buffer.from(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>`);
export const HTML_BYTES = Buffer.from("<!doctype html><html><body><script>alert(1)</script>%PDF-1.4</body></html>");

export const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
export const DOCM_TYPES = DOCX_TYPES.replace("officedocument.wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml");
export const XLSX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;

export async function zipOf(files: Record<string, string | Buffer>, compression: "STORE" | "DEFLATE" = "DEFLATE"): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: "nodebuffer", compression });
}

export const makeDocx = () => zipOf({ "[Content_Types].xml": DOCX_TYPES, "word/document.xml": "<w:document/>" });
export const makeXlsx = () => zipOf({ "[Content_Types].xml": XLSX_TYPES, "xl/workbook.xml": "<workbook/>" });
export const makeDocxWithMacros = () =>
  zipOf({ "[Content_Types].xml": DOCX_TYPES, "word/document.xml": "<w:document/>", "word/vbaProject.bin": Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) });
export const makeZipBombDocx = () => zipOf({ "[Content_Types].xml": DOCX_TYPES, "word/document.xml": Buffer.alloc(30 * 1024 * 1024, 0x20) });

/** An ArrayBuffer-backed copy, as the upload route hands to addAttachment. */
export function bytesOf(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer);
}

export async function ledgerUser(db: Db, username: string): Promise<LedgerUser> {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return { id: u.id, username: u.username, role: u.role as Role, officeId: u.officeId };
}

export async function pointOf(db: Db, year: number, number: number) {
  return db.workPoint.findFirstOrThrow({
    where: { plan: { year }, number },
    include: { targets: true, supportOffices: true },
  });
}

export async function officeId(db: Db, name: string): Promise<number> {
  return (await db.office.findUniqueOrThrow({ where: { name } })).id;
}
