import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { XLS_MESSAGE } from "../import-limits";
import { cell, ReaderError, type SourceDocument, type SourceTable } from "./document";
import {
  EMPTY_XLSX_MESSAGE, emptySheetMessage, ENCRYPTED_XLSX_MESSAGE, hiddenSheetWarning, INVALID_XLSX_MESSAGE, MACRO_XLSX_MESSAGE, multipleTablesWarning,
  OVERSIZED_XLSX_MESSAGE, readXlsx, TOO_MANY_CELLS_MESSAGE, TOO_MANY_COLUMNS_MESSAGE, TOO_MANY_ROWS_MESSAGE, unknownSheetMessage,
} from "./xlsx";

const TITLE = "XX市政协办公室2025年法治建设工作要点任务分解表";
const HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"];

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The main task sheet: title and 附件 rows, header, merged section rows and a point merged down over 3 measures. */
function addTaskSheet(workbook: ExcelJS.Workbook, name: string): void {
  const ws = workbook.addWorksheet(name);
  ws.getCell("A1").value = TITLE;
  ws.mergeCells("A1:F1");
  ws.getCell("A2").value = "附件1";
  ws.getRow(4).values = HEADER;
  ws.getCell("A5").value = "一、强化法治思想引领";
  ws.mergeCells("A5:F5");
  ws.getRow(6).values = [1, "深入学习贯彻习近平法治思想", "党组理论学习中心组专题学习不少于2次", "办公室", "研究室", new Date(Date.UTC(2025, 5, 30))];
  ws.getRow(7).values = [null, null, "  开展法治讲座\r\n全年不少于4次  ", "人事科", null, "6月底前"];
  ws.getRow(8).values = [null, null, "组织旁听庭审", "办公室", "机关党委", "年底前"];
  ws.mergeCells("A6:A8");
  ws.mergeCells("B6:B8");
  // Row 9 stays empty but styled; column G is styled only: both are dropped.
  ws.getCell("C9").border = { top: { style: "thin" } };
  ws.getCell("G6").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("A10").value = "二、推进依法履职";
  ws.mergeCells("A10:F10");
  ws.getRow(11).values = [2, { richText: [{ text: "完善" }, { text: "制度", font: { bold: true } }] }, { formula: "\"修订\"&\"工作规则\"", result: "修订工作规则" },
    { text: "办公室", hyperlink: "https://example.org/office" }, "研究室、人事科", new Date(Date.UTC(2025, 10, 1))];
  ws.getCell("F11").numFmt = 'yyyy"年"m"月"';
  ws.getCell("A30").border = { bottom: { style: "thin" } };
}

/** 任务分解表 (task table) + 说明 (free text) + 2024年 (another task table). */
async function planWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addTaskSheet(workbook, "任务分解表");
  const notes = workbook.addWorksheet("说明");
  notes.getCell("A1").value = "填报说明";
  notes.getCell("A2").value = "1. 请于每月5日前报送进展。\n2. 完成时限以文件为准。";
  const old = workbook.addWorksheet("2024年");
  old.addRow(["序号", "工作任务", "牵头科室", "完成时间"]);
  old.addRow([1, "开展宪法宣传周活动", "研究室", "12月4日前"]);
  return toBytes(workbook);
}

const tableOf = (doc: SourceDocument): SourceTable => {
  const tables = doc.blocks.filter((block): block is SourceTable => block.kind === "table");
  expect(tables).toHaveLength(1);
  return tables[0] as SourceTable;
};
const L = cell("", "left");
const A = cell("", "above");

async function refusal(bytes: Uint8Array, options?: { sheet?: string }): Promise<string> {
  const error = await readXlsx(bytes, options).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ReaderError);
  return (error as ReaderError).message;
}

