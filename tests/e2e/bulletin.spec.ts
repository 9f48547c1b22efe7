import fs from "node:fs";
import JSZip from "jszip";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// The demo seeds this year's plan; the e2e database is shared, so nothing here assumes a bulletin number.
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const TITLE_START = `关于${YEAR}年度法治建设工作要点落实情况的通报（第`;
const DOC_NUMBER = `法治办通〔${YEAR}〕E2E号`;
const ADDED = "E2E补充：请各牵头科室于月底前报送整改情况。";

test.describe.configure({ mode: "serial" });

let bulletinPath = "";

test("the coordinator generates a bulletin from the data, edits it and sends it for approval", async ({ page }) => {
  await login(page, "coordinator");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "情况通报" }).click();
  await expect(page).toHaveURL(/\/supervision\/bulletins$/);
  await page.getByLabel("年度").selectOption(String(YEAR));
  await page.getByLabel("发文字号（可不填）").fill(DOC_NUMBER);
  await page.getByRole("button", { name: "生成通报初稿" }).click();
  await expect(page).toHaveURL(/\/supervision\/bulletins\/\d+$/);
  bulletinPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("bulletin-title")).toContainText(TITLE_START);
  await expect(page.getByTestId("bulletin-status")).toHaveText("草稿");

  const text = page.getByLabel("正文（每行一段；“一、”开头的行是标题）");
  await expect(text).toHaveValue(/一、总体进展[\s\S]*三、滞后和逾期情况/);
  await text.fill(`${await text.inputValue()}\n${ADDED}`);
  await page.getByRole("button", { name: "保存通报" }).click();
  await expect(page.getByRole("status")).toHaveText("通报已保存");

  await page.getByRole("button", { name: "送领导审定" }).click();
  await expect(page.getByTestId("bulletin-status")).toHaveText("送审");
  await expect(page.getByRole("button", { name: "保存通报" })).toHaveCount(0);
  await expect(page.getByTestId("bulletin-text")).toContainText(ADDED);
});

test("the leader approves it and the Word file downloads with the title and the edit", async ({ page }) => {
  await login(page, "leader");
  await page.goto("/notifications");
  await page.getByTestId("notification").filter({ hasText: "待审定" }).first().getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`${bulletinPath}$`));
  await page.getByRole("button", { name: "审定通过" }).click();
  await expect(page.getByTestId("bulletin-status")).toHaveText("已审定");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("bulletin-export").click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^关于${YEAR}年度法治建设工作要点落实情况的通报（第\\d+期）\\.docx$`));
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const body = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
  expect(body).toContain(TITLE_START);
  expect(body).toContain(DOC_NUMBER);
  expect(body).toContain(ADDED);
  const headers = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
  for (const f of headers) expect(await zip.file(f)!.async("string")).not.toContain("草稿");
});

test("the administrator sets reminder settings and an e-mail address; the coordinator sees the outbox", async ({ page, browser }) => {
  await login(page, "admin");
  await page.goto("/admin/notify");
  await page.getByLabel("临近提醒：到期前天数").fill("5");
  await page.getByLabel("服务器地址").fill("smtp.example.gov.cn");
  await page.getByLabel("发件人").fill("法治办 <fazhiban@example.gov.cn>");
  await page.getByRole("button", { name: "保存提醒设置" }).click();
  await expect(page.getByRole("status")).toHaveText("提醒设置已保存（自动提醒未开启）");
  await page.reload();
  await expect(page.getByLabel("临近提醒：到期前天数")).toHaveValue("5");

  const row = page.getByTestId("recipient-staff-zonghe");
  await row.getByRole("textbox").fill("zonghe@localhost");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByRole("alert")).toContainText("输入有误");
  await expect(row).toContainText("邮箱地址格式不正确");
  await row.getByRole("textbox").fill("zonghe@example.gov.cn");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByRole("status")).toHaveText("邮箱已保存");

  const coordinator = await browser.newPage();
  await login(coordinator, "coordinator");
  await coordinator.goto("/supervision/outbox");
  await expect(coordinator.getByRole("heading", { name: "提醒发送情况" })).toBeVisible();
  await expect(coordinator.getByTestId("outbox-filter-PENDING")).toContainText("未发送");
  await coordinator.close();
});
