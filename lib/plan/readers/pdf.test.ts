import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlanText } from "../parse";
import { planDocxParagraphs, planDocxTable, planText, withOffices } from "../../../tests/support/plan-files";
import { convertWithSoffice } from "../../../tests/support/soffice";
import type { SourceBlock, SourceTable } from "./document";
import { PDF_INVALID_MESSAGE, PDF_PASSWORD_MESSAGE, PDF_SCANNED_MESSAGE, pdfTooManyPagesMessage, readPdf } from "./pdf";
import { buildTable, layoutPage, rectToSegments, type Segment, type TextItem } from "./pdf-geometry";

const FIXTURE = readFileSync(path.resolve(__dirname, "../../../tests/fixtures/rule-of-law-plan-2025.txt"), "utf8");
const reference = parsePlanText(planText(withOffices(parsePlanText(FIXTURE))));

const h = (at: number, from: number, to: number): Segment => ({ dir: "h", at, from, to });
const v = (at: number, from: number, to: number): Segment => ({ dir: "v", at, from, to });
const item = (str: string, x: number, y: number): TextItem => ({ str, x, y, width: str.length * 10, size: 10 });

describe("pdf geometry", () => {
  // Three columns (x 0/50/150/250), three rows (y 100/80/60/40). Row 1 spans all columns (no inner
  // vertical rules there); the first column of rows 2–3 is one merged cell (no rule at y 60 for x 0–50).
  const rules: Segment[] = [
    h(100, 0, 250), h(80, 0, 250), h(60, 50, 250), h(40, 0, 250),
    v(0, 40, 100), v(250, 40, 100), v(50, 40, 80), v(150, 40, 80),
  ];

  it("rebuilds the grid with horizontal and vertical merges", () => {
    const items = [item("一、强化法治思想引领", 5, 88), item("1", 20, 62), item("制定计划。", 55, 68), item("全年学习", 55, 48), item("不少于4次。", 95, 48), item("综合科", 160, 68)];
    const built = buildTable(rules, items);
    expect(built?.table.rows).toEqual([
      [{ text: "一、强化法治思想引领" }, { text: "", mergedFrom: "left" }, { text: "", mergedFrom: "left" }],
      [{ text: "1" }, { text: "制定计划。" }, { text: "综合科" }],
      [{ text: "", mergedFrom: "above" }, { text: "全年学习不少于4次。" }, { text: "" }],
    ]);
  });

  it("joins a cell's wrapped lines, keeping a break only after a finished sentence", () => {
    const cell: Segment[] = [h(100, 0, 200), h(0, 0, 200), v(0, 0, 100), v(100, 0, 100), v(200, 0, 100)];
    const built = buildTable(cell, [item("把学习作为首要", 5, 80), item("政治任务。", 5, 65), item("全年学习", 5, 50), item("4次", 5, 35)]);
    expect(built?.table.rows[0]?.[0]?.text).toBe("把学习作为首要政治任务。\n全年学习4次");
  });

  it("reads thin filled rectangles as rules", () => {
    expect(rectToSegments(10, 99.5, 200, 0.5)).toEqual([{ dir: "h", at: 99.75, from: 10, to: 210 }]);
    expect(rectToSegments(10, 0, 0.5, 100)).toEqual([{ dir: "v", at: 10.25, from: 0, to: 100 }]);
  });

  it("orders text above, the table, and text below", () => {
    const blocks = layoutPage([item("标题", 0, 120), item("一、强化法治思想引领", 5, 88), item("落款", 0, 20)], rules, 3);
    expect(blocks.map((b) => (b.kind === "paragraph" ? b.text : `table@${b.page}`))).toEqual(["标题", "table@3", "落款"]);
  });
});

const files: Record<string, Uint8Array> = {};

