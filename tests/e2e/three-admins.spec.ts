/**
 * 三员分立 (issue 15): the 系统管理员 opens a business account, only the 安全保密管理员 changes its
 * role, and the 安全审计员 finds both steps in the audit log, filters it and exports it as .xlsx.
 */
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test("the system administrator opens an account, the security administrator changes its role, the auditor finds and exports both", async ({ browser }) => {
  const username = `sanyuan-${Date.now() % 100000}`;

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, "admin");
  await admin.goto("/admin");
  const create = admin.locator("form", { has: admin.getByRole("button", { name: "创建用户" }) });
  // Only business roles are offered: administrative roles are the security administrator's to grant.
  await expect(create.locator("select[name=role] option")).toHaveText(["秘书长/分管领导", "法治办", "科室人员", "只读用户"]);
  await create.getByLabel("用户名").fill(username);
  await create.getByLabel("姓名").fill("三员测试");
  await create.getByLabel("初始密码").fill("Sanyuan@2026");
  await create.locator("select[name=role]").selectOption("VIEWER");
  await create.getByRole("button", { name: "创建用户" }).click();
  await expect(create.getByRole("status")).toContainText("已创建用户");
  // Administrative accounts are not editable here.
  await expect(admin.getByTestId("user-row-auditor")).toContainText("管理员账户由安全保密管理员管理");
  await adminContext.close();

  const secContext = await browser.newContext();
  const sec = await secContext.newPage();
  await login(sec, "secadmin");
  await expect(sec).toHaveURL(/\/admin\/security/);
  const row = sec.getByTestId(`account-row-${username}`);
  await row.getByLabel(`${username} 角色`).selectOption("LEADER");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByRole("status")).toHaveText("账户角色与状态已保存");
  await expect(sec.getByTestId("account-row-secadmin")).toContainText("本人账户不能自行修改");
  await secContext.close();

  const auditContext = await browser.newContext({ acceptDownloads: true });
  const auditor = await auditContext.newPage();
  await login(auditor, "auditor");
  await expect(auditor).toHaveURL(/\/audit/);
  await auditor.getByLabel("用户名").fill("secadmin");
  await auditor.locator("select[name=entity]").selectOption("User");
  await auditor.getByRole("button", { name: "筛选" }).click();
  await expect(auditor).toHaveURL(/user=secadmin/);
  const rows = auditor.getByTestId("audit-row");
  await expect(rows.first()).toContainText("修改角色或状态");
  await expect(rows.first()).toContainText("安全保密管理员");

  await auditor.getByLabel("用户名").fill("");
  await auditor.locator("select[name=action]").selectOption("login");
  await auditor.locator("select[name=entity]").selectOption("");
  await auditor.getByRole("button", { name: "筛选" }).click();
  await expect(rows.first()).toContainText("登录成功");
  // The client address is recorded with each login.
  await expect(rows.first().locator("td").nth(3)).not.toHaveText("—");

  const downloading = auditor.waitForEvent("download");
  await auditor.getByRole("link", { name: "导出 Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const actions = workbook.getWorksheet("审计日志")!.getColumn(8).values.slice(2);
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.every((a) => String(a).startsWith("登录"))).toBe(true);
  await auditContext.close();
});
