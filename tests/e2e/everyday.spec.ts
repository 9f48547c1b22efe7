/**
 * Issue 20, the remaining daily checks as each role meets them: the reviewer is asked before
 * approving a counted entry without evidence; a 协办 link to a lead record months away is flagged;
 * the import preview lists points without a 牵头科室 and shows problems at the top and beside the
 * point; the leader's first screen puts 需关注 before the charts.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { as, login } from "./helpers";

const YEAR = new Date().getFullYear();
const stamp = () => `${Date.now()}`.slice(-7);

async function setEvidenceKinds(browser: Browser, checked: boolean) {
  const page = await as(browser, "admin");
  await page.goto("/admin");
  for (const box of await page.locator('input[type=checkbox][name^="evidence_"]').all()) await box.setChecked(checked);
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("单位设置已保存")).toBeVisible();
  await page.context().close();
}

async function newEntry(page: Page, point: RegExp, date: string, title: string) {
  await page.goto("/ledger");
  await page.getByRole("link", { name: "新增台账" }).click();
  await page.getByRole("link", { name: point }).first().click();
  await page.getByLabel("日期", { exact: true }).fill(date);
  await page.getByLabel("具体工作/活动", { exact: true }).fill(title);
}

test("the reviewer is asked before approving a counted entry that has no evidence", async ({ browser }) => {
  test.setTimeout(120_000);
  // An entry reaches 待审核 without a file while the unit requires none; the rule then applies again.
  await setEvidenceKinds(browser, false);
  const title = `无佐证待审核 ${stamp()}`;
  try {
    const staff = await as(browser, "staff-zonghe");
    await newEntry(staff, /^1\. 深入学习习近平法治思想/, `${YEAR}-03-12`, title);
    await staff.getByLabel("活动形式", { exact: true }).selectOption("集中学习");
    await staff.getByLabel("专题学习（次）", { exact: true }).fill("1");
    await staff.getByRole("button", { name: "保存草稿" }).click();
    await expect(staff).toHaveURL(/\/ledger\/\d+/);
    const entryUrl = staff.url().replace(/\?.*$/, "");
    await staff.getByRole("button", { name: "提交审核" }).click();
    await expect(staff.getByTestId("status-badge")).toHaveText("待审核");
    await staff.context().close();
    await setEvidenceKinds(browser, true);

    const reviewer = await as(browser, "coordinator");
    await reviewer.goto(entryUrl);
    const messages: string[] = [];
    let accept = false;
    reviewer.on("dialog", (dialog) => {
      messages.push(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    });
    await reviewer.getByRole("button", { name: "审核通过" }).click();
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]).toContain("但没有佐证材料");
    expect(messages[0]).toContain("专题学习");
    await expect(reviewer.getByTestId("status-badge")).toHaveText("待审核");
    accept = true;
    await reviewer.getByRole("button", { name: "审核通过" }).click();
    await expect(reviewer.getByTestId("status-badge")).toHaveText("已通过");
    expect(messages).toHaveLength(2);
  } finally {
    await setEvidenceKinds(browser, true);
  }
});

test("a 协办 record linked to a lead record months away carries a warning", async ({ browser }) => {
  test.setTimeout(120_000);
  const lead = await as(browser, "staff-zonghe");
  const leadTitle = `牵头活动 ${stamp()}`;
  await newEntry(lead, /^3\. /, `${YEAR}-02-10`, leadTitle);
  await lead.getByRole("button", { name: "保存草稿" }).click();
  await expect(lead).toHaveURL(/\/ledger\/\d+/);
  await lead.getByRole("button", { name: "提交审核" }).click();
  await expect(lead.getByTestId("status-badge")).toHaveText("待审核");

  const support = await as(browser, "staff-yanjiu");
  await newEntry(support, /^3\. /, `${YEAR}-07-10`, `协办活动 ${stamp()}`);
  await support.getByLabel("协办关联").selectOption({ label: `${YEAR}-02-10 ${leadTitle}` });
  await support.getByRole("button", { name: "保存草稿" }).click();
  await expect(support).toHaveURL(/\/ledger\/\d+/);
  await expect(support.getByTestId("link-window-warning")).toHaveText(/相差 150 天，超过单位设定的 31 天/);

  // A link within the window says nothing.
  await newEntry(support, /^3\. /, `${YEAR}-02-20`, `协办活动 ${stamp()}`);
  await support.getByLabel("协办关联").selectOption({ label: `${YEAR}-02-10 ${leadTitle}` });
  await support.getByRole("button", { name: "保存草稿" }).click();
  await expect(support).toHaveURL(/\/ledger\/\d+/);
  await expect(support.getByRole("term").filter({ hasText: "协办关联" })).toBeVisible();
  await expect(support.getByTestId("link-window-warning")).toHaveCount(0);
});

test("the import preview lists points without a 牵头科室 and shows problems at the top and beside the point", async ({ page }) => {
  await login(page, "coordinator");
  await page.goto("/plans/import");
  await page.getByLabel("要点全文").fill(
    ["XX市政协办公室2041年机关法治建设工作要点", "一、加强学习", "1. 组织专题学法。全年组织专题学习不少于4次。", "2. 开展法治培训。", "二、完善制度", "3. 修订机关内部管理制度。"].join("\n"),
  );
  await page.getByRole("button", { name: "解析文本" }).click();
  await expect(page.getByTestId("parse-summary")).toContainText("3 条要点");
  await page.getByLabel("年度").fill("2041");
  await page.getByLabel("年度").blur();
  await expect(page.getByTestId("save-notices")).toContainText("全部 3 条要点都未指定牵头科室");

  await page.getByLabel("要点2 牵头科室").selectOption({ label: "综合科" });
  await expect(page.getByTestId("save-notices")).toContainText("以下 2 条要点未指定牵头科室：第 1、3 条");

  await page.getByLabel("要点3 标题").fill("");
  await page.getByRole("button", { name: "保存为草稿" }).click();
  const top = page.locator("#draft-problems");
  await expect(top).toBeVisible();
  await expect(top).toContainText("要点 3");
  const points = page.getByTestId("draft-point");
  await expect(points.nth(2).getByRole("alert")).toContainText("要点 3");
  const topBox = await top.boundingBox();
  const firstPoint = await points.first().boundingBox();
  expect(topBox!.y).toBeLessThan(firstPoint!.y);
  await expect(page).toHaveURL(/\/plans\/import/);
});

test("the leader's first screen: 需关注 comes before the figures and charts, with no 待办 clutter for an empty list", async ({ page }) => {
  await login(page, "leader");
  await page.setViewportSize({ width: 1366, height: 768 });
  const attention = page.getByRole("heading", { name: /^需关注/ });
  await expect(attention).toBeVisible();
  const chart = page.locator("[data-testid=chart-activity]");
  await expect(chart).toBeVisible();
  const [a, f, c] = await Promise.all([attention.boundingBox(), page.getByTestId("overall-rate").boundingBox(), chart.boundingBox()]);
  expect(a!.y).toBeLessThan(f!.y);
  expect(f!.y).toBeLessThan(c!.y);
  // The table header is on the first screen.
  expect(a!.y).toBeLessThan(768);
});

test("a refused form keeps what was typed; a saved one is cleared", async ({ browser }) => {
  const page = await as(browser, "admin");
  await page.goto("/admin");
  const form = page.locator("form", { has: page.getByRole("button", { name: "创建用户" }) });
  const username = `keep-${stamp()}`;
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("保留输入");
  await form.getByLabel("初始密码").fill("abcdefgh");
  await form.locator("select[name=role]").selectOption("STAFF");
  await form.locator("select[name=officeId]").selectOption({ label: "综合科" });
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form).toContainText("密码须包含");
  // Nothing the administrator typed is lost: only the password needs correcting.
  await expect(form.getByLabel("用户名")).toHaveValue(username);
  await expect(form.getByLabel("姓名")).toHaveValue("保留输入");
  await expect(form.locator("select[name=role]")).toHaveValue("STAFF");
  await form.getByLabel("初始密码").fill("Keep@2026ab");
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form.getByRole("status")).toContainText("已创建用户");
  await expect(form.getByLabel("用户名")).toHaveValue("");
  await page.context().close();
});
