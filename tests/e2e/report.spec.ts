import fs from "node:fs";
import mammoth from "mammoth";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const TITLE = "XX市政协办公室2025年法治建设年度工作报告";
const PART2_TEXT = [
  "2025年，机关法治建设工作取得了一定成效，但对照年度工作要点仍存在一些不足。",
  "一是部分要点进度滞后于序时进度；二是制度建设类工作未在时限内完成。",
  "主要原因是统筹调度还不够有力，台账记录和跟踪问效需要进一步加强。",
].join("\n");

test.describe.configure({ mode: "serial" });

/** Accepts the confirm() of 送审 / 定稿, and collects CSP violations (inline styles would show up here). */
function watch(page: Page): string[] {
  const violations: string[] = [];
  page.on("dialog", (dialog) => void dialog.accept());
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("the coordinator generates the 2025 draft, edits part 二 and submits it", async ({ page }) => {
  const violations = watch(page);
  await login(page, "coordinator");
  await page.goto("/reports");
  await expect(page.getByTestId("report-years")).toContainText("2025 年");
  await page.goto("/reports/2025");
  await expect(page.getByTestId("report-empty")).toContainText("尚未生成");
  await page.getByRole("button", { name: "生成初稿" }).click();
  await expect(page.getByTestId("report-title")).toHaveText(TITLE);
  await expect(page.getByTestId("report-status")).toHaveText("草稿");

  // Figures link back to the ledger entries they were counted from.
  const part1 = page.getByTestId("report-part-part1");
  const figure = part1.getByTestId("report-figure").filter({ hasText: "组织专题学习6次" });
  await figure.hover();
  const sources = part1.getByTestId("report-figure-sources");
  await expect(sources).toContainText("6 条台账记录");
  await expect(sources.getByRole("link")).toHaveCount(6);
  await expect(sources.getByRole("link").first()).toHaveAttribute("href", /^\/ledger\/\d+$/);
  await expect(page.getByTestId("report-part-part3")).toContainText("秘书长主持召开法治建设专题会议");
  await expect(page.getByTestId("report-placeholders")).toContainText("二、存在的不足和原因");

  // Edit part 二: version 2 by 李法治, two revisions.
  const part2 = page.getByTestId("report-part-part2");
  await expect(part2.getByTestId("report-part-version")).toContainText("第1版 · 李法治");
  await part2.getByRole("button", { name: "编辑本部分" }).click();
  await part2.getByRole("textbox", { name: "二、存在的不足和原因正文" }).fill(PART2_TEXT);
  await part2.getByRole("button", { name: "保存" }).click();
  await expect(part2.getByRole("status")).toContainText("第2版");
  await expect(part2.getByTestId("report-part-version")).toContainText("第2版 · 李法治");
  await expect(part2.getByTestId("report-content")).toContainText("主要原因是统筹调度还不够有力");
  await expect(part2.getByTestId("report-revisions")).toContainText("修订记录（2）");
  await expect(page.getByTestId("report-placeholders")).not.toContainText("二、存在的不足和原因");

  // The other prompts (parts 一, 三, 四) block 送审 too until they are written.
  for (const key of ["part1", "part3", "part4"]) {
    const part = page.getByTestId(`report-part-${key}`);
    if (!(await part.getByTestId("report-content").innerText()).includes("（请补充")) continue;
    await part.getByRole("button", { name: "编辑本部分" }).click();
    const box = part.getByRole("textbox");
    await box.fill((await box.inputValue()).replace(/（请补充[^）]*）/gu, "已补充。"));
    await part.getByRole("button", { name: "保存" }).click();
    await expect(part.getByRole("status")).toContainText("已保存");
  }
  await expect(page.getByTestId("report-placeholders")).toHaveCount(0);

  // Regenerating the edited part asks first; cancelling keeps the edit.
  await part2.getByRole("button", { name: "重新生成本部分" }).click();
  await expect(part2.getByRole("alert")).toContainText("已人工修改");
  await part2.getByRole("button", { name: "取消" }).click();
  await expect(part2.getByTestId("report-content")).toContainText("主要原因是统筹调度还不够有力");

  await page.getByRole("button", { name: "送审" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("送审");
  await expect(page.getByRole("button", { name: "编辑本部分" })).toHaveCount(0);

  await page.goto("/reports/2025/print");
  await expect(page.getByTestId("report-print")).toContainText("草稿");
  await expect(page.getByTestId("report-print")).toContainText("一、主要举措和成效");
  await expect(page.getByRole("button", { name: "打印 / 另存为 PDF" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the leader finalises the report and downloads the Word file", async ({ page }) => {
  const violations = watch(page);
  await login(page, "leader");
  await page.goto("/reports/2025");
  await expect(page.getByTestId("report-status")).toHaveText("送审");
  await page.getByRole("button", { name: "定稿" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("定稿");
  await expect(page.getByRole("button", { name: "重新打开" })).toBeVisible();
  await expect(page.getByText(/签发日期：\d{4}年\d{1,2}月\d{1,2}日/)).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-export").click()]);
  expect(download.suggestedFilename()).toBe(`${TITLE}.docx`);
  const buffer = fs.readFileSync((await download.path())!);
  expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
  const { value: text } = await mammoth.extractRawText({ buffer });
  expect(text).toContain(TITLE);
  expect(text).toContain("主要原因是统筹调度还不够有力");

  await page.goto("/reports/2025/print");
  await expect(page.getByTestId("report-print")).not.toContainText("草稿");
  expect(violations).toEqual([]);
});

test("a STAFF user is refused the export URL and the reports pages", async ({ page }) => {
  await login(page, "staff-zonghe");
  const response = await page.request.get("/api/export/report?year=2025");
  expect(response.status()).toBe(403);
  expect((await response.json()).message).toBe("您没有执行此操作的权限");
  for (const path of ["/reports", "/reports/2025", "/reports/2025/print"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden/);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  }
});
