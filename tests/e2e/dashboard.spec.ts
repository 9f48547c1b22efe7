import { expect, test, type Page } from "@playwright/test";
import JSZip from "jszip";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { login } from "./helpers";

/** A calendar day in Beijing, n days from now, as yyyy-mm-dd. */
function beijingDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

function collectCspErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to/i.test(msg.text())) errors.push(msg.text());
  });
  return errors;
}

test.describe.serial("dashboard, 催办 and 反馈", () => {
  let pointPath = "";

  test("the leader sees the current plan's lights and drills into the 滞后 point", async ({ page }) => {
    const cspErrors = collectCspErrors(page);
    await login(page, "leader");
    await expect(page.getByRole("heading", { name: `工作看板 · ${YEAR}年` })).toBeVisible();
    await expect(page.getByTestId("overall-rate")).toHaveText(/%$/);
    await expect(page.getByTestId("status-count-BEHIND")).toContainText("滞后");

    const cell = page.getByTestId("point-cell-1");
    await expect(cell).toHaveAttribute("data-status", "BEHIND");
    await expect(cell).toContainText("滞后");

    const row = page.getByTestId("attention-row-1");
    await expect(row).toContainText("综合科");
    await expect(row.getByTestId("attention-actual")).toHaveText("专题学习 0/4次");
    await expect(row.getByTestId("attention-actual")).toHaveAttribute("href", new RegExp(`^/ledger\\?year=${YEAR}&pointId=\\d+&targetId=\\d+&status=APPROVED$`));
    await expect(page.getByTestId("pending-review")).toHaveText(/\d+ 条/);
    await expect(page.getByTestId("pending-review").locator("xpath=ancestor::a")).toHaveAttribute("href", `/ledger?year=${YEAR}&status=SUBMITTED`);

    // Charts are drawn (canvas) and the page keeps to its CSP (no inline style attributes).
    for (const id of ["chart-sections", "chart-offices", "chart-activity"]) await expect(page.locator(`[data-testid=${id}] canvas`).first()).toBeVisible();
    await expect(page.getByTestId("comparison")).toContainText("上年同期");
    expect(cspErrors).toEqual([]);

    await cell.click();
    await expect(page).toHaveURL(/\/points\/\d+$/);
    pointPath = new URL(page.url()).pathname;
    await expect(page.getByTestId("point-status")).toHaveText("滞后");
    await expect(page.getByTestId("point-shortfall")).toHaveText("专题学习已完成0次，距目标4次尚差4次");
    await expect(page.getByTestId("point-ledger-link")).toHaveAttribute("href", new RegExp(`^/ledger\\?year=${YEAR}&pointId=\\d+$`));
  });

  test("the leader sends a 催办; an on-track point cannot be reminded", async ({ page }) => {
    await login(page, "leader");
    await page.goto(pointPath);
    const form = page.locator("form", { has: page.getByRole("button", { name: "发送催办" }) });
    await form.getByLabel("催办内容").fill("专题学习进度滞后，请于12月中旬前完成剩余学习并反馈。");
    await form.getByLabel("要求完成日期").fill(beijingDay(14));
    await form.getByRole("button", { name: "发送催办" }).click();
    await expect(form.getByRole("status")).toHaveText("已向综合科发出催办，已通知 1 人");
    await expect(page.getByTestId("reminder")).toHaveCount(1);
    await expect(page.getByTestId("reminder")).toContainText("待综合科反馈");

    await page.goto("/dashboard");
    await page.getByTestId("point-cell-3").click();
    await expect(page.getByText("只有滞后或逾期的工作要点才能催办")).toBeVisible();
    await expect(page.getByRole("button", { name: "发送催办" })).toHaveCount(0);
  });

  test("staff of the lead office see the bell, open the notification and reply", async ({ page }) => {
    await login(page, "staff-zonghe");
    await expect(page.getByTestId("unread-count")).toHaveText("1");
    await page.goto("/notifications");
    const item = page.getByTestId("notification").first();
    await expect(item).toContainText("督办提醒：第1项");
    await expect(item).toHaveAttribute("data-unread", "true");
    await item.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(new RegExp(`${pointPath}#reminder-\\d+$`));
    await expect(page.getByTestId("unread-count")).toHaveCount(0);

    const form = page.locator("form", { has: page.getByRole("button", { name: "提交反馈" }) });
    await form.getByLabel("反馈内容").fill("已安排12月上旬集中学习两次，月底前完成。");
    await form.getByLabel("预计完成日期").fill(beijingDay(20));
    await form.getByRole("button", { name: "提交反馈" }).click();
    // The reply replaces the form on the reminder.
    await expect(page.getByTestId("reminder-reply")).toContainText("已安排12月上旬集中学习两次");
    await expect(page.getByRole("button", { name: "提交反馈" })).toHaveCount(0);
  });

  test("staff of another office cannot see or reply to it, nor print its 督办单", async ({ page }) => {
    await login(page, "staff-yanjiu");
    await page.goto(pointPath);
    await expect(page.getByRole("heading", { name: "督办记录（0）" })).toBeVisible();
    await expect(page.getByRole("button", { name: "提交反馈" })).toHaveCount(0);
    const reminder = await page.request.get("/api/reminders/1/docx");
    expect(reminder.status()).toBe(404);
  });

  test("the leader sees the reply on the dashboard and downloads the 督办单", async ({ page }) => {
    await login(page, "leader");
    await expect(page.getByTestId("unread-count")).toHaveText("1");
    await expect(page.getByTestId("attention-row-1").getByTestId("reminder-state")).toContainText("已反馈：已安排12月上旬集中学习两次");

    await page.goto(pointPath);
    await expect(page.getByTestId("reminder-reply")).toContainText("张综合");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("supervision-docx").click()]);
    expect(download.suggestedFilename()).toMatch(/^督办单-第1项-.+\.docx$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain("督办单");
    expect(xml).toContain("专题学习已完成0次，距目标4次尚差4次");
    expect(xml).toContain("已安排12月上旬集中学习两次");

    // The download is audited (playwright.config.ts gives the e2e server data/e2e-<port>.db).
    const port = new URL(test.info().project.use.baseURL!).port;
    const db = new Database(path.join(process.cwd(), "data", `e2e-${port}.db`), { readonly: true });
    const audit = db.prepare(`SELECT "username" FROM "AuditLog" WHERE "entity" = 'Reminder' AND "action" = 'export.docx'`).all() as { username: string }[];
    db.close();
    expect(audit.map((a) => a.username)).toContain("leader");
  });
});

test("the dashboard fits a tablet and prints on A4 landscape without navigation", async ({ page }) => {
  await login(page, "viewer");
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.locator("[data-testid=chart-activity] canvas").first()).toBeVisible();
  // Narrowing the window (a tablet turned upright) must shrink the drawn charts with it.
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(page.getByTestId("point-cell-1")).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  // A viewer reads but cannot remind.
  await expect(page.getByRole("link", { name: "催办" })).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
  expect(box).not.toBeNull();
  const [width, height] = [Number(box![1]), Number(box![2])];
  expect(Math.round(width)).toBe(842); // A4 landscape in points
  expect(Math.round(height)).toBe(595);
});

test("STAFF see only their office's points", async ({ page }) => {
  await login(page, "staff-yanjiu");
  await expect(page.getByText("范围：研究室牵头或配合的工作要点")).toBeVisible();
  await expect(page.getByTestId("point-cell-2")).toBeVisible(); // 研究室 leads point 2
  await expect(page.getByTestId("point-cell-1")).toHaveCount(0); // 综合科's, without 研究室
});
