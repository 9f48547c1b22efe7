import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const FIXTURE = fs.readFileSync(path.resolve(__dirname, "../fixtures/rule-of-law-plan-2025.txt"), "utf8");

async function parseFixture(page: Page, year: string) {
  await page.goto("/plans/import");
  await page.getByLabel("要点全文").fill(FIXTURE);
  await page.getByRole("button", { name: "解析文本" }).click();
  await expect(page.getByTestId("parse-summary")).toHaveText("识别出 3 个部分、12 条要点、3 项量化指标");
  await page.getByLabel("年度").fill(year);
  await page.getByLabel("年度").blur();
  // Changing the year moves the deadlines but never the wording: the title still says 2025 until the
  // coordinator edits it, and the save panel points that out.
  const title = page.getByLabel("标题", { exact: true });
  await expect(title).toHaveValue(/2025/);
  if (year !== "2025") {
    await expect(page.getByTestId("save-notices")).toContainText(`正文中写有 2025 年，与年度 ${year} 不同`);
    await title.fill((await title.inputValue()).replace("2025", year));
  }
}

test("the coordinator imports the plan text, corrects a target, saves a draft and publishes it", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, "coordinator");
  await parseFixture(page, "2030");

  await expect(page.getByTestId("draft-section")).toHaveCount(3);
  await expect(page.getByTestId("draft-point")).toHaveCount(12);
  const marks = page.getByTestId("source-text").locator("mark");
  await expect(marks).toHaveCount(3);
  await expect(marks).toHaveText(["专题学习不少于4次", "专题培训班不少于1期", "培训人数不少于200人次"]);
  await expect(page.getByLabel("要点1 标题")).toHaveValue("深入学习习近平法治思想");

  await expect(page.getByLabel("要点1 指标1 目标值")).toHaveValue("4");
  await page.getByLabel("要点1 指标1 目标值").fill("6");
  await page.getByRole("button", { name: "保存为草稿" }).click();

  await expect(page).toHaveURL(/\/plans\/2030\?saved=1/);
  await expect(page.getByTestId("plan-status")).toHaveText("草稿");
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByTestId("plan-status")).toHaveText("已发布");

  await page.goto("/plans/2030");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2030");
  await expect(page.getByTestId("plan-counts")).toHaveText("3 个部分 · 12 条要点 · 3 项量化指标");
  await expect(page.getByTestId("plan-point")).toHaveCount(12);
  await expect(page.getByTestId("plan-point").first().getByTestId("target-chip")).toHaveText("专题学习 ≥6次");
  await expect(page.getByTestId("plan-history")).toContainText("发布");

  await page.goto("/plans/2030?view=table");
  await expect(page.getByRole("table", { name: "任务分解表" })).toContainText("专题学习 ≥6次");
  await page.goto("/plans");
  await expect(page.getByTestId("plan-row-2030")).toContainText("已发布");
});

test("saving over an existing year asks first; a year with ledger entries is refused", async ({ page }) => {
  await login(page, "coordinator");
  await parseFixture(page, "2031");
  await page.getByRole("button", { name: "保存为草稿" }).click();
  await expect(page).toHaveURL(/\/plans\/2031/);

  await parseFixture(page, "2031");
  await page.getByRole("button", { name: "保存为草稿" }).click();
  const question = page.getByRole("alertdialog");
  await expect(question).toContainText("该年度已有工作要点，是否替换？");
  await question.getByRole("button", { name: "确认替换" }).click();
  await expect(page).toHaveURL(/\/plans\/2031\?saved=1/);

  await parseFixture(page, "2025");
  await page.getByRole("button", { name: "保存为草稿" }).click();
  await expect(page.getByTestId("save-message")).toHaveText("该年度要点已有台账记录，不能整体替换，请在要点页面逐项修改");
});

test("uploads that cannot be imported get a clear message", async ({ page }) => {
  await login(page, "coordinator");
  await page.goto("/plans/import");
  const upload = page.getByLabel("或上传文件（Word、WPS、Excel、PDF 或文本，不超过 10 MB）");
  await upload.setInputFiles({ name: "空文件.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
  await expect(page.getByTestId("import-error")).toHaveText("文件为空，没有可导入的内容");
  await upload.setInputFiles({ name: "改名.docx", mimeType: "application/octet-stream", buffer: Buffer.from(FIXTURE) });
  await expect(page.getByTestId("import-error")).toHaveText("文件不是有效的 Word（.docx）文档");
  await upload.setInputFiles({ name: "无结构.txt", mimeType: "text/plain", buffer: Buffer.from("今年要认真学习。") });
  await expect(page.getByTestId("import-error")).toContainText("未能识别出工作要点的结构");
  await upload.setInputFiles({ name: "要点.txt", mimeType: "text/plain", buffer: Buffer.from(FIXTURE) });
  await expect(page.getByTestId("parse-summary")).toHaveText("识别出 3 个部分、12 条要点、3 项量化指标");

  // The server refuses oversized and cross-site uploads by itself.
  const origin = new URL(page.url()).origin;
  const big = await page.request.post("/api/plans/parse", {
    headers: { origin, "x-file-name": encodeURIComponent("大文件.docx"), "content-type": "application/octet-stream" },
    data: Buffer.alloc(11 * 1024 * 1024),
  });
  expect(big.status()).toBe(413);
  expect((await big.json()).message).toContain("文件超过 10 MB");
  const crossSite = await page.request.post("/api/plans/parse", { headers: { origin: "https://evil.example", "content-type": "text/plain" }, data: FIXTURE });
  expect(crossSite.status()).toBe(403);
});

test("staff are refused the import page", async ({ page }) => {
  await login(page, "staff-zonghe");
  await page.goto("/plans/import");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await page.goto("/plans/2025");
  await expect(page.getByTestId("plan-point")).toHaveCount(12);
  await expect(page.getByText("编辑要点1")).toHaveCount(0);
});
