import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlanText } from "../parse";
import { planDocxParagraphs, planDocxTable, planText, withOffices } from "../../../tests/support/plan-files";
import { convertWithSoffice } from "../../../tests/support/soffice";
import type { SourceTable } from "./document";
import { bodyToBlocks, DOC_ENCRYPTED_MESSAGE, DOC_INVALID_MESSAGE, DOC_IS_XLS_MESSAGE, readDoc } from "./doc";

const FIXTURE = readFileSync(path.resolve(__dirname, "../../../tests/fixtures/rule-of-law-plan-2025.txt"), "utf8");
const reference = parsePlanText(planText(withOffices(parsePlanText(FIXTURE))));

describe("bodyToBlocks (word-extractor's body text: cell marks as tabs)", () => {
  it("groups rows into a table, pads a section row merged across and keeps paragraphs around it", () => {
    const body = "任务分解表\n序号\t重点任务\t牵头单位\t\n一、强化法治思想引领\t\n1\t深入学习\t综合科\t\n\t\t研究室\t\n落款\n";
    expect(bodyToBlocks(body)).toEqual([
      { kind: "paragraph", text: "任务分解表" },
      { kind: "table", rows: [
        [{ text: "序号" }, { text: "重点任务" }, { text: "牵头单位" }],
        [{ text: "一、强化法治思想引领" }, { text: "", mergedFrom: "left" }, { text: "", mergedFrom: "left" }],
        [{ text: "1" }, { text: "深入学习" }, { text: "综合科" }],
        [{ text: "" }, { text: "" }, { text: "研究室" }],
      ] },
      { kind: "paragraph", text: "落款" },
    ]);
  });

  it("keeps a cell of several paragraphs in its row", () => {
    const body = "序号\t具体措施\t\n1\t制定学习计划。\n全年组织专题学习不少于4次。\t\n2\t培训\t\n";
    const [table] = bodyToBlocks(body) as SourceTable[];
    expect(table?.rows.map((row) => row.map((c) => c.text))).toEqual([["序号", "具体措施"], ["1", "制定学习计划。\n全年组织专题学习不少于4次。"], ["2", "培训"]]);
  });
});

/** Sets the FIB's fEncrypted flag of a real .doc: the WordDocument stream starts with 0xA5EC on a sector boundary. */
function withEncryptedFlag(doc: Uint8Array): Uint8Array {
  const out = Buffer.from(doc);
  for (let offset = 512; offset + 12 < out.length; offset += 512) {
    if (out.readUInt16LE(offset) === 0xa5ec) {
      out.writeUInt16LE(out.readUInt16LE(offset + 0x0a) | 0x0100, offset + 0x0a);
      return new Uint8Array(out);
    }
  }
  throw new Error("no FIB found");
}

const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("表").addRow(["序号", "工作任务"]);
  const [paragraphs, table, xls] = await Promise.all([
    convertWithSoffice(await planDocxParagraphs(reference), "docx", "doc"),
    convertWithSoffice(await planDocxTable(reference), "docx", "doc"),
    convertWithSoffice(new Uint8Array(await workbook.xlsx.writeBuffer()), "xlsx", "xls"),
  ]);
  Object.assign(files, { paragraphs, table, xls });
}, 120_000);

describe("readDoc", () => {
  it("reads a Word 97 plan's paragraphs (not its header and footer) into the same plan", async () => {
    const doc = await readDoc(files.paragraphs as Uint8Array, "doc");
    expect(doc.format).toBe("doc");
    const texts = doc.blocks.map((b) => (b.kind === "paragraph" ? b.text : "TABLE"));
    expect(texts).not.toContain("市政协办公室文件");
    expect(texts.some((t) => /^-\s*\d+\s*-$/.test(t))).toBe(false);
    const plan = parsePlanText(texts.join("\n"));
    expect(plan.sections.flatMap((s) => s.points).map((p) => [p.number, p.title, p.leadOffice, p.deadline])).toEqual(
      reference.sections.flatMap((s) => s.points).map((p) => [p.number, p.title, p.leadOffice, p.deadline]),
    );
    // Typographic quotes survive (word-extractor's default filter would turn “” into ").
    expect(texts.join("")).toContain("“三会一课”");
  });

  it("reads the task table with its merged section rows, as .doc and as .wps", async () => {
    for (const format of ["doc", "wps"] as const) {
      const doc = await readDoc(files.table as Uint8Array, format);
      const [title, table] = doc.blocks;
      expect(title).toEqual({ kind: "paragraph", text: "市政协办公室2025年机关法治建设工作要点任务分解表" });
      const rows = (table as SourceTable).rows;
      expect(rows[0]?.map((c) => c.text)).toEqual(["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]);
      expect(rows[1]?.map((c) => c.mergedFrom ?? c.text)).toEqual(["一、强化法治思想引领", "left", "left", "left", "left", "left"]);
      expect(rows[3]?.map((c) => c.text)).toEqual(["", "", "全年组织专题学习不少于4次，确保学习全覆盖、无死角。", "", "", ""]);
    }
  });

  it.each([
    ["an encrypted .doc", () => withEncryptedFlag(files.paragraphs as Uint8Array), DOC_ENCRYPTED_MESSAGE],
    ["an .xls renamed .doc", () => files.xls as Uint8Array, DOC_IS_XLS_MESSAGE],
    ["OLE magic followed by garbage", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from("WordDocument", "utf16le"), ...new Uint8Array(600)]), DOC_INVALID_MESSAGE],
    ["a text file", () => new Uint8Array(Buffer.from(FIXTURE)), DOC_INVALID_MESSAGE],
  ])("refuses %s", async (_name, bytes, message) => {
    await expect(readDoc(bytes(), "doc")).rejects.toThrow(message);
  });
});
