import { expect, test } from "@playwright/test";
import { login, navLabels, DEMO_PASSWORD } from "./helpers";

const ROLES = [
  { username: "admin", sees: ["工作看板", "系统管理", "导入要点"], hidden: ["工作台账", "年度报告", "安全管理", "审计日志"], opens: "/admin", refused: "/audit" },
  { username: "secadmin", sees: ["安全管理", "消息通知"], hidden: ["系统管理", "审计日志", "工作台账", "工作看板"], opens: "/admin/security", refused: "/admin" },
  { username: "auditor", sees: ["审计日志", "消息通知"], hidden: ["系统管理", "安全管理", "工作台账", "工作看板"], opens: "/audit", refused: "/admin/security" },
  { username: "leader", sees: ["工作看板", "工作台账", "年度报告", "审计日志"], hidden: ["系统管理", "导入要点"], opens: "/dashboard", refused: "/admin" },
  { username: "coordinator", sees: ["工作要点", "导入要点", "工作台账", "年度报告"], hidden: ["系统管理", "审计日志"], opens: "/dashboard", refused: "/admin" },
  { username: "staff-zonghe", sees: ["工作看板", "工作台账"], hidden: ["系统管理", "导入要点", "年度报告"], opens: "/dashboard", refused: "/admin" },
  { username: "staff-yanjiu", sees: ["工作看板", "工作台账"], hidden: ["系统管理", "导入要点", "年度报告"], opens: "/dashboard", refused: "/admin" },
  { username: "viewer", sees: ["工作看板", "工作台账", "年度报告"], hidden: ["系统管理", "导入要点"], opens: "/dashboard", refused: "/admin" },
];

for (const role of ROLES) {
  test(`${role.username} logs in, sees its navigation and is refused what it may not open`, async ({ page }) => {
    await login(page, role.username);
    const labels = await navLabels(page);
    for (const label of role.sees) expect(labels).toContain(label);
    for (const label of role.hidden) expect(labels).not.toContain(label);

    await page.goto(role.opens);
    await expect(page.getByTestId("current-user")).toBeVisible();

    await page.goto(role.refused);
    await expect(page).toHaveURL(/\/forbidden/);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  });
}

test("a wrong password gets a clear Chinese message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("viewer");
  await page.getByLabel("密码").fill("not-the-password1");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("anonymous visitors are sent to the login page", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("login through next-auth's credentials callback", async ({ request }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: "leader", password: DEMO_PASSWORD, json: "true" },
  });
  expect(response.ok()).toBeTruthy();
  const session = await (await request.get("/api/auth/session")).json();
  expect(typeof session.uid).toBe("number");
  // The session carries identity only: role and office are read from the database per request.
  expect(session.role).toBeUndefined();
  const dashboard = await request.get("/dashboard");
  expect(await dashboard.text()).toContain("王秘书长");
});

test("admin creates a user who can then log in; disabling ends the session at once", async ({ page, browser }) => {
  await login(page, "admin");
  await page.goto("/admin");
  const form = page.locator("form", { has: page.getByRole("button", { name: "创建用户" }) });
  await form.getByLabel("用户名").fill("staff-test");
  await form.getByLabel("姓名").fill("测试人员");
  await form.getByLabel("初始密码").fill("Test@2025x");
  await form.locator("select[name=role]").selectOption("STAFF");
  await form.locator("select[name=officeId]").selectOption({ label: "综合科" });
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form.getByRole("status")).toContainText("已创建用户");

  const other = await browser.newContext();
  const staffPage = await other.newPage();
  // An initial password: the first login asks for the user's own (tests/e2e/password-policy.spec.ts).
  await staffPage.goto("/login");
  await staffPage.getByLabel("用户名").fill("staff-test");
  await staffPage.getByLabel("密码").fill("Test@2025x");
  await staffPage.getByRole("button", { name: "登录" }).click();
  await expect(staffPage).toHaveURL(/\/account\/password/);
  await staffPage.getByLabel("当前密码").fill("Test@2025x");
  await staffPage.getByLabel("新密码", { exact: true }).fill("Chosen@2025x");
  await staffPage.getByLabel("确认新密码").fill("Chosen@2025x");
  await staffPage.getByRole("button", { name: "修改密码" }).click();
  await expect(staffPage).toHaveURL(/\/dashboard/);

  await page.reload();
  const row = page.getByTestId("user-row-staff-test");
  await row.getByLabel("启用").uncheck();
  await row.getByRole("button", { name: "保存" }).first().click();
  await expect(row.getByRole("status").first()).toHaveText("用户已保存");

  await staffPage.goto("/dashboard");
  await expect(staffPage).toHaveURL(/\/login/);
  await other.close();
});

test("logging out ends the session on the server: a copied cookie no longer works", async ({ page, browser }) => {
  await login(page, "viewer");
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  expect(copied).toHaveLength(1);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who copied the cookie before the logout replays it in another browser.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});
