import { expect, test } from "@playwright/test";
import { as } from "./helpers";

function beijingDay(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function chineseDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

test("制度执行情况评估: the coordinator records one with a rectification 整改中, marks it 已整改 and finds it on the linked point's page", async ({ browser }) => {
  const suffix = String(Date.now()).slice(-6);
  const findings = `抽查涉密文件登记簿，发现3份文件漏登E2E${suffix}`;
  const today = beijingDay();

  const coordinator = await as(browser, "coordinator");
  await coordinator.goto(`/regulations?q=${encodeURIComponent("保密工作制度")}`);
  await coordinator.getByRole("link", { name: "XX市政协办公室保密工作制度" }).first().click();
  await expect(coordinator).toHaveURL(/\/regulations\/\d+$/);
  const url = coordinator.url();
  const section = coordinator.getByTestId("regulation-assessments");

  // Record: 抽查 by 综合科 today, counted for the current plan's point 6, rectification 整改中.
  await section.getByText("记录一次执行情况评估").click();
  const form = section.getByTestId("assessment-new");
  await expect(form.getByLabel("评估科室")).toHaveValue(/\d+/);
  await form.getByLabel("评估方式").selectOption({ label: "抽查" });
  const point6 = await form.locator("#as-point option", { hasText: "第6项" }).first().getAttribute("value");
  await form.getByLabel(/计入工作要点/).selectOption(point6!);
  await form.getByLabel(/发现问题/).fill(findings);
  await form.getByLabel(/整改措施/).fill("补登漏登文件，组织保密登记专题培训");
  await form.getByLabel("整改状态").selectOption({ label: "整改中" });
  await form.getByRole("button", { name: "保存评估记录" }).click();
  await expect(form.getByRole("status")).toHaveText("已记录执行情况评估");

  const row = section.getByTestId("assessment-row").filter({ hasText: findings });
  await expect(row).toContainText("整改中");
  await expect(row).toContainText("抽查");
  await expect(coordinator.getByText(`最近评估复核：${chineseDay(today)}`)).toBeVisible();

  // 整改中 → 已整改 with today's date.
  await row.getByText("更新整改情况").click();
  await row.getByLabel("整改状态").selectOption({ label: "已整改" });
  await row.getByLabel(/整改完成日期/).fill(today);
  await row.getByRole("button", { name: "保存整改情况" }).click();
  await expect(row).toContainText("已整改");
  await expect(row).toContainText(`整改完成 ${chineseDay(today)}`);
  await expect(row.getByText("更新整改情况")).toHaveCount(0);

  // The point it counts for shows it beside the linked rules.
  await row.getByRole("link", { name: /第6项/ }).click();
  await expect(coordinator).toHaveURL(/\/points\/\d+$/);
  const evidence = coordinator.getByTestId("point-assessment").filter({ hasText: findings });
  await expect(evidence).toContainText(`制度执行评估：${chineseDay(today)} 综合科 抽查《XX市政协办公室保密工作制度》`);
  await expect(evidence).toContainText(`已整改`);

  // The responsible office's staff read the record but have no forms.
  const staff = await as(browser, "staff-zonghe");
  await staff.goto(url);
  await expect(staff.getByTestId("assessment-row").filter({ hasText: findings })).toBeVisible();
  await expect(staff.getByText("记录一次执行情况评估")).toHaveCount(0);
  await expect(staff.getByText("更新整改情况")).toHaveCount(0);
});
