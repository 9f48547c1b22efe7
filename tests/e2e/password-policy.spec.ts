import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

/** Fills the login form without expecting where it leads. */
async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

async function createStaff(page: Page, username: string, password: string) {
  await page.goto("/admin");
  const form = page.locator("form", { has: page.getByRole("button", { name: "创建用户" }) });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("首次登录");
  await form.getByLabel("初始密码").fill(password);
  await form.locator("select[name=role]").selectOption("STAFF");
  await form.locator("select[name=officeId]").selectOption({ label: "综合科" });
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form.getByRole("status")).toContainText("已创建用户");
}

async function changePassword(page: Page, current: string, next: string, confirm = next) {
  await page.getByLabel("当前密码").fill(current);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("确认新密码").fill(confirm);
  await page.getByRole("button", { name: "修改密码" }).click();
}

test("an account created by the administrator must choose its own password at the first login", async ({ page, browser }) => {
  await login(page, "admin");
  await createStaff(page, "pw-first", "Init@2026a");

  const context = await browser.newContext();
  const user = await context.newPage();
  await signIn(user, "pw-first", "Init@2026a");
  await expect(user).toHaveURL(/\/account\/password/);
  await expect(user.getByTestId("password-reason")).toContainText("初始密码");
  // Every other page sends the account back here until the password is changed.
  await user.goto("/ledger");
  await expect(user).toHaveURL(/\/account\/password/);

  await changePassword(user, "Init@2026a", "abcdefgh");
  await expect(user.getByText("密码须包含大写字母、小写字母、数字、符号中的至少三类")).toBeVisible();
  await changePassword(user, "Init@2026a", "PW-First@2026");
  await expect(user.getByText("密码不能与用户名相同，也不能包含用户名")).toBeVisible();
  await changePassword(user, "Init@2026a", "Init@2026a");
  await expect(user.getByText("新密码不能与当前密码或最近 5 次使用过的密码相同")).toBeVisible();
  await changePassword(user, "Wrong@2026a", "Chosen@2026a");
  await expect(user.getByText("当前密码不正确")).toBeVisible();
  await changePassword(user, "Init@2026a", "Chosen@2026a", "Chosen@2026b");
  await expect(user.getByText("两次输入的新密码不一致")).toBeVisible();
  await expect(user).toHaveURL(/\/account\/password/);

  await changePassword(user, "Init@2026a", "Chosen@2026a");
  await expect(user).toHaveURL(/\/dashboard/);
  await expect(user.getByTestId("current-user")).toContainText("首次登录");

  // A voluntary change is one click away in the header; it explains the rules without a reason.
  await user.getByRole("link", { name: "修改密码" }).click();
  await expect(user).toHaveURL(/\/account\/password/);
  await expect(user.getByText("包含大写字母、小写字母、数字、符号中的至少三类")).toBeVisible();
  await expect(user.getByTestId("password-reason")).toHaveCount(0);

  await user.getByRole("button", { name: "退出登录" }).click();
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, "pw-first", "Init@2026a");
  await expect(user.getByTestId("login-error")).toHaveText("用户名或密码错误");
  await signIn(user, "pw-first", "Chosen@2026a");
  await expect(user).toHaveURL(/\/dashboard/);
  await context.close();
});

test("idle timeout: a warning before the end, 继续使用 renews, and after the end a dialog keeps what was typed", async ({ page }) => {
  // The browser's clock is fake from the first page on; the server keeps real time.
  await page.clock.install();
  await login(page, "admin");
  await page.goto("/admin");
  const form = page.locator("form", { has: page.getByRole("button", { name: "创建用户" }) });
  await form.getByLabel("用户名").fill("pw-idle");
  await form.getByLabel("姓名").fill("超时未提交");
  await form.getByLabel("初始密码").fill("Idle@2026ab");
  await form.locator("select[name=role]").selectOption("VIEWER");

  const warning = page.getByTestId("idle-warning");
  await page.clock.fastForward("28:30");
  await expect(warning).toContainText("您已较长时间未操作，2 分钟后将自动退出");
  await page.getByRole("button", { name: "继续使用" }).click();
  await expect(warning).toBeHidden();

  // Renewed: 28 minutes later it warns again instead of having ended.
  await page.clock.fastForward("28:30");
  await expect(warning).toBeVisible();
  await page.clock.fastForward("02:00");
  const dialog = page.getByRole("dialog", { name: "登录已超时" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("link", { name: "在新窗口中重新登录" })).toHaveAttribute("target", "_blank");
  await expect(page).toHaveURL(/\/admin/);
  await expect(form.getByLabel("姓名")).toHaveValue("超时未提交");

  // A submission is held back while signed out: the page and its input stay.
  await dialog.getByRole("button", { name: "查看本页内容" }).click();
  await expect(dialog).toBeHidden();
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("请先重新登录，再提交本页内容");
  await expect(form.getByLabel("用户名")).toHaveValue("pw-idle");
  await expect(form.getByLabel("姓名")).toHaveValue("超时未提交");

  // Signed in again (here the server's session still lives, as after a login in the other tab): submit what was typed.
  await dialog.getByRole("button", { name: "我已重新登录" }).click();
  await expect(dialog).toBeHidden();
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form.getByRole("status")).toContainText("已创建用户“pw-idle”");
});
