/**
 * Issue 20, "figures must lead to evidence": an entry counting toward a target is not submitted
 * without a file; a file can be chosen in the first form and is uploaded with the save.
 */
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const YEAR = new Date().getFullYear();
const PDF = Buffer.from(`%PDF-1.4\n% evidence-${Date.now()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function startEntry(page: Page, title: string) {
  await page.goto("/ledger");
  await page.getByRole("link", { name: "新增台账" }).click();
  await page.getByRole("link", { name: "1. 深入学习习近平法治思想" }).click();
  await page.getByLabel("日期", { exact: true }).fill(`${YEAR}-04-20`);
  await page.getByLabel("具体工作/活动", { exact: true }).fill(title);
  await page.getByLabel("活动形式", { exact: true }).selectOption("集中学习");
  await page.getByLabel("专题学习（次）", { exact: true }).fill("1");
}

test("an entry counting toward a target needs a file before 提交; the first form takes files", async ({ page }) => {
  await login(page, "staff-zonghe");

  await startEntry(page, `无佐证的专题学习 ${Date.now()}`);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/ledger\/\d+\?created=1/);
  await expect(page.getByTestId("evidence-warning")).toContainText("尚无佐证材料");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "提交前请至少上传一份佐证材料" })).toBeVisible();
  await expect(page.getByTestId("status-badge")).toHaveText("草稿");

  await startEntry(page, `带佐证的专题学习 ${Date.now()}`);
  await page.getByLabel("佐证材料（可多选，保存时一并上传）").setInputFiles({ name: "签到表.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/ledger\/\d+\?created=1&uploaded=1&failed=0/);
  await expect(page.getByTestId("created-banner")).toContainText("已上传 1 个佐证材料");
  await expect(page.getByTestId("attachment-list").getByRole("link", { name: "签到表.pdf" })).toBeVisible();
  await expect(page.getByTestId("attachment-preview")).toBeVisible();
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("status-badge")).toHaveText("待审核");
});

test("staff filter the plan to their own office's points (只看本科室)", async ({ page }) => {
  await login(page, "staff-zonghe");
  await page.goto(`/plans/${YEAR}`);
  const points = page.getByTestId("plan-point");
  const all = await points.count();
  await page.getByTestId("plan-mine").click();
  await expect(page).toHaveURL(/mine=1/);
  await expect(page.getByTestId("plan-mine")).toContainText("本科室（综合科）");
  const mine = await points.count();
  expect(mine).toBeGreaterThan(0);
  expect(mine).toBeLessThan(all);
  for (let i = 0; i < mine; i += 1) await expect(points.nth(i)).toContainText("综合科");
});
