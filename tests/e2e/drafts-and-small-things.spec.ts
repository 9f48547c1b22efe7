/**
 * Issue 20, "Drafts stay drafts" and "Small things": a plan saved as 草稿 is seen by the 法治办
 * only until 发布 (year switcher, /plans/<year>, dashboard, ledger, reports); the 催办 form's
 * 要求完成日期; the Chinese not-found page; /favicon.ico; the ledger .xlsx title row and scope.
 * Uses plan year 2038, which no other spec uses.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, as } from "./helpers";

const DRAFT_YEAR = "2038";
const FIXTURE = fs.readFileSync(path.resolve(__dirname, "../fixtures/rule-of-law-plan-2025.txt"), "utf8");
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
/** See tests/e2e/dashboard.spec.ts: point 8 of the current plan is 滞后 whatever the date. */
const BEHIND_POINT = 8;

function beijingDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function openDb() {
  const port = new URL(test.info().project.use.baseURL!).port;
  return new Database(path.join(process.cwd(), "data", `e2e-${port}.db`), { readonly: true });
}

/** What a reader sees of the draft year: switcher, plan list, year page, dashboard, ledger and report lists. */
async function expectDraftHidden(page: Page, hidden: boolean) {
  await page.goto("/dashboard");
  const switcher = page.getByRole("navigation", { name: "年度" });
  await expect(switcher.getByRole("link", { name: `${DRAFT_YEAR}年` })).toHaveCount(hidden ? 0 : 1);
  await page.goto(`/dashboard?year=${DRAFT_YEAR}`);
  if (hidden) await expect(page.getByRole("heading", { level: 1 })).not.toContainText(DRAFT_YEAR);
  else await expect(page.getByRole("heading", { level: 1 })).toHaveText(`工作看板 · ${DRAFT_YEAR}年`);

  await page.goto("/plans");
  await expect(page.getByTestId(`plan-row-${DRAFT_YEAR}`)).toHaveCount(hidden ? 0 : 1);
  const response = await page.goto(`/plans/${DRAFT_YEAR}`);
  if (hidden) {
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    // Exactly what a year without any plan shows.
    await page.goto("/plans/2039");
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  } else {
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(DRAFT_YEAR);
  }
}

test.describe.configure({ mode: "serial" });