describe("readXlsx", () => {
  it("reads the task sheet: title paragraphs, the grid with merges, dates and texts", async () => {
    const doc = await readXlsx(await planWorkbook());
    expect(doc.format).toBe("xlsx");
    expect(doc.sheets).toEqual(["任务分解表", "说明", "2024年"]);
    expect(doc.warnings).toEqual([multipleTablesWarning("任务分解表")]);
    expect(doc.warnings[0]).toBe("工作簿有多个工作表，已读取“任务分解表”，可在页面上选择其他工作表");
    expect(doc.blocks.slice(0, 2)).toEqual([{ kind: "paragraph", text: TITLE }, { kind: "paragraph", text: "附件1" }]);
    const table = tableOf(doc);
    expect(table.sheet).toBe("任务分解表");
    expect(table.rows).toEqual([
      HEADER.map((text) => cell(text)),
      [cell("一、强化法治思想引领"), L, L, L, L, L],
      [cell("1"), cell("深入学习贯彻习近平法治思想"), cell("党组理论学习中心组专题学习不少于2次"), cell("办公室"), cell("研究室"), cell("2025年6月30日")],
      [A, A, cell("开展法治讲座\n全年不少于4次"), cell("人事科"), cell(""), cell("6月底前")],
      [A, A, cell("组织旁听庭审"), cell("办公室"), cell("机关党委"), cell("年底前")],
      [cell("二、推进依法履职"), L, L, L, L, L],
      [cell("2"), cell("完善制度"), cell("修订工作规则"), cell("办公室"), cell("研究室、人事科"), cell("2025年11月")],
    ]);
  });

  it("reads the sheet named in the options", async () => {
    const bytes = await planWorkbook();
    const old = await readXlsx(bytes, { sheet: "2024年" });
    expect(old.warnings).toEqual([]);
    expect(old.blocks).toEqual([{
      kind: "table", sheet: "2024年",
      rows: [["序号", "工作任务", "牵头科室", "完成时间"].map((t) => cell(t)), ["1", "开展宪法宣传周活动", "研究室", "12月4日前"].map((t) => cell(t))],
    }]);
    // Free text: every line a paragraph, no table.
    const notes = await readXlsx(bytes, { sheet: "说明" });
    expect(notes.blocks).toEqual([
      { kind: "paragraph", text: "填报说明" },
      { kind: "paragraph", text: "1. 请于每月5日前报送进展。" },
      { kind: "paragraph", text: "2. 完成时限以文件为准。" },
    ]);
    expect(await refusal(bytes, { sheet: "2023年" })).toBe("工作簿中没有名为“2023年”的工作表");
    expect(unknownSheetMessage("2023年")).toBe("工作簿中没有名为“2023年”的工作表");
  });

  it("picks the first visible sheet with a task-table header, skipping text and hidden sheets", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("填表说明").addRow(["请按要求填写各项任务的完成情况。"]);
    const hidden = workbook.addWorksheet("旧表");
    hidden.addRow(["序号", "工作任务", "责任科室"]);
    hidden.state = "hidden";
    workbook.addWorksheet("空白");
    addTaskSheet(workbook, "分解表");
    const doc = await readXlsx(await toBytes(workbook));
    expect(doc.sheets).toEqual(["填表说明", "旧表", "空白", "分解表"]);
    expect(tableOf(doc).sheet).toBe("分解表");
    expect(doc.warnings).toEqual([]);
    expect(await refusal(await toBytes(workbook), { sheet: "空白" })).toBe(emptySheetMessage("空白"));
  });

  it("falls back to the first visible sheet with content, then to a hidden one", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("空白");
    const ws = workbook.addWorksheet("数据");
    ws.getCell("B2").value = "2025年工作安排";
    ws.getRow(3).values = [null, "学法", "4次"];
    ws.getRow(4).values = [null, "普法", "2期"];
    const doc = await readXlsx(await toBytes(workbook));
    expect(doc.blocks).toEqual([
      { kind: "paragraph", text: "2025年工作安排" },
      { kind: "table", sheet: "数据", rows: [[cell("学法"), cell("4次")], [cell("普法"), cell("2期")]] },
    ]);
    ws.state = "hidden";
    const hidden = await readXlsx(await toBytes(workbook));
    expect(hidden.warnings).toEqual([hiddenSheetWarning("数据")]);
    expect(hidden.blocks).toHaveLength(2);
  });

  it("reads cell values as Excel shows them", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("值");
    ws.addRow(["数字", "小数", "百分比", "布尔", "公式", "日期", "错误", "日期格式数字"]);
    ws.addRow([1, 0.1 + 0.2, 0.95, true, { formula: "1+1", result: 2 }, new Date(Date.UTC(2025, 0, 5)), { error: "#N/A" }, 45838]);
    ws.getCell("C2").numFmt = "0%";
    ws.getCell("H2").numFmt = "yyyy-mm-dd";
    const doc = await readXlsx(await toBytes(workbook));
    expect(tableOf(doc).rows[1]).toEqual(["1", "0.3", "95%", "TRUE", "2", "2025年1月5日", "#N/A", "2025年6月30日"].map((t) => cell(t)));
  });

  it("refuses .xls, password-protected, corrupt, non-Excel and macro files", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(new Uint8Array(Buffer.concat([ole, Buffer.alloc(1024)])))).toBe(XLS_MESSAGE);
    expect(XLS_MESSAGE).toBe("不支持 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入");
    const encrypted = Buffer.concat([ole, Buffer.alloc(512), Buffer.from("EncryptedPackage", "utf16le"), Buffer.alloc(64)]);
    expect(await refusal(new Uint8Array(encrypted))).toBe("该 Excel 文件有密码保护，请去除密码后再导入");
    expect(ENCRYPTED_XLSX_MESSAGE).toBe("该 Excel 文件有密码保护，请去除密码后再导入");

    expect(await refusal(new TextEncoder().encode("序号,重点任务\n1,学法"))).toBe("文件不是有效的 Excel（.xlsx）表格");
    expect(await refusal(new Uint8Array(0))).toBe(INVALID_XLSX_MESSAGE);
    const docx = new JSZip();
    docx.file("word/document.xml", "<w:document/>");
    expect(await refusal(await docx.generateAsync({ type: "uint8array" }))).toBe(INVALID_XLSX_MESSAGE);
    const good = await planWorkbook();
    expect(await refusal(good.slice(0, Math.floor(good.length / 2)))).toBe(INVALID_XLSX_MESSAGE);

    const macro = await JSZip.loadAsync(good);
    macro.file("xl/vbaProject.bin", new Uint8Array([1, 2, 3]));
    expect(await refusal(await macro.generateAsync({ type: "uint8array" }))).toBe("不接受包含宏的 Excel 文件");
    expect(MACRO_XLSX_MESSAGE).toBe("不接受包含宏的 Excel 文件");
  });

  it("refuses a workbook without data", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").getCell("B3").border = { top: { style: "thin" } };
    workbook.addWorksheet("Sheet2").getCell("A1").value = "   ";
    expect(await refusal(await toBytes(workbook))).toBe(EMPTY_XLSX_MESSAGE);
    expect(EMPTY_XLSX_MESSAGE).toBe("Excel 文件中没有可导入的内容");
  });

  it("refuses zip bombs by declared and by actual size, and merges that cover too many cells", async () => {
    const good = await JSZip.loadAsync(await planWorkbook());
    good.file("xl/media/big.bin", new Uint8Array(101 * 1024 * 1024));
    const bomb = await good.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(bomb)).toBe(OVERSIZED_XLSX_MESSAGE);
    // The same zip with the big entry's declared size (central directory, offset 24) set to 1000.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const name = new TextEncoder().encode("xl/media/big.bin");
    for (let i = 0; i + 46 < bomb.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50 || view.getUint16(i + 28, true) !== name.length) continue;
      if (name.every((byte, k) => bomb[i + 46 + k] === byte)) view.setUint32(i + 24, 1000, true);
    }
    const patched = (await JSZip.loadAsync(bomb)).file("xl/media/big.bin") as unknown as { _data: { uncompressedSize: number } };
    expect(patched._data.uncompressedSize).toBe(1000);
    expect(await refusal(bomb)).toBe(OVERSIZED_XLSX_MESSAGE);

    const merged = await JSZip.loadAsync(await planWorkbook());
    const sheet = (await merged.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(sheet).toContain("<mergeCells");
    merged.file("xl/worksheets/sheet1.xml", sheet.replace('<mergeCell ref="A1:F1"/>', '<mergeCell ref="A1:XFD1048576"/>'));
    expect(await refusal(await merged.generateAsync({ type: "uint8array", compression: "DEFLATE" }))).toBe(TOO_MANY_CELLS_MESSAGE);
  });

  it("refuses sheets with more than 20 000 rows or 100 columns", async () => {
    const tall = new ExcelJS.Workbook();
    const ws = tall.addWorksheet("长表");
    ws.addRow(HEADER);
    for (let i = 1; i <= 20_000; i++) ws.addRow([i, `任务${i}`]);
    expect(await refusal(await toBytes(tall))).toBe(TOO_MANY_ROWS_MESSAGE);
    expect(TOO_MANY_ROWS_MESSAGE.startsWith("表格超过 2 万行，无法导入")).toBe(true);

    const wide = new ExcelJS.Workbook();
    wide.addWorksheet("宽表").addRow(Array.from({ length: 101 }, (_, i) => `列${i + 1}`));
    expect(await refusal(await toBytes(wide))).toBe(TOO_MANY_COLUMNS_MESSAGE);
  });

  it("reads a 1000-row task table", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("任务分解表");
    ws.addRow([TITLE]);
    ws.mergeCells("A1:F1");
    ws.addRow(HEADER);
    for (let i = 1; i <= 1000; i++) ws.addRow([i, `任务${i}`, `措施${i}：全年不少于${i}次`, "办公室", "研究室", new Date(Date.UTC(2025, i % 12, 1))]);
    const bytes = await toBytes(workbook);
    const started = performance.now();
    const doc = await readXlsx(bytes);
    console.log(`readXlsx: 1000 rows (${(bytes.length / 1024).toFixed(0)} KB) in ${(performance.now() - started).toFixed(0)} ms`);
    const table = tableOf(doc);
    expect(table.rows).toHaveLength(1001);
    expect(table.rows[1000]).toEqual(["1000", "任务1000", "措施1000：全年不少于1000次", "办公室", "研究室", "2025年5月1日"].map((t) => cell(t)));
    expect(doc.blocks[0]).toEqual({ kind: "paragraph", text: TITLE });
  });
});
