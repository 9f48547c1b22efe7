/**
 * Issue 20, "the review loop tells nobody": staff submit → the 法治办 is told and sees it under
 * 待我处理; a return tells the office with the reason; the entry page shows each round in order;
 * the coordinator is not offered 撤回提交 on another office's submission.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, as } from "./helpers";

const YEAR = new Date().getFullYear();
const TITLE = `审核闭环测试 ${Date.now()}`;

test("submitting, returning and approving tell the next person, on their home page and in 消息通知", async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await as(browser, "staff-zonghe");
  await staff.goto("/ledger");
  await staff.getByRole("link", { name: "新增台账" }).click();
  await staff.getByRole("link", { name: "1. 深入学习习近平法治思想" }).click();
  await staff.getByLabel("日期", { exact: true }).fill(`${YEAR}-03-12`);
  await staff.getByLabel("具体工作/活动", { exact: true }).fill(TITLE);
  await staff.getByLabel("活动形式", { exact: true }).selectOption("集中学习");
  await staff.getByRole("button", { name: "保存草稿" }).click();
  await expect(staff).toHaveURL(/\/ledger\/\d+\?created=1/);
  const entryUrl = new URL(staff.url()).pathname;
  await staff.getByRole("button", { name: "提交审核" }).click();
  await expect(staff.getByTestId("status-badge")).toHaveText("待审核");

  const coordinator = await as(browser, "coordinator");
  const tasks = coordinator.getByTestId("my-tasks");
  await expect(tasks.getByRole("link", { name: /待审核台账 \d+ 条/ })).toBeVisible();
  await expect(tasks.getByRole("link", { name: new RegExp(TITLE) })).toBeVisible();
  await coordinator.goto("/notifications");
  await expect(coordinator.getByText(`待审核：综合科提交了第1项台账“${TITLE}”`)).toBeVisible();

  await coordinator.goto(entryUrl);
  // 综合科's submission is withdrawn by 综合科, not by the reviewer.
  await expect(coordinator.getByRole("button", { name: "撤回提交" })).toHaveCount(0);
  await coordinator.getByLabel("退回原因", { exact: true }).fill("请补充参加人数");
  await coordinator.getByRole("button", { name: "退回修改" }).click();
  await expect(coordinator.getByTestId("status-badge")).toHaveText("已退回");

  await staff.goto("/dashboard");
  const staffTasks = staff.getByTestId("my-tasks");
  await expect(staffTasks.getByRole("link", { name: /被退回、待修改的台账 \d+ 条/ })).toBeVisible();
  await expect(staffTasks).toContainText("退回原因：请补充参加人数");
  await staff.goto("/notifications");
  await expect(staff.getByText(`已退回：第1项台账“${TITLE}”`)).toBeVisible();
  await expect(staff.getByText("李法治退回，原因：请补充参加人数。请修改后重新提交。")).toBeVisible();

  await staff.goto(entryUrl);
  await staff.getByRole("button", { name: "提交审核" }).click();
  await expect(staff.getByTestId("status-badge")).toHaveText("待审核");
  const leader = await as(browser, "leader");
  await leader.goto(entryUrl);
  await leader.getByRole("button", { name: "审核通过" }).click();
  await expect(leader.getByTestId("status-badge")).toHaveText("已通过");

  await staff.goto(entryUrl);
  const history = staff.getByTestId("entry-history").getByRole("listitem");
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText("填报");
  await expect(history.nth(1)).toContainText("第1轮审核");
  await expect(history.nth(1)).toContainText("李法治 退回（原因：请补充参加人数）");
  await expect(history.nth(2)).toContainText("第2轮审核");
  await expect(history.nth(2)).toContainText("王秘书长 审核通过");
});
