import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { AlignmentType, DeletedTextRun, Document, Footer, FootnoteReferenceRun, Header, InsertedTextRun, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { matchHeading } from "../headings";
import { parsePlanText, type ParsedPlan } from "../parse";
import { convertWithSoffice, sofficePath } from "../../../tests/support/soffice";
import { cell, type SourceTable } from "./document";
import { DOC_AUTO_NUMBERING_WARNING, DOC_ENCRYPTED_MESSAGE, DOC_INVALID_MESSAGE, DOC_IS_XLS_MESSAGE, DOC_LIMITS, DOC_TOO_COMPLEX_MESSAGE, rawBodyToBlocks, readDoc } from "./doc";

const FIXTURE = readFileSync(path.resolve(__dirname, "../../../tests/fixtures/rule-of-law-plan-2025.txt"), "utf8");
const HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"];

/** The fixture's hard-wrapped lines as whole paragraphs: a line that starts no heading continues the one before. */
function fixtureParagraphs(): string[] {
  const [title = "", ...lines] = FIXTURE.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const paragraphs = [title];
  for (const line of lines) {
    if (paragraphs.length === 1 || matchHeading(line)) paragraphs.push(line);
    else paragraphs[paragraphs.length - 1] += line;
  }
  return paragraphs;
}

/** The plan as Word paragraphs, with a running header, a page-number footer and a footnote on the title. */
async function planDocx(paragraphs: string[]): Promise<Uint8Array> {
  const [title = "", ...body] = paragraphs;
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph("本要点由办公室起草")] } },
    sections: [{
      headers: { default: new Header({ children: [new Paragraph("市政协办公室文件")] }) },
      footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })] })] }) },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(title), new FootnoteReferenceRun(1)] }),
        ...body.map((text) => new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun(text)] })),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const cellOf = (text: string, span: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ ...span, children: text.split("\n").map((line) => new Paragraph(line)) });

/** A row of 40 shaded cells: its table properties are too big for a page of paragraph properties (sprmPHugePapx). */
const wideRow = (prefix: string) =>
  new TableRow({ children: Array.from({ length: 40 }, (_, i) => new TableCell({ shading: { fill: "EEEEEE" }, children: [new Paragraph(`${prefix}${i + 1}`)] })) });

