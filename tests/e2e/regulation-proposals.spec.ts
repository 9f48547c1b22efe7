import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { as } from "./helpers";

/**
 * 修订建议 and the annual 制度清理 (issue 17): the 综合科 proposes a revision of its 印章管理规定, the
 * 法治办 accepts it and the year's cleanup list shows 修订 for it; the 法治办 sets 保留 for another rule
 * and the .xlsx export carries each rule's status and proposed action.
 */
const PROPOSED = "XX市政协办公室印章管理规定";
const KEPT = "XX市政协办公室公文处理办法";
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const REASON = "用印审批已改为线上办理，第三条的纸质审批单需相应修订";

test("staff of the responsible office propose a revision; the coordinator accepts it, sets 保留 for another rule and exports the cleanup list", async ({ browser }) => {
  const staff = await as(browser, "staff-zonghe");
  let ruleUrl = "";

  await test.step("the 综合科 proposes a revision on its rule's page", async () => {
    await staff.goto(`/regulations?q=${encodeURIComponent("印章管理规定")}`);
    await staff.getByRole("link", { name: PROPOSED }).first().click();
    await expect(staff.getByRole("heading", { level: 1, name: PROPOSED })).toBeVisible();
    ruleUrl = staff.url();
    await staff.getByText("提出修订建议", { exact: true }).click();
    const form = staff.getByTestId("proposal-form");
    await form.getByLabel("修订", { exact: true }).check();
    await form.getByLabel("理由").fill(REASON);
    await form.getByLabel(/建议条文/).fill("第三条 使用印章应当通过办公系统提交用印申请，经科室负责人和分管领导审批。");
    await form.getByRole("button", { name: "提交建议" }).click();
    // Once it is pending, the form gives way to a note (one pending proposal per rule).
    await expect(staff.getByText("该制度已有待处理的修订建议，法治办处理后可再次提出。")).toBeVisible();
    const list = staff.getByTestId("proposal-list");
    await expect(list).toContainText("待处理");
    await expect(list).toContainText(REASON);
  });

  const coordinator = await as(browser, "coordinator");

  await test.step("the coordinator accepts it from the pending panel of the cleanup page", async () => {
    await coordinator.goto("/regulations");
    await coordinator.getByRole("link", { name: /年度制度清理/ }).click();
    await expect(coordinator.getByRole("heading", { level: 1, name: `${YEAR}年度制度清理` })).toBeVisible();
    const item = coordinator.getByTestId("pending-proposals").getByRole("listitem").filter({ hasText: PROPOSED });
    await expect(item).toContainText(REASON);
    await item.getByRole("button", { name: "采纳", exact: true }).click();
    // Decided, it leaves the pending panel.
    await expect(item).toHaveCount(0);
  });

  await test.step("the year's cleanup list shows 修订 for the rule with the office's reason", async () => {
    await coordinator.reload();
    const row = coordinator.getByTestId("cleanup-table").getByRole("row").filter({ hasText: PROPOSED });
    await expect(row.getByLabel("清理意见")).toHaveValue("REVISE");
    await expect(row.getByLabel("说明")).toHaveValue(`科室建议：${REASON}`);
  });

  await test.step("the coordinator sets 保留 for another rule", async () => {
    const row = coordinator.getByTestId("cleanup-table").getByRole("row").filter({ hasText: KEPT });
    await row.getByLabel("清理意见").selectOption("KEEP");
    await row.getByLabel("说明").fill("经评估继续适用");
    await row.getByRole("button", { name: "保存" }).click();
    await expect(row.getByText("已保存清理意见")).toBeVisible();
  });

  await test.step("the .xlsx carries each rule's status and proposed action", async () => {
    const [download] = await Promise.all([coordinator.waitForEvent("download"), coordinator.getByRole("link", { name: "导出 Excel" }).click()]);
    expect(download.suggestedFilename()).toBe(`${YEAR}年度制度清理清单.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet("制度清理")!;
    const rows = sheet.getSheetValues() as unknown[][];
    const find = (title: string) => rows.find((r) => Array.isArray(r) && r[2] === title)!;
    expect(find(PROPOSED)[6]).toBe("现行有效");
    expect(find(PROPOSED)[9]).toBe("修订");
    expect(find(PROPOSED)[10]).toBe(`科室建议：${REASON}`);
    expect(find(KEPT)[6]).toBe("现行有效");
    expect(find(KEPT)[9]).toBe("保留");
    expect(find(KEPT)[10]).toBe("经评估继续适用");
  });

  await test.step("the office sees the decision on the rule's page and in its notices", async () => {
    await staff.goto(ruleUrl);
    await expect(staff.getByTestId("proposal-list")).toContainText("已采纳");
    await staff.goto("/notifications");
    await expect(staff.getByText(`修订建议已采纳：《${PROPOSED}》`).first()).toBeVisible();
  });
});
