/**
 * The statutory cycle of the annual report (issue 16) on the current year's plan (2026 in the demo,
 * so it does not meet report.spec.ts's 2025 report): the coordinator drafts, sees the gaps (unreviewed
 * entries, placeholders that block 送审), edits the opening, fills the gaps and sends it for
 * review, the deputy returns it with a comment the coordinator reads, the principal leader signs,
 * the 保密审查 runs its three steps, the public page appears, and the 报送 .docx carries 主送机关 and 签发人.
 */
import fs from "node:fs";
import JSZip from "jszip";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const YEAR = new Date().getFullYear();

test.describe.configure({ mode: "serial" });

function acceptDialogs(page: Page) {
  page.on("dialog", (dialog) => void dialog.accept());
}

async function logout(page: Page) {
  await page.context().clearCookies();
}

test("coordinator 送审, deputy returns with a comment, principal leader signs, 保密审查, public page", async ({ page }) => {
  test.setTimeout(300_000);
  acceptDialogs(page);

  // Before anything: the public page is not there.
  expect((await page.request.get(`/public/reports/${YEAR}`)).status()).toBe(404);

  await login(page, "coordinator");
  await expect(page.getByTestId("report-deadlines")).toBeVisible();
  await page.goto(`/reports/${YEAR}`);
  await page.getByRole("button", { name: "生成初稿" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("草稿");

  // Before 送审 the drafter sees the gaps (the demo year holds an entry still 待审核 and a 草稿, and
  // points without records): unreviewed entries are listed, linking to the ledger.
  const unreviewed = page.getByTestId("report-unreviewed");
  await expect(unreviewed).toContainText("尚未审核通过，未计入报告");
  await expect(unreviewed).toContainText("专题学习：新年度法治建设工作部署（待审核）");
  await expect(unreviewed).toContainText("修订法治建设工作制度（征求意见稿）（草稿未提交）");
  await expect(unreviewed.getByRole("link").first()).toHaveAttribute("href", /^\/ledger\/\d+$/);

  // Placeholders are listed, and 送审 is refused while any remains.
  const placeholders = page.getByTestId("report-placeholders");
  await expect(placeholders).toContainText("三、党政主要负责人履行推进法治建设第一责任人职责情况：（请补充：");
  await page.getByRole("button", { name: "送审" }).click();
  await expect(page.getByTestId("report-workflow").getByRole("alert")).toContainText("以下部分仍有待补充的内容，请完善后再送审");
  await expect(page.getByTestId("report-status")).toHaveText("草稿");

  // The opening paragraph is edited like a part.
  const preface = page.getByTestId("report-part-preface");
  await preface.getByRole("button", { name: "编辑本部分" }).click();
  await preface.getByRole("textbox").fill(`${YEAR}年，本办认真落实年度法治建设工作要点。现将有关情况报告如下。`);
  await preface.getByRole("button", { name: "保存" }).click();
  await expect(preface.getByRole("status")).toContainText("已保存“开头语”");
  await expect(preface.getByTestId("report-content")).toContainText("本办认真落实年度法治建设工作要点");

  // Fill every "（请补充…）" the draft left, part by part.
  for (const key of ["part1", "part2", "part3", "part4", "part5"]) {
    const part = page.getByTestId(`report-part-${key}`);
    if ((await part.count()) === 0) continue;
    if (!(await part.getByTestId("report-content").innerText()).includes("请补充")) continue;
    await part.getByRole("button", { name: "编辑本部分" }).click();
    const box = part.getByRole("textbox");
    const text = (await box.inputValue()).replace(/（请补充[^）]*）/gu, "已按要求补充。");
    await box.fill(text);
    await part.getByRole("button", { name: "保存" }).click();
    await expect(part.getByRole("status")).toContainText("已保存");
  }
  await expect(page.getByTestId("report-placeholders")).toHaveCount(0);
  await expect(page.getByTestId("report-unreviewed")).toBeVisible();
  await page.getByRole("button", { name: "送审" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("送审");
  await expect(page.getByTestId("report-gaps")).toHaveCount(0);
  await logout(page);

  // The deputy may not sign; returns with a comment.
  await login(page, "deputy");
  await page.goto(`/reports/${YEAR}`);
  await expect(page.getByTestId("report-status")).toHaveText("送审");
  await expect(page.getByRole("button", { name: /定稿/ })).toHaveCount(0);
  await page.getByTestId("report-return-comment").fill("第三部分请补充主要负责人述法情况");
  await page.getByRole("button", { name: "退回草稿" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("草稿");
  await logout(page);

  // The coordinator reads the comment (page and notification) and sends it again.
  await login(page, "coordinator");
  await page.goto(`/reports/${YEAR}`);
  await expect(page.getByTestId("report-return-note")).toContainText("陈副秘书长退回");
  await expect(page.getByTestId("report-return-note")).toContainText("第三部分请补充主要负责人述法情况");
  await page.goto("/notifications");
  await expect(page.getByText(`已退回：${YEAR}年度法治建设报告`).first()).toBeVisible();
  await page.goto(`/reports/${YEAR}`);
  await page.getByRole("button", { name: "送审" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("送审");
  await logout(page);

  // The principal leader signs with a chosen date, which becomes the 落款日期.
  await login(page, "leader");
  await page.goto(`/reports/${YEAR}`);
  await page.getByTestId("report-sign-date-input").fill(`${YEAR + 1}-02-10`);
  await page.getByRole("button", { name: "审定签发（定稿）" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("定稿");
  await expect(page.getByTestId("report-signoff")).toContainText("已由王秘书长审定签发");
  await expect(page.getByTestId("report-sign-date")).toContainText(`${YEAR + 1}年2月10日`);
  await expect(page.getByTestId("secrecy-next")).toContainText("待初审");

  // The 报送 version: 签发人 and 主送机关.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-export-submit").click()]);
  expect(download.suggestedFilename()).toContain("报送版");
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const xml = await zip.file("word/document.xml")!.async("string");
  const text = xml.replace(/<[^>]+>/g, "");
  expect(text).toContain("签发人：王秘书长");
  expect(text).toContain("中共XX市委全面依法治市委员会办公室：");
  expect(text).toContain(`${YEAR + 1}年2月10日`);
  await logout(page);

  // 保密审查: 初审 by the 法治办, 复审 by the deputy, 批准 by the principal leader.
  await login(page, "coordinator");
  await page.goto(`/reports/${YEAR}`);
  await page.getByTestId("secrecy-opinion").fill("初审：不涉及国家秘密和工作秘密");
  await page.getByRole("button", { name: "提交初审意见" }).click();
  await expect(page.getByTestId("secrecy-next")).toContainText("待复审");
  await logout(page);

  await login(page, "deputy");
  await page.goto(`/reports/${YEAR}`);
  await page.getByTestId("secrecy-opinion").fill("复审：同意公开");
  await page.getByRole("button", { name: "提交复审意见" }).click();
  await expect(page.getByTestId("secrecy-next")).toContainText("待批准");
  await expect(page.getByTestId("secrecy-opinion")).toHaveCount(0); // the 批准 is the principal's
  await logout(page);

  expect((await page.request.get(`/public/reports/${YEAR}`)).status()).toBe(404);
  await login(page, "leader");
  await page.goto(`/reports/${YEAR}`);
  await page.getByTestId("secrecy-opinion").fill("同意公开");
  await page.getByRole("button", { name: "批准公开" }).click();
  await expect(page.getByTestId("report-public-link")).toBeVisible();
  const record = page.getByTestId("secrecy-record");
  await expect(record).toContainText("初审");
  await expect(record).toContainText("陈副秘书长");
  await expect(record).toContainText("同意公开");
  await logout(page);

  // The public page, without login, without internal addressees.
  await page.goto(`/public/reports/${YEAR}`);
  const body = page.getByTestId("public-report");
  await expect(body.getByRole("heading", { level: 1 })).toContainText(`${YEAR}年法治建设年度工作报告`);
  await expect(body.getByRole("heading", { name: "一、主要举措和成效" })).toBeVisible();
  await expect(body).not.toContainText("签发人");
  await expect(body).not.toContainText("中共XX市委全面依法治市委员会办公室");
});
