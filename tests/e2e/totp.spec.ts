import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";
import { totpCode } from "../../lib/auth/totp";

/** The e2e server's database (playwright.config.ts: data/e2e-<port>.db). */
const E2E_PORT = Number(process.env.E2E_PORT || 3210);
const E2E_DB = path.join(process.cwd(), "data", `e2e-${E2E_PORT}.db`);

/**
 * A fresh account that is not a demo account (demo accounts are exempt from the second factor in
 * demo mode), with the demo password: written straight into the e2e database, copying the demo
 * admin's password hash and date columns so every value has the format Prisma stores.
 */
function createAccount(role: "ADMIN" | "COORDINATOR"): string {
  const username = `e2e-totp-${role.toLowerCase()}-${Date.now()}`;
  const db = new Database(E2E_DB);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare(
      `INSERT INTO "User" ("username", "displayName", "passwordHash", "role", "officeId", "active", "sessionVersion",
                           "mustChangePassword", "passwordChangedAt", "version", "createdAt", "updatedAt")
       SELECT ?, ?, "passwordHash", ?, NULL, 1, 1, 0, "passwordChangedAt", 1, "createdAt", "updatedAt" FROM "User" WHERE "username" = 'admin'`,
    ).run(username, role === "ADMIN" ? "双因素管理员" : "双因素法治办", role);
  } finally {
    db.close();
  }
  return username;
}

async function submitPassword(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
}

async function submitCode(page: Page, code: string) {
  await expect(page.getByLabel("动态验证码")).toBeVisible();
  await page.getByLabel("动态验证码").fill(code);
  await page.getByRole("button", { name: "验证并登录" }).click();
}

async function logout(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Enrols on /account/security: reads the secret from the page, types the app's code; returns secret and recovery codes. */
async function enrol(page: Page): Promise<{ secret: string; codes: string[] }> {
  await expect(page.getByTestId("totp-status")).toContainText("未启用");
  await expect(page.getByRole("img", { name: "动态验证码绑定二维码" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").getAttribute("data-secret"))!;
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByTestId("totp-secret")).toContainText(secret.slice(0, 4));
  await page.getByLabel("验证器显示的 6 位验证码").fill(totpCode(secret, Date.now()));
  await page.getByRole("button", { name: "确认绑定" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allInnerTexts();
  for (const code of codes) expect(code.trim()).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
  // "我已保存" is the only way on, and only once confirmed.
  const proceed = page.getByRole("button", { name: "我已保存，继续" });
  await expect(proceed).toBeDisabled();
  await page.getByLabel("我已妥善保存以上恢复码").check();
  await proceed.click();
  return { secret, codes: codes.map((code) => code.trim()) };
}

/** A code of the next time step: always later than the step just used (the window accepts it). */
function nextCode(secret: string) {
  return totpCode(secret, Date.now() + 30_000);
}

test("a business account enrols voluntarily, then logs in with a code, once with a recovery code, and cannot reuse it", async ({ page }) => {
  const username = createAccount("COORDINATOR");
  await submitPassword(page, username);
  await expect(page).toHaveURL(/\/dashboard/);

  await page.getByRole("link", { name: "账户安全" }).click();
  await expect(page).toHaveURL(/\/account\/security/);
  const { secret, codes } = await enrol(page);
  await expect(page).toHaveURL(/\/account\/security/);
  await expect(page.getByTestId("totp-status")).toContainText("已启用");
  await expect(page.getByTestId("recovery-remaining")).toContainText("10");

  await page.getByRole("link", { name: "返回工作台" }).click();
  await logout(page);

  // Password first; the code field appears only after the right password.
  await submitPassword(page, username);
  await expect(page.getByLabel("动态验证码")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await submitCode(page, "000000" === nextCode(secret) ? "111111" : "000000");
  await expect(page.getByTestId("login-error")).toContainText("动态验证码或恢复码不正确");
  await submitCode(page, nextCode(secret));
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByTestId("current-user")).toContainText("双因素法治办");
  await logout(page);

  // A recovery code instead of the code, once.
  await submitPassword(page, username);
  await submitCode(page, codes[0].toUpperCase());
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/account/security");
  await expect(page.getByTestId("recovery-remaining")).toContainText("9");
  await page.getByRole("link", { name: "返回工作台" }).click();
  await logout(page);

  await submitPassword(page, username);
  await submitCode(page, codes[0]);
  await expect(page.getByTestId("login-error")).toContainText("动态验证码或恢复码不正确");
  await expect(page).toHaveURL(/\/login/);
  // The same browser still gets in with another code.
  await page.getByLabel("动态验证码").fill(codes[1]);
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // A business account may turn the factor off again (with the current factor).
  await page.goto("/account/security");
  await page.locator("#disable-current").fill(codes[2]);
  await page.getByRole("button", { name: "停用双因素认证" }).click();
  await expect(page.getByTestId("totp-disable-message")).toContainText("已停用");
});

test("an administrative account without a factor is held on the enrolment page until it enrols, and then needs the code", async ({ page }) => {
  const username = createAccount("ADMIN");
  await submitPassword(page, username);
  await expect(page).toHaveURL(/\/account\/security/);
  await expect(page.getByTestId("totp-required-notice")).toBeVisible();
  // Nothing else opens meanwhile.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/account\/security/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/account\/security/);
  // An administrative account cannot turn the factor off: no such form.
  const { secret } = await enrol(page);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByTestId("current-user")).toContainText("双因素管理员");
  await page.goto("/account/security");
  await expect(page.getByTestId("totp-status")).toContainText("已启用");
  await expect(page.getByRole("button", { name: "停用双因素认证" })).toHaveCount(0);
  await page.getByRole("link", { name: "返回工作台" }).click();
  await logout(page);

  await submitPassword(page, username);
  await submitCode(page, nextCode(secret));
  await expect(page).toHaveURL(/\/dashboard/);
});
