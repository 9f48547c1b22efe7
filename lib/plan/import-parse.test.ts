import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import {
  EMPTY_MESSAGE, EMPTY_TEXT_MESSAGE, ENCRYPTED_OFFICE_MESSAGE, NO_STRUCTURE_MESSAGE, NOT_TEXT_MESSAGE, parseImportFile,
  parseImportText, readLimited, TOO_LARGE_MESSAGE, UNSUPPORTED_TYPE_MESSAGE, XLS_MESSAGE, ET_MESSAGE,
} from "./import-parse";
import { preUploadProblem } from "./import-limits";
import { INVALID_DOCX_MESSAGE, MACRO_DOCX_MESSAGE } from "./docx";

const FIXTURE = fs.readFileSync(path.resolve(__dirname, "../../tests/fixtures/rule-of-law-plan-2025.txt"));

const points = (plan: { sections: { points: unknown[] }[] }) => plan.sections.reduce((n, s) => n + s.points.length, 0);

function stream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** The shape of a password-protected .docx/.xlsx: an OLE compound file with an EncryptedPackage stream. */
function encryptedOoxml(): Uint8Array {
  const name = Buffer.from("EncryptedPackage", "utf16le");
  return new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), name, Buffer.alloc(64)]));
}

describe("parseImportFile", () => {
  it("reads the fixture as a UTF-8 .txt", async () => {
    const { plan, info } = await parseImportFile("要点.txt", FIXTURE);
    expect(info).toMatchObject({ format: "txt", mode: "text", needsMapping: false });
    expect(points(plan)).toBe(12);
    expect(plan.year).toBe(2025);
  });

  it("reads a real .docx", async () => {
    const lines = FIXTURE.toString("utf8").split("\n");
    const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
    const { plan } = await parseImportFile("要点.docx", new Uint8Array(await Packer.toBuffer(doc)));
    expect(plan.sections).toHaveLength(3);
    expect(points(plan)).toBe(12);
  });

  it.each<[string, string, Uint8Array, string]>([
    ["an empty file", "a.txt", new Uint8Array(0), EMPTY_MESSAGE],
    ["an empty .docx", "a.docx", new Uint8Array(0), EMPTY_MESSAGE],
    ["a whitespace-only text", "a.txt", new TextEncoder().encode("  \n \n"), EMPTY_MESSAGE],
    ["a text file renamed .docx", "a.docx", FIXTURE, INVALID_DOCX_MESSAGE],
    ["a password-protected .docx", "a.docx", encryptedOoxml(), ENCRYPTED_OFFICE_MESSAGE],
    ["a password-protected .xlsx", "a.xlsx", encryptedOoxml(), ENCRYPTED_OFFICE_MESSAGE],
    ["an .xls", "a.xls", FIXTURE, XLS_MESSAGE],
    ["a WPS spreadsheet", "a.et", FIXTURE, ET_MESSAGE],
    ["an image", "a.png", FIXTURE, UNSUPPORTED_TYPE_MESSAGE],
    ["a binary file renamed .txt", "a.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), NOT_TEXT_MESSAGE],
    ["a zip renamed .txt", "a.txt", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), NOT_TEXT_MESSAGE],
    ["text without structure", "a.txt", new TextEncoder().encode("今年要认真学习。全年开展活动不少于3次。"), NO_STRUCTURE_MESSAGE],
  ])("refuses %s with a clear message", async (_name, fileName, bytes, message) => {
    await expect(parseImportFile(fileName, bytes)).rejects.toThrow(message);
  });

  it("refuses a macro-enabled document", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    zip.file("word/vbaProject.bin", "x");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(parseImportFile("a.docx", bytes)).rejects.toThrow(MACRO_DOCX_MESSAGE);
  });

  it("refuses an oversized buffer", async () => {
    await expect(parseImportFile("a.txt", new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41))).rejects.toThrow(TOO_LARGE_MESSAGE);
  });
});

describe("parseImportText", () => {
  it("refuses empty pasted text", () => {
    expect(() => parseImportText("   ")).toThrow(EMPTY_TEXT_MESSAGE);
  });
});

describe("readLimited", () => {
  it("joins chunks under the limit", async () => {
    const bytes = await readLimited(stream([new Uint8Array([1, 2]), new Uint8Array([3])]), 3);
    expect([...bytes]).toEqual([1, 2, 3]);
  });

  it("stops reading once the limit is passed", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024));
        if (pulled > 100) controller.close();
      },
    });
    await expect(readLimited(body, 5 * 1024 * 1024)).rejects.toThrow(TOO_LARGE_MESSAGE);
    expect(pulled).toBeLessThan(10);
  });
});

describe("preUploadProblem (browser check before uploading)", () => {
  it.each<[string, number, string | null]>([
    ["要点.docx", 50 * 1024 * 1024, TOO_LARGE_MESSAGE],
    ["要点.txt", 0, EMPTY_MESSAGE],
    ["要点.xls", 100, XLS_MESSAGE],
    ["要点.jpg", 100, UNSUPPORTED_TYPE_MESSAGE],
    ["要点.DOCX", 100, null],
    ["要点.doc", 100, null],
    ["要点.wps", 100, null],
    ["要点.xlsx", 100, null],
    ["要点.pdf", 100, null],
  ])("%s of %i bytes", (name, size, message) => {
    const problem = preUploadProblem({ name, size });
    if (message === null) expect(problem).toBeNull();
    else expect(problem).toContain(message);
  });
});
