import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2025";

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  // The 安全保密管理员 and 安全审计员 have no dashboard and land on their own page.
  await expect(page).toHaveURL(/\/(dashboard|admin\/security|audit)/);
}

export async function navLabels(page: Page): Promise<string[]> {
  return page.getByRole("navigation", { name: "主导航" }).getByRole("link").allInnerTexts();
}

/** A new browser context signed in as `username`: several roles in one journey. */
export async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, username);
  return page;
}
