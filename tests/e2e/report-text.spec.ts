import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

// The current year's demo plan (its report is used by no other spec): its ledger holds an entry
// still 待审核 and a 草稿, and several points without records, so the draft has placeholders.
const YEAR = new Date().getFullYear();

/** Replaces every "（请补充…）" prompt in one part through the editor, as the drafter would. */
async function fillPrompts(page: Page, key: string, replacement: string) {
  const part = page.getByTestId(`report-part-${key}`);
  await part.getByRole("button", { name: "编辑本部分" }).click();
  const box = part.getByRole("textbox");
  const text = await box.inputValue();
  expect(text).toMatch(/（请补充[^）]*）/u);
  await box.fill(text.replace(/（请补充[^）]*）/gu, replacement));
  await part.getByRole("button", { name: "保存" }).click();
  await expect(part.getByRole("status")).toContainText("已保存");
}

test("the coordinator drafts, sees the gaps, fixes the placeholders and only then sends the report for review", async ({ page }) => {
  test.setTimeout(120_000);
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, "coordinator");
  await page.goto(`/reports/${YEAR}`);
  await page.getByRole("button", { name: "生成初稿" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("草稿");

  // Unreviewed entries of the year are listed with their state, linking to the ledger.
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

  for (const key of ["part1", "part2", "part3", "part4"]) {
    if ((await page.getByTestId(`report-part-${key}`).getByTestId("report-content").innerText()).includes("（请补充")) {
      await fillPrompts(page, key, "已按实际情况补充。");
    }
  }
  await expect(page.getByTestId("report-placeholders")).toHaveCount(0);
  await expect(page.getByTestId("report-unreviewed")).toBeVisible();

  await page.getByRole("button", { name: "送审" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("送审");
  await expect(page.getByTestId("report-gaps")).toHaveCount(0);
});