/** A one-page PDF whose only content is an image: what a scanner produces. */
function scannedPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
  ];
  const content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${body}\nendobj\n`; });
  offsets.push(out.length);
  out += `4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
  offsets.push(out.length);
  out += "5 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream\nendobj\n";
  const xref = out.length;
  out += `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

beforeAll(async () => {
  const loneMarker = new Document({ sections: [{ children: ["市政协办公室2025年机关法治建设工作要点", "一、强化法治思想引领", "1.", "深入学习习近平法治思想。全年组织专题学习不少于4次。"].map((t) => new Paragraph(t)) }] });
  const [paragraphs, table, lone] = await Promise.all([
    convertWithSoffice(await planDocxParagraphs(reference), "docx", "pdf"),
    convertWithSoffice(await planDocxTable(reference), "docx", "pdf"),
    convertWithSoffice(new Uint8Array(await Packer.toBuffer(loneMarker)), "docx", "pdf"),
  ]);
  Object.assign(files, { paragraphs, table, lone });
  const dir = mkdtempSync(path.join(tmpdir(), "pdf-test-"));
  writeFileSync(path.join(dir, "in.pdf"), paragraphs);
  execFileSync("qpdf", ["--encrypt", "user-pw", "owner-pw", "256", "--", path.join(dir, "in.pdf"), path.join(dir, "locked.pdf")]);
  files.locked = new Uint8Array(readFileSync(path.join(dir, "locked.pdf")));
}, 120_000);

const paragraphTexts = (blocks: SourceBlock[]) => blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

describe("readPdf", () => {
  it("reads a released plan's lines without page numbers or running headers, and the parser rebuilds the plan", async () => {
    const doc = await readPdf(files.paragraphs as Uint8Array);
    const texts = paragraphTexts(doc.blocks);
    expect(doc.pages?.length).toBeGreaterThanOrEqual(4);
    expect(doc.pages?.[0]).toContain("— 1 —");
    expect(texts.some((t) => /—\s*\d+\s*—/.test(t) || t.includes("市政协办公室文件"))).toBe(false);
    const plan = parsePlanText(texts.join("\n"));
    expect(plan.sections.map((s) => s.points.length)).toEqual([4, 4, 4]);
    expect(plan.sections.flatMap((s) => s.points).map((p) => [p.leadOffice, p.deadline])).toEqual(reference.sections.flatMap((s) => s.points).map((p) => [p.leadOffice, p.deadline]));
  });

  it("rebuilds the task table's grid on every page, with its merges", async () => {
    const doc = await readPdf(files.table as Uint8Array);
    const tables = doc.blocks.filter((b): b is SourceTable => b.kind === "table");
    expect(tables.length).toBe(doc.pages?.length);
    const first = tables[0]!;
    expect(first.rows[0]?.map((c) => c.text)).toEqual(["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]);
    expect(first.rows[1]).toEqual([{ text: "一、强化法治思想引领" }, ...Array.from({ length: 5 }, () => ({ text: "", mergedFrom: "left" }))]);
    expect(first.rows[2]?.map((c) => c.text)).toEqual(["1", "深入学习习近平法治思想", expect.stringMatching(/^把学习习近平法治思想作为首要政治任务.*行动自觉。$/), "综合科", "研究室", "6 月底前"]);
    expect(first.rows[3]?.map((c) => c.mergedFrom ?? c.text)).toEqual(["above", "above", "全年组织专题学习不少于 4 次，确保学习全覆盖、无死角。", "above", "above", "above"]);
    // The header is repeated on the next page; a row split by the page break starts it with an empty 序号.
    expect(tables[1]?.rows[0]?.map((c) => c.text)).toEqual(first.rows[0]?.map((c) => c.text));
  });

  it("joins a number printed on a line of its own with the text after it", async () => {
    const doc = await readPdf(files.lone as Uint8Array);
    // PDF text carries spaces between CJK and digits ("不少于 4 次"); the parser's normaliser removes them.
    expect(paragraphTexts(doc.blocks).map((t) => t.replace(/\s/g, ""))).toEqual(["市政协办公室2025年机关法治建设工作要点", "一、强化法治思想引领", "1.深入学习习近平法治思想。全年组织专题学习不少于4次。"]);
  });

  it.each([
    ["a password-protected PDF", () => files.locked as Uint8Array, PDF_PASSWORD_MESSAGE],
    ["a scan without a text layer", scannedPdf, PDF_SCANNED_MESSAGE],
    ["garbage", () => new Uint8Array(Buffer.from("%PDF-1.7\n这不是 PDF")), PDF_INVALID_MESSAGE],
    ["a truncated PDF", () => (files.table as Uint8Array).subarray(0, 2000), PDF_INVALID_MESSAGE],
  ])("refuses %s", async (_name, bytes, message) => {
    await expect(readPdf(bytes())).rejects.toThrow(message);
  });

  it("refuses more pages than allowed before reading them", async () => {
    await expect(readPdf(files.table as Uint8Array, { maxPages: 2 })).rejects.toThrow(pdfTooManyPagesMessage(2));
  });
});

describe("a task table printed without rules", () => {
  const at = (str: string, x: number, y: number): TextItem => ({ str, x, y, width: str.length * 10, size: 10 });
  it("takes columns from where the body text starts, rows from the 序号 column", async () => {
    const { findUnruledTable } = await import("./pdf-columns");
    const items = [
      at("序号", 0, 200), at("重点任务", 40, 200), at("具体措施", 160, 200), at("牵头单位", 320, 200),
      at("一、强化法治思想引领", 0, 185),
      at("1", 5, 170), at("深入学习习近平", 30, 170), at("制定学习计划，全年", 140, 170), at("综合科", 310, 170),
      at("法治思想", 30, 158), at("组织学习不少于4次。", 140, 158),
      at("2", 5, 146), at("依法协商", 30, 146), at("完善规则。", 140, 146), at("研究室", 310, 146),
    ];
    const found = findUnruledTable(items);
    expect(found?.table.rows.map((row) => row.map((c) => c.mergedFrom ?? c.text))).toEqual([
      ["序号", "重点任务", "具体措施", "牵头单位"],
      ["一、强化法治思想引领", "left", "left", "left"],
      ["1", "深入学习习近平法治思想", "制定学习计划，全年组织学习不少于4次。", "综合科"],
      ["2", "依法协商", "完善规则。", "研究室"],
    ]);
  });
});
