import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

/** The current year's plan (seeded): point 5 is finished, point 1's target 专题学习 is not yet met. */
const YEAR = new Date().getFullYear();

async function rubricXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("考核指标");
  ws.addRow([`${YEAR}年度法治建设考核指标`]);
  ws.mergeCells("A1:E1");
  ws.addRow(["一级指标", "二级指标", "三级指标", "评分标准", "分值"]);
  ws.addRow(["党政主要负责人履行推进法治建设第一责任人职责", "学法用法", "会前学法", "全年组织会前学法、专题学习不少于4次，每少一次扣0.5分", 2]);
  ws.addRow(["", "", "专题培训", "按完成比例计分", 2]);
  ws.addRow(["依法履职", "制度建设与法治宣传", "法治建设工作台账", "建立法治建设工作台账，2 分；未建立不得分", 2]);
  ws.addRow(["", "", "法治宣传", "开展宪法宣传周等法治宣传活动，未开展不得分", 2]);
  ws.addRow(["合计", "", "", "", 8]);
  ws.mergeCells("A3:A4");
  ws.mergeCells("B3:B4");
  ws.mergeCells("A5:A6");
  ws.mergeCells("B5:B6");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const card = (page: Page, title: string) => page.getByRole("article", { name: `指标 ${title}` });

async function link(page: Page, title: string, optionText: RegExp) {
  const select = card(page, title).getByLabel(`${title} 关联内容`);
  const value = await select.locator("option").filter({ hasText: optionText }).first().getAttribute("value");
  await select.selectOption(value!);
  await card(page, title).getByRole("button", { name: "关联", exact: true }).click();
  await expect(card(page, title).getByRole("status")).toHaveText("已关联");
}

test("the coordinator imports a rubric, accepts two proposals, overrides one with a reason and exports the 自评表", async ({ page }) => {
  await login(page, "coordinator");
  await page.goto(`/assessment/${YEAR}`);
  await expect(page.getByRole("heading", { name: `${YEAR} 年度法治建设考核自评` })).toBeVisible();

  await page.getByLabel("考核指标文件").setInputFiles({ name: "考核指标.xlsx", mimeType: "application/octet-stream", buffer: await rubricXlsx() });
  await page.getByRole("button", { name: "识别" }).click();
  const preview = page.getByTestId("rubric-preview");
  await expect(preview).toContainText("识别到 8 项指标，分值合计 8 分");
  await expect(preview.getByLabel("会前学法 计分规则")).toHaveValue("DEDUCTION");
  await expect(preview.getByLabel("会前学法 每项扣分")).toHaveValue("0.5");
  await page.getByRole("button", { name: "保存考核指标" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已导入 ${YEAR} 年考核指标 8 项` })).toBeVisible();

  await link(page, "法治建设工作台账", /^要点5 /);
  await link(page, "会前学法", /^要点1：专题学习/);

  // All-or-nothing: point 5 is finished → the full 2 分.
  await expect(card(page, "法治建设工作台账").getByTestId("proposal")).toContainText("建议得分 2 分：关联 1 项，已完成 1 项，全部完成");
  await card(page, "法治建设工作台账").getByRole("button", { name: "采纳建议得分" }).click();
  await expect(card(page, "法治建设工作台账").getByTestId("self-score")).toContainText("自评得分：2（采纳建议");

  // Deduction: the target is not met yet → 2 − 0.5.
  await expect(card(page, "会前学法").getByTestId("proposal")).toContainText("建议得分 1.5 分");
  await card(page, "会前学法").getByRole("button", { name: "采纳建议得分" }).click();
  await expect(card(page, "会前学法").getByTestId("self-score")).toContainText("自评得分：1.5（采纳建议");

  // Override: a score above 分值 is refused, a reason is required, then it is saved.
  const publicity = card(page, "法治宣传");
  await publicity.getByText("调整自评得分 / 记录考核得分 / 修改指标").click();
  await publicity.getByLabel("自评得分（0–2）").fill("3");
  await publicity.getByLabel("理由（必填）").fill("宪法宣传周已开展");
  await publicity.getByRole("button", { name: "保存自评得分" }).click();
  await expect(publicity.getByRole("alert")).toContainText("得分必须在 0 到 2 分");
  await publicity.getByLabel("自评得分（0–2）").fill("1.5");
  await publicity.getByLabel("理由（必填）").fill("");
  await publicity.getByRole("button", { name: "保存自评得分" }).click();
  await expect(publicity).toContainText("修改自评得分须填写理由");
  // A refused submission resets the form (React form actions): both fields are typed again.
  await publicity.getByLabel("自评得分（0–2）").fill("1.5");
  await publicity.getByLabel("理由（必填）").fill("宪法宣传周已开展，民法典宣传尚未完成");
  await publicity.getByRole("button", { name: "保存自评得分" }).click();
  await expect(publicity.getByTestId("self-score")).toContainText("自评得分：1.5（人工调整：宪法宣传周已开展，民法典宣传尚未完成）");
  await expect(page.getByTestId("本年度-self")).toHaveText("5");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出自评表（Excel）" }).click()]);
  expect(download.suggestedFilename()).toBe(`${YEAR}年度法治建设考核自评表.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet("自评表")!;
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row) => {
    const title = [2, 3, 4].map((c) => String(row.getCell(c).value ?? "")).find((t) => t !== "");
    if (title) rows.set(title, row);
  });
  expect(rows.get("法治建设工作台账")!.getCell(7).value).toBe(2);
  expect(rows.get("会前学法")!.getCell(7).value).toBe(1.5);
  expect(rows.get("法治宣传")!.getCell(7).value).toBe(1.5);
  expect(String(rows.get("法治宣传")!.getCell(8).value)).toBe("宪法宣传周已开展，民法典宣传尚未完成");
  expect(String(rows.get("会前学法")!.getCell(9).value)).toContain("专题学习");
  expect(rows.get("专题培训")!.getCell(7).value ?? "").toBe("");
  let total: ExcelJS.Row | undefined;
  sheet.eachRow((row) => { if (row.getCell(1).value === "合计") total = row; });
  expect(total!.getCell(6).value).toBe(8);
  expect(total!.getCell(7).value).toBe(5);
});
