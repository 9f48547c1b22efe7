import { expect, test } from "@playwright/test";
import { Document, Packer, Paragraph } from "docx";
import { login } from "./helpers";

/** A rule as a Word file, the way an office would upload it. */
async function ruleDocx(title: string): Promise<Buffer> {
  const lines = [
    title,
    "第一章　总则",
    "第一条　为规范机关印泥和印台的保管使用，制定本办法。",
    "第二条　本办法适用于机关各科室。",
    "第二章　保管",
    "第三条　琥珀色印泥由综合科统一采购、登记和保管，每季度清点一次。",
    "第四条　本办法自印发之日起施行。",
  ];
  const doc = new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

function beijingDay(monthsAhead = 0): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCMonth(d.getUTCMonth() + monthsAhead);
  return d.toISOString().slice(0, 10);
}

test("制度库: the coordinator uploads and revises a rule; staff find it by a 2-character word; it is due for review on the dashboard", async ({ browser }) => {
  const suffix = String(Date.now()).slice(-6);
  const title = `XX市政协办公室印泥管理办法E2E${suffix}`;

  // The coordinator uploads a .docx rule whose validity ends in 5 months.
  const coordinator = await browser.newPage();
  await login(coordinator, "coordinator");
  await coordinator.goto("/regulations/new");
  await coordinator.getByLabel("制度名称").fill(title);
  await coordinator.getByLabel("类别").fill("机关内部管理制度");
  await coordinator.getByLabel("文号").fill(`X政协办发〔2026〕E${suffix}号`);
  await coordinator.getByLabel(/有效期至/).fill(beijingDay(5));
  await coordinator.getByLabel(/制度文件/).setInputFiles({
    name: "印泥管理办法.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: await ruleDocx(title),
  });
  await coordinator.getByRole("button", { name: "保存制度" }).click();
  await expect(coordinator).toHaveURL(/\/regulations\/\d+$/);
  const url = coordinator.url();
  await expect(coordinator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(coordinator.locator("#art-3")).toContainText("琥珀色印泥由综合科统一采购");
  await expect(coordinator.getByTestId("regulation-due")).toContainText("有效期将在6个月内届满");

  // The rule due in 5 months shows on the coordinator's dashboard.
  await coordinator.goto("/dashboard");
  await expect(coordinator.getByTestId("regulations-due").getByRole("link", { name: title })).toBeVisible();
  await coordinator.goto(url);

  // 修订: a new version (its validity starts again); the old one stays and the difference is shown article by article.
  await coordinator.getByText("修订（生成新版本，原版本保留）").click();
  const revise = coordinator.getByTestId("regulation-revise-form");
  await revise.getByLabel(/粘贴制度全文/).fill(
    [title, "第一条　为规范机关印泥和印台的保管使用，制定本办法。", "第二条　本办法适用于机关各科室。", "第三条　琥珀色印泥由综合科统一采购、登记和保管，每月清点一次。", "第四条　本办法自印发之日起施行。"].join("\n"),
  );
  await revise.getByLabel("修订说明").fill("清点周期改为每月");
  await revise.getByRole("button", { name: "保存修订" }).click();
  await expect(coordinator.getByText("现行版本：第 2 版")).toBeVisible();
  await expect(coordinator.getByTestId("regulation-versions").locator("li")).toHaveCount(2);
  await coordinator.getByRole("link", { name: "与上一版对照" }).click();
  const diff = coordinator.getByTestId("regulation-diff");
  await expect(diff.locator('tr[data-change="changed"]')).toHaveCount(1);
  await expect(diff.locator('tr[data-change="changed"] del')).toHaveText("季度");
  await expect(diff.locator('tr[data-change="changed"] ins')).toHaveText("月");

  // Linked to the plan point that asked for new rules, it shows on that point's page.
  await coordinator.goto(url);
  await coordinator.getByText("复核 / 关联工作要点").click();
  await coordinator.getByLabel(/关联工作要点/).selectOption({ index: 1 });
  await coordinator.getByRole("button", { name: "关联", exact: true }).click();
  const pointLink = coordinator.getByRole("main").getByRole("link", { name: /年 第\d+项/ });
  await expect(pointLink).toBeVisible();
  await pointLink.click();
  await expect(coordinator.getByTestId("point-regulations")).toContainText(title);


  // A staff member finds it by a 2-character word and opens the article.
  const staff = await browser.newPage();
  await login(staff, "staff-zonghe");
  await staff.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "制度库" }).click();
  await staff.getByLabel(/检索/).fill("琥珀");
  await staff.getByRole("button", { name: "检索" }).click();
  await expect(staff).toHaveURL(/\/regulations\?q=%E7%90%A5%E7%8F%80/);
  const result = staff.getByTestId("regulation-result").filter({ hasText: title });
  await expect(result.locator("mark").first()).toHaveText("琥珀");
  await result.getByRole("link", { name: title }).click();
  await expect(staff).toHaveURL(url);
  await staff.locator("#art-3").getByRole("link", { name: "第三条" }).click();
  await expect(staff).toHaveURL(`${url}#art-3`);
  await expect(staff.locator("#art-3")).toContainText("每月清点一次");
  // Staff read but do not maintain.
  await expect(staff.getByText("修订（生成新版本，原版本保留）")).toHaveCount(0);
});