test("a draft plan is the 法治办's until 发布: leader and staff see it nowhere, then everywhere", async ({ browser }) => {
  const coordinator = await as(browser, "coordinator");
  coordinator.on("dialog", (dialog) => void dialog.accept());

  await test.step("the coordinator imports a plan for 2038 and saves it as 草稿", async () => {
    await coordinator.goto("/plans/import");
    await coordinator.getByLabel("要点全文").fill(FIXTURE);
    await coordinator.getByRole("button", { name: "解析文本" }).click();
    await expect(coordinator.getByTestId("parse-summary")).toContainText("12 条要点");
    await coordinator.getByLabel("年度").fill(DRAFT_YEAR);
    await coordinator.getByLabel("年度").blur();
    // The year never edits the wording: the coordinator corrects the title's year.
    const title = coordinator.getByLabel("标题", { exact: true });
    await title.fill((await title.inputValue()).replace("2025", DRAFT_YEAR));
    await coordinator.getByRole("button", { name: "保存为草稿" }).click();
    await expect(coordinator).toHaveURL(new RegExp(`/plans/${DRAFT_YEAR}\\?saved=1`));
    await expect(coordinator.getByTestId("plan-status")).toHaveText("草稿");
    await expect(coordinator.getByTestId("draft-visibility")).toContainText("草稿仅法治办和系统管理员可见");
  });

  await test.step("the coordinator sees the draft in the switcher, the plan list and on the dashboard", async () => {
    await expectDraftHidden(coordinator, false);
  });

  const leader = await as(browser, "leader");
  const staff = await as(browser, "staff-zonghe");
  const viewer = await as(browser, "viewer");

  await test.step("leader, staff and viewer do not see it, and a draft year is a missing year", async () => {
    for (const page of [leader, staff, viewer]) await expectDraftHidden(page, true);
    await leader.goto("/reports");
    await expect(leader.getByTestId("report-years")).not.toContainText(`${DRAFT_YEAR} 年`);
    await staff.goto("/ledger");
    await expect(staff.locator("select[name=year] option", { hasText: DRAFT_YEAR })).toHaveCount(0);
    const exported = await staff.request.get(`/api/export/ledger?year=${DRAFT_YEAR}`);
    expect(exported.status()).toBe(404);
    expect((await exported.json()).message).toBe(`${DRAFT_YEAR}年没有工作要点`);
  });

  await test.step("a point of the draft is not found for staff, even by its id", async () => {
    const db = openDb();
    const point = db.prepare(`SELECT w."id" FROM "WorkPoint" w JOIN "Plan" p ON p."id" = w."planId" WHERE p."year" = ? AND w."number" = 1`).get(Number(DRAFT_YEAR)) as { id: number };
    db.close();
    const response = await staff.goto(`/points/${point.id}`);
    expect(response?.status()).toBe(404);
    await expect(staff.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await staff.goto(`/ledger/new?pointId=${point.id}`);
    await expect(staff.getByText("工作要点不存在")).toBeVisible();
  });

  await test.step("after 发布 they see it", async () => {
    await coordinator.goto(`/plans/${DRAFT_YEAR}`);
    await coordinator.getByRole("button", { name: "发布", exact: true }).click();
    await expect(coordinator.getByTestId("plan-status")).toHaveText("已发布");
    await expect(coordinator.getByTestId("draft-visibility")).toHaveCount(0);
    for (const page of [leader, staff, viewer]) await expectDraftHidden(page, false);
  });

  for (const page of [coordinator, leader, staff, viewer]) await page.context().close();
});

test("the 催办 form proposes a week from today, never after the point's own deadline", async ({ page }) => {
  const db = openDb();
  const row = db
    .prepare(`SELECT w."id", w."deadline" FROM "WorkPoint" w JOIN "Plan" p ON p."id" = w."planId" WHERE p."year" = ? AND w."number" = ?`)
    .get(YEAR, BEHIND_POINT) as { id: number; deadline: string };
  db.close();
  const deadline = String(row.deadline).slice(0, 10);
  const inAWeek = beijingDay(7);
  const expected = deadline < beijingDay(0) ? inAWeek : deadline < inAWeek ? deadline : inAWeek;
  await login(page, "leader");
  await page.goto(`/points/${row.id}`);
  await expect(page.getByTestId("reminder-requested-by")).toHaveValue(expected);
  expect(expected <= inAWeek).toBe(true);
});

test("unknown pages get the Chinese not-found page with a link home", async ({ page }) => {
  await login(page, "staff-zonghe");
  for (const url of ["/points/abc", "/plans/abc", "/ledger/999999", "/no-such-page", "/points/999999"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "页面不存在" }), url).toBeVisible();
    await expect(page.getByTestId("not-found-home"), url).toHaveAttribute("href", "/");
    await expect(page.getByText("This page could not be found")).toHaveCount(0);
  }
  await page.getByTestId("not-found-home").click();
  await expect(page).toHaveURL(/\/dashboard/);
});

test("/favicon.ico is served", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
  expect((await icon.body()).subarray(0, 4).toString("hex")).toBe("00000100"); // an ICO header
});

test("the ledger .xlsx has a title row and only approved entries unless asked", async ({ page }) => {
  await login(page, "coordinator");
  const read = async (url: string) => {
    const response = await page.request.get(url);
    expect(response.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("工作台账")!;
    const statuses = new Set<string>();
    sheet.eachRow((r, n) => {
      if (n > 3) statuses.add(String(r.getCell(11).value));
    });
    return { title: String(sheet.getRow(1).getCell(1).value), subtitle: String(sheet.getRow(2).getCell(1).value), header: sheet.getRow(3).getCell(1).value, statuses };
  };
  const approved = await read("/api/export/ledger?year=2025");
  expect(approved.title).toBe("XX市政协办公室2025年法治建设工作台账");
  expect(approved.subtitle).toMatch(/^年度：2025年　导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）　范围：仅含审核通过的台账$/);
  expect(approved.header).toBe("序号");
  expect([...approved.statuses]).toEqual(["已通过"]);
  const all = await read("/api/export/ledger?year=2025&include=all");
  expect(all.subtitle).toContain("范围：含未审核的台账");
});
