/**
 * The coordinator imports the plan as it arrives: a Word task table (remapping a column on the
 * way), a table whose header the portal cannot recognise (mapped by hand), and a released PDF
 * (its pages shown beside the parse).
 */
import fs from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { expect, test, type Page } from "@playwright/test";
import { parsePlanText } from "../../lib/plan/parse";
import { planDocxParagraphs, planDocxTable, planText, planXlsx, withOffices } from "../support/plan-files";
import { convertWithSoffice } from "../support/soffice";
import { login } from "./helpers";

const FIXTURE = fs.readFileSync(path.resolve(__dirname, "../fixtures/rule-of-law-plan-2025.txt"), "utf8");
const reference = parsePlanText(planText(withOffices(parsePlanText(FIXTURE))));
const UPLOAD = "或上传文件（Word、WPS、Excel、PDF 或文本，不超过 10 MB）";

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.goto("/plans/import");
  await page.getByLabel(UPLOAD).setInputFiles({ name, mimeType: "application/octet-stream", buffer });
}

async function oddHeaderTable(): Promise<Buffer> {
  const row = (cells: string[]) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph("2032年工作安排"),
        new Table({ rows: [row(["项", "名称", "部门", "日期"]), row(["1", "深入学习习近平法治思想", "综合科", "6月底前"]), row(["2", "依法开展政治协商", "研究室", "年底前"])] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

test.describe.configure({ mode: "serial" });

test("the coordinator imports a Word task table, remaps a column, saves it and sees offices and deadlines on the plan", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, "coordinator");
  await upload(page, "2025年任务分解表.docx", Buffer.from(await planDocxTable(reference)));

  await expect(page.getByTestId("reading-mode")).toContainText("从 Word 文档的表格（任务分解表）读取");
  await expect(page.getByTestId("parse-summary")).toHaveText("识别出 3 个部分、12 条要点、3 项量化指标");
  await expect(page.getByLabel("要点1 牵头科室").locator("option:checked")).toHaveText("综合科");
  await expect(page.getByLabel("要点1 配合科室 研究室")).toBeChecked();

  // The 配合单位 column left out, then read again as it was.
  const support = page.getByLabel("第5列（配合单位）");
  await expect(support).toHaveValue("support");
  await support.selectOption("ignore");
  await page.getByRole("button", { name: "按此对应重新识别" }).click();
  await expect(page.getByLabel("要点1 配合科室 研究室")).not.toBeChecked();
  await page.getByLabel("第5列（配合单位）").selectOption("support");
  await page.getByRole("button", { name: "按此对应重新识别" }).click();
  await expect(page.getByLabel("要点1 配合科室 研究室")).toBeChecked();

  await page.getByLabel("年度").fill("2036");
  await page.getByLabel("年度").blur();
  await page.getByRole("button", { name: "保存为草稿" }).click();
  await expect(page).toHaveURL(/\/plans\/2036\?saved=1/);

  await page.goto("/plans/2036?view=table");
  const table = page.getByRole("table", { name: "任务分解表" });
  const first = table.getByRole("row").filter({ hasText: "深入学习习近平法治思想" });
  await expect(first).toContainText("综合科");
  await expect(first).toContainText("研究室");
  await expect(first).toContainText("6月底前");
  await expect(table.getByRole("row").filter({ hasText: "推动法治思想与政协履职融合" })).toContainText("年底前");
});

test("a table whose header is not recognised is mapped by hand before anything is shown", async ({ page }) => {
  await login(page, "coordinator");
  await upload(page, "工作安排.docx", await oddHeaderTable());
  await expect(page.getByRole("alert").filter({ hasText: "未能识别表格的表头" })).toBeVisible();
  await expect(page.getByTestId("parse-summary")).toHaveCount(0);
  // Every column starts as 不导入: the form says what is missing before anything is sent.
  await expect(page.getByLabel("第2列（名称）")).toHaveValue("ignore");
  await page.getByRole("button", { name: "按此对应重新识别" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请至少指定“重点任务”或“具体措施”所在的列" })).toBeVisible();

  await page.getByLabel("第1列（项）").selectOption("number");
  await page.getByLabel("第2列（名称）").selectOption("task");
  await page.getByLabel("第3列（部门）").selectOption("lead");
  await page.getByLabel("第4列（日期）").selectOption("deadline");
  await page.getByRole("button", { name: "按此对应重新识别" }).click();

  await expect(page.getByTestId("parse-summary")).toHaveText("识别出 1 个部分、2 条要点、0 项量化指标");
  await expect(page.getByLabel("要点1 标题")).toHaveValue("深入学习习近平法治思想");
  await expect(page.getByLabel("要点2 牵头科室").locator("option:checked")).toHaveText("研究室");
});

test("the coordinator imports a released PDF and reads its pages beside the parse", async ({ page }) => {
  const pdf = await convertWithSoffice(await planDocxParagraphs(reference), "docx", "pdf");
  await login(page, "coordinator");
  await upload(page, "2025年工作要点.pdf", Buffer.from(pdf));
  await expect(page.getByTestId("reading-mode")).toContainText("从 PDF 文件的正文段落读取");
  await expect(page.getByTestId("parse-summary")).toHaveText("识别出 3 个部分、12 条要点、3 项量化指标");
  await page.getByRole("button", { name: "PDF 原文" }).click();
  await expect(page.getByLabel("PDF 第 1 页")).toContainText("机关法治建设工作要点");
  await expect(page.getByLabel("要点12 标题")).toHaveValue("依法参与立法协商");
});

test("an Excel workbook is read from its task-table sheet; another sheet can be chosen", async ({ page }) => {
  await login(page, "coordinator");
  await upload(page, "2025年任务分解表.xlsx", Buffer.from(await planXlsx(reference)));
  await expect(page.getByTestId("reading-mode")).toContainText("从 Excel 工作簿的表格（任务分解表）读取");
  const sheet = page.getByLabel("工作表");
  await expect(sheet).toHaveValue("任务分解表");
  await expect(page.getByTestId("parse-summary")).toHaveText("识别出 3 个部分、12 条要点、3 项量化指标");

  // The instructions sheet holds no plan: a clear message, and the parse read so far stays.
  await sheet.selectOption("填表说明");
  await expect(page.getByTestId("reread-error")).toContainText("未能识别出工作要点的结构");
  await expect(sheet).toHaveValue("任务分解表");
  await expect(page.getByLabel("要点1 牵头科室").locator("option:checked")).toHaveText("综合科");
});
