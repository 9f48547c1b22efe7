/**
 * Issue 20, on a phone (390×844): the ledger is a list of cards (the desktop table restyled) with the filters folded away, no page
 * scrolls sideways, and on an entry the workflow comes before the edit form; the "saved as a draft"
 * banner goes once the entry is submitted.
 */
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const YEAR = new Date().getFullYear();
const noSidewaysScroll = () => document.documentElement.scrollWidth <= window.innerWidth + 1;

test("staff on a phone: cards, folded filters, no sideways scrolling, the main action within reach", async ({ page }) => {
  await login(page, "staff-zonghe");
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  await page.goto(`/ledger?year=${YEAR}`);
  // One list: on a phone the table's header is gone and each entry is a card (a block, not a table row).
  const list = page.getByTestId("ledger-list");
  await expect(list).toBeVisible();
  await expect(list.locator("thead")).toBeHidden();
  const firstRow = list.locator("tbody tr").first();
  await expect(firstRow).toBeVisible();
  expect(await firstRow.evaluate((row) => getComputedStyle(row).display)).toBe("flex");
  const [title, status] = [await firstRow.locator(".ll-title").boundingBox(), await firstRow.locator(".ll-status").boundingBox()];
  expect(title && status && Math.abs(title.y - status.y) < 8).toBe(true); // title and status share the card's first line
  await expect(page.getByRole("button", { name: /^筛选/ })).toBeVisible();
  await expect(page.getByTestId("filter-fold").locator("form")).toHaveCount(0);
  await page.getByRole("button", { name: /^筛选/ }).click();
  await expect(page.getByTestId("filter-fold").locator("form")).toHaveCount(1);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  await page.getByRole("link", { name: "新增台账" }).click();
  await page.getByRole("link", { name: "1. 深入学习习近平法治思想" }).click();
  await page.getByLabel("日期", { exact: true }).fill(`${YEAR}-05-06`);
  await page.getByLabel("具体工作/活动", { exact: true }).fill(`手机录入 ${Date.now()}`);
  await page.getByLabel("活动形式", { exact: true }).selectOption("专题研讨");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/ledger\/\d+\?created=1/);
  await expect(page.getByTestId("created-banner")).toBeVisible();
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  // 提交审核 comes before the edit form.
  const submit = page.getByRole("button", { name: "提交审核" });
  const edit = page.getByRole("heading", { name: "修改台账" });
  const [submitBox, editBox] = [await submit.boundingBox(), await edit.boundingBox()];
  expect(submitBox!.y).toBeLessThan(editBox!.y);
  await submit.click();
  await expect(page.getByTestId("status-badge")).toHaveText("待审核");
  await expect(page.getByTestId("created-banner")).toHaveCount(0);
});