/** A 任务分解表 between two paragraphs (sections merged across, 序号/重点任务 merged down over two rows), then a wide table. */
async function tableDocx(): Promise<Uint8Array> {
  const rows = [
    new TableRow({ tableHeader: true, children: HEADER.map((text) => cellOf(text)) }),
    new TableRow({ children: [cellOf("一、强化法治思想引领", { columnSpan: 6 })] }),
    new TableRow({ children: [cellOf("1", { rowSpan: 2 }), cellOf("深入学习习近平法治思想", { rowSpan: 2 }), cellOf("制定学习计划，全年组织专题学习不少于4次。"), cellOf("综合科"), cellOf("研究室"), cellOf("6月底前")] }),
    new TableRow({ children: [cellOf("举办专题培训班不少于1期。"), cellOf("人事科"), cellOf(""), cellOf("年底前")] }),
    new TableRow({ children: [cellOf("2"), cellOf("推动法治思想与政协履职融合"), cellOf("建立融合工作机制。\n明确工作流程和责任分工。"), cellOf("提案委"), cellOf("综合科、研究室"), cellOf("第三季度")] }),
    new TableRow({ children: [cellOf("二、完善法治建设制度体系\n（牵头：研究室）", { columnSpan: 6 })] }),
    new TableRow({ children: [cellOf("3"), cellOf("健全政协履职工作制度"), cellOf("修订完善协商议政等制度。"), cellOf("研究室"), cellOf(""), cellOf("10月底前")] }),
  ];
  const doc = new Document({
    sections: [{ children: [new Paragraph("附件：重点任务分解表"), new Table({ rows }), new Paragraph("（本表由综合科负责解释）"), new Table({ rows: [wideRow("甲"), wideRow("乙")] })] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A typed "1." paragraph, two paragraphs numbered automatically by Word ("%1."), a tracked deletion. */
async function numberedDocx(): Promise<Uint8Array> {
  const revision = { author: "综合科", date: "2025-03-01T00:00:00Z" };
  const doc = new Document({
    features: { trackRevisions: true },
    numbering: { config: [{ reference: "points", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }] }] },
    sections: [{ children: [
      new Paragraph("1.深入学习习近平法治思想。"),
      new Paragraph({ text: "健全政协履职工作制度。", numbering: { reference: "points", level: 0 } }),
      new Paragraph({ text: "规范机关内部管理制度。", numbering: { reference: "points", level: 0 } }),
      new Paragraph({ children: [new TextRun("全年组织专题学习"), new DeletedTextRun({ text: "3", id: 1, ...revision }), new InsertedTextRun({ text: "4", id: 2, ...revision }), new TextRun("次。")] }),
    ] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const execFileAsync = promisify(execFile);
const SAVE_WITH_PASSWORD_MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(source As String, target As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden" : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName" : store(0).Value = "MS Word 97"
  store(1).Name = "Password" : store(1).Value = "fazhi2025"
  doc.storeToURL(ConvertToURL(target), store())
  doc.close(True)
End Sub
</script:module>`;

/** A really encrypted .doc: LibreOffice saves with a password from a Basic macro in a private profile. */
async function passwordProtectedDoc(docx: Uint8Array): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), "doc-password-"));
  try {
    const soffice = (...args: string[]) =>
      execFileAsync(sofficePath(), ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "profile")}`, ...args], { timeout: 120_000 });
    await soffice("--terminate_after_init");
    writeFileSync(path.join(dir, "profile/user/basic/Standard/Module1.xba"), SAVE_WITH_PASSWORD_MACRO);
    const [source, target] = [path.join(dir, "plan.docx"), path.join(dir, "locked.doc")];
    writeFileSync(source, docx);
    await soffice(`macro:///Standard.Module1.SaveWithPassword("${source}","${target}")`);
    return new Uint8Array(readFileSync(target));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A real .doc whose directory sector chain loops (A → B → A): word-extractor would follow it forever. */
function withCyclicDirectoryChain(doc: Uint8Array): Uint8Array {
  const out = Buffer.from(doc);
  const directory = out.readInt32LE(48);
  const fat = (out.readInt32LE(76) + 1) * 512;
  const other = directory === 1 ? 2 : 1;
  out.writeInt32LE(other, fat + directory * 4);
  out.writeInt32LE(directory, fat + other * 4);
  return new Uint8Array(out);
}

/** A real .doc whose header claims 1 GiB sectors. */
function withHugeSectors(doc: Uint8Array): Uint8Array {
  const out = Buffer.from(doc);
  out.writeUInt16LE(30, 30);
  return new Uint8Array(out);
}

const paragraphs = fixtureParagraphs();
const files: Record<"plan" | "table" | "numbered" | "xls" | "locked", Uint8Array> = {} as never;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("任务").addRows([HEADER, ["1", "深入学习习近平法治思想", "制定学习计划", "综合科", "研究室", "6月底前"]]);
  const planSource = await planDocx(paragraphs);
  const [plan, table, numbered, xls, locked] = await Promise.all([
    convertWithSoffice(planSource, "docx", "doc"),
    convertWithSoffice(await tableDocx(), "docx", "doc"),
    convertWithSoffice(await numberedDocx(), "docx", "doc"),
    convertWithSoffice(new Uint8Array(await workbook.xlsx.writeBuffer()), "xlsx", "xls"),
    passwordProtectedDoc(planSource),
  ]);
  Object.assign(files, { plan, table, numbered, xls, locked });
}, 180_000);

const pointsOf = (plan: ParsedPlan) =>
  plan.sections.flatMap((section) => section.points.map((point) => ({
    section: section.title,
    number: point.number,
    title: point.title,
    targets: point.targets.map(({ subject, comparator, value, unit, kind }) => ({ subject, comparator, value, unit, kind })),
  })));

describe("readDoc on Word 97 files written by LibreOffice", () => {
  it("reads the plan's paragraphs, without header, footer and footnote, into the same plan as the text", async () => {
    const doc = await readDoc(files.plan, "doc");
    expect(doc.format).toBe("doc");
    expect(doc.warnings).toEqual([]);
    const texts = doc.blocks.map((block) => (block.kind === "paragraph" ? block.text : "TABLE"));
    expect(texts).toEqual(paragraphs);
    expect(texts.join("\n")).not.toMatch(/市政协办公室文件|本要点由办公室起草|—/);
    expect(texts[0]).toBe("市政协办公室 2025 年机关法治建设工作要点");
    const plan = parsePlanText(texts.join("\n"));
    const direct = parsePlanText(FIXTURE);
    expect(plan.sections.map((section) => section.title)).toEqual(["强化法治思想引领", "完善法治建设制度体系", "推进依法履职尽责"]);
    expect(pointsOf(plan)).toHaveLength(12);
    expect(pointsOf(plan)).toEqual(pointsOf(direct));
    expect(pointsOf(plan)[0]?.targets).toEqual([{ subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT" }]);
  });

  it("rebuilds the task table (merged section rows, rows merged down, cells of two paragraphs) between its paragraphs, and a wide table, as .doc and .wps", async () => {
    const left = cell("", "left");
    const expected: SourceTable = {
      kind: "table",
      headerRows: [0],
      rows: [
        HEADER.map((text) => cell(text)),
        [cell("一、强化法治思想引领"), left, left, left, left, left],
        ["1", "深入学习习近平法治思想", "制定学习计划，全年组织专题学习不少于4次。", "综合科", "研究室", "6月底前"].map((text) => cell(text)),
        ["", "", "举办专题培训班不少于1期。", "人事科", "", "年底前"].map((text) => cell(text)),
        ["2", "推动法治思想与政协履职融合", "建立融合工作机制。\n明确工作流程和责任分工。", "提案委", "综合科、研究室", "第三季度"].map((text) => cell(text)),
        [cell("二、完善法治建设制度体系\n（牵头：研究室）"), left, left, left, left, left],
        ["3", "健全政协履职工作制度", "修订完善协商议政等制度。", "研究室", "", "10月底前"].map((text) => cell(text)),
      ],
    };
    const wide = { kind: "table", rows: ["甲", "乙"].map((prefix) => Array.from({ length: 40 }, (_, i) => cell(`${prefix}${i + 1}`))) };
    const blocks = [{ kind: "paragraph", text: "附件：重点任务分解表" }, expected, { kind: "paragraph", text: "（本表由综合科负责解释）" }, wide];
    expect(await readDoc(files.table, "doc")).toEqual({ format: "doc", blocks, warnings: [] });
    // A .wps of current WPS Office is the same Word binary format.
    expect(await readDoc(files.table, "wps")).toEqual({ format: "wps", blocks, warnings: [] });
  });

  it("keeps typed numbers, loses Word's automatic list numbers and says so; drops tracked deletions", async () => {
    const doc = await readDoc(files.numbered, "doc");
    expect(doc.blocks).toEqual([
      { kind: "paragraph", text: "1.深入学习习近平法治思想。" },
      { kind: "paragraph", text: "健全政协履职工作制度。" },
      { kind: "paragraph", text: "规范机关内部管理制度。" },
      { kind: "paragraph", text: "全年组织专题学习4次。" },
    ]);
    expect(doc.warnings).toEqual([DOC_AUTO_NUMBERING_WARNING]);
  });
});

describe("readDoc refusals", () => {
  const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
  garbage.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  it.each([
    ["a password-protected .doc", () => files.locked, DOC_ENCRYPTED_MESSAGE],
    ["an Excel 97 .xls", () => files.xls, DOC_IS_XLS_MESSAGE],
    ["the compound-file signature followed by garbage", () => garbage, DOC_INVALID_MESSAGE],
    ["a text file", () => new Uint8Array(Buffer.from(FIXTURE)), DOC_INVALID_MESSAGE],
    ["a .doc cut short", () => files.plan.subarray(0, 3000), DOC_INVALID_MESSAGE],
  ])("refuses %s", async (_name, bytes, message) => {
    await expect(readDoc(bytes(), "doc")).rejects.toThrow(message);
    await expect(readDoc(bytes(), "doc")).rejects.toMatchObject({ name: "ReaderError" });
  });

  it.each([
    ["a sector chain that loops (the reader runs out of its memory)", () => withCyclicDirectoryChain(files.numbered), DOC_TOO_COMPLEX_MESSAGE],
    ["a header claiming 1 GiB sectors (over the allocation cap)", () => withHugeSectors(files.numbered), DOC_INVALID_MESSAGE],
  ])("refuses %s within the time limit, without harm to this process", async (_name, bytes, message) => {
    const started = Date.now();
    await expect(readDoc(bytes(), "doc")).rejects.toThrow(message);
    expect(Date.now() - started).toBeLessThan(DOC_LIMITS.timeoutMs + 2000);
    // The reader still works afterwards.
    expect((await readDoc(files.numbered, "doc")).blocks).toHaveLength(4);
  }, 60_000);

  it("stops a reader that runs past its time limit", async () => {
    await expect(readDoc(files.plan, "doc", { timeoutMs: 1 })).rejects.toThrow(DOC_TOO_COMPLEX_MESSAGE);
  });
});

describe("rawBodyToBlocks (the text stream with its marks)", () => {
  /** "¶" stands for a cell mark that ends a row ("‖" for a header row's). */
  function marked(text: string) {
    const at = (mark: RegExp) => new Set([...text.matchAll(mark)].map((m) => m.index));
    return { raw: text.replace(/[¶‖]/g, "\x07"), rowEnds: at(/[¶‖]/g), headerRowEnds: at(/‖/g) };
  }

  it("keeps field results, drops field codes, footnote marks, deleted text and pictures", () => {
    const raw = "标题\x02\r\x13 HYPERLINK \"https://zx.example\" \x14政协网站\x15发布\x01。\x00\x00\r\x13 PAGE \x142\x15 页\x0b续行\r\u3000\u3000\r";
    expect(rawBodyToBlocks(raw)).toEqual([
      { kind: "paragraph", text: "标题" },
      { kind: "paragraph", text: "政协网站发布。" },
      { kind: "paragraph", text: "2 页\n续行" },
    ]);
  });

  it("splits cells at cell marks and rows at row ends, pads short rows, keeps a first cell of two paragraphs when marked in-table", () => {
    const { raw, rowEnds, headerRowEnds } = marked("前文\r序\r号\x07任务\x07‖一、强化\x07¶\x07研究室\x07¶后文\r");
    const table = (first: string) => ({
      kind: "table",
      headerRows: [0],
      rows: [[cell(first), cell("任务")], [cell("一、强化"), cell("", "left")], [cell(""), cell("研究室")]],
    });
    expect(rawBodyToBlocks(raw, { inTable: new Set([raw.indexOf("序") + 1]), rowEnds, headerRowEnds })).toEqual([
      { kind: "paragraph", text: "前文" }, table("序\n号"), { kind: "paragraph", text: "后文" },
    ]);
    // Without the in-table mark the first paragraph of the first cell reads as body text.
    expect(rawBodyToBlocks(raw, { rowEnds, headerRowEnds })).toEqual([
      { kind: "paragraph", text: "前文" }, { kind: "paragraph", text: "序" }, table("号"), { kind: "paragraph", text: "后文" },
    ]);
  });
});
