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
const TODAY = beijingDay(0);

/**
 * The demo seed (lib/seed/demo.ts) makes point 8 of the current plan (综合科, no targets, nothing
 * recorded) due 10 days after the seeding day, so it is 滞后 whatever the date, and point 5
 * 已完成 whatever the date.
 */
const BEHIND_POINT = 8;
const DONE_POINT = 5;

/** "2026年12月12日", as the portal writes dates. */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The e2e server's database (playwright.config.ts gives it data/e2e-<port>.db), read-only. */
function openDb() {
  const port = new URL(test.info().project.use.baseURL!).port;
  return new Database(path.join(process.cwd(), "data", `e2e-${port}.db`), { readonly: true });
}

interface SeedFacts {
  behindPointId: number;
  behindDeadline: string;
  pending: number;
  overallRate: string;
  targetsMet: string;
}

/**
 * The headline figures computed the obvious way from the rows: counted quantities (approved, not
 * deleted, not 协办, dated up to today) per target; a point's rate is the mean of its capped
 * target rates, or 1/0 by its completion mark; the plan's rate is the mean over points.
 */
function seedFacts(): SeedFacts {
  const db = openDb();
  try {
    const plan = db.prepare(`SELECT "id" FROM "Plan" WHERE "year" = ?`).get(YEAR) as { id: number };
    const points = db.prepare(`SELECT "id", "number", "deadline", "completedAt" FROM "WorkPoint" WHERE "planId" = ?`).all(plan.id) as {
      id: number; number: number; deadline: string; completedAt: string | null;
    }[];
    const targets = db
      .prepare(
        `SELECT t."workPointId" AS "pointId", t."value" AS "value",
           COALESCE((SELECT SUM(q."value") FROM "LedgerQuantity" q JOIN "LedgerEntry" e ON e."id" = q."entryId"
             WHERE q."targetId" = t."id" AND e."status" = 'APPROVED' AND e."deletedAt" IS NULL AND e."linkedEntryId" IS NULL
               AND substr(e."date", 1, 10) <= ?), 0) AS "actual"
         FROM "Target" t WHERE t."planId" = ?`,
      )
      .all(TODAY, plan.id) as { pointId: number; value: number; actual: number }[];
    const pending = db.prepare(`SELECT COUNT(*) AS "n" FROM "LedgerEntry" WHERE "year" = ? AND "status" = 'SUBMITTED' AND "deletedAt" IS NULL`).get(YEAR) as { n: number };
    const rates = points.map((p) => {
      const own = targets.filter((t) => t.pointId === p.id);
      if (own.length === 0) return p.completedAt !== null && p.completedAt.slice(0, 10) <= TODAY ? 1 : 0;
      return own.reduce((sum, t) => sum + Math.min(1, t.actual / t.value), 0) / own.length;
    });
    const rate = rates.reduce((a, b) => a + b, 0) / rates.length;
    const behind = points.find((p) => p.number === BEHIND_POINT)!;
    return {
      behindPointId: behind.id,
      behindDeadline: behind.deadline.slice(0, 10),
      pending: pending.n,
      overallRate: `${Math.round(rate * 1000) / 10}%`,
      targetsMet: `${targets.filter((t) => t.actual >= t.value).length}/${targets.length}`,
    };
  } finally {
    db.close();
  }
}

function collectCspErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to/i.test(msg.text())) errors.push(msg.text());
  });
  return errors;
}

test.describe.serial("dashboard, 催办 and 反馈", () => {
  let pointPath = "";
  let reminderId = 0;
  let shortfall = "";

  test("the leader sees the current plan's lights and figures and drills into the 滞后 point", async ({ page }) => {
    const cspErrors = collectCspErrors(page);
    const facts = seedFacts();
    shortfall = `该项工作尚未完成，完成时限为${chineseDate(facts.behindDeadline)}`;
    await login(page, "leader");
    await expect(page.getByRole("heading", { name: `工作看板 · ${YEAR}年` })).toBeVisible();
    await expect(page.getByTestId("overall-rate")).toHaveText(facts.overallRate);
    await expect(page.getByTestId("targets-met")).toHaveText(facts.targetsMet);
    await expect(page.getByTestId("pending-review")).toHaveText(`${facts.pending} 条`);
    expect(facts.pending).toBeGreaterThan(0);
    await expect(page.getByTestId("pending-review").locator("xpath=ancestor::a")).toHaveAttribute("href", `/ledger?year=${YEAR}&status=SUBMITTED`);

    // The status tiles count the lights of the grid below (all 12 points shown), at least the seeded 滞后 one.
    const cells = page.locator("[data-testid^=point-cell-]");
    await expect(cells).toHaveCount(12);
    const behindCells = await page.locator("[data-testid^=point-cell-][data-status=BEHIND]").count();
    expect(behindCells).toBeGreaterThan(0);
    await expect(page.getByTestId("status-count-BEHIND")).toHaveText(String(behindCells));
    const doneCells = await page.locator("[data-testid^=point-cell-][data-status=DONE]").count();
    await expect(page.getByTestId("status-count-DONE")).toHaveText(String(doneCells));
    // Its ledger link lists the entries of exactly those points.
    const behindLedger = new URL((await page.getByTestId("status-ledger-BEHIND").getAttribute("href"))!, "http://portal");
    expect(behindLedger.pathname).toBe("/ledger");
    expect(behindLedger.searchParams.get("year")).toBe(String(YEAR));
    const behindIds = behindLedger.searchParams.get("pointIds")!.split(",").map(Number);
    expect(behindIds).toHaveLength(behindCells);
    expect(behindIds).toContain(facts.behindPointId);

    const cell = page.getByTestId(`point-cell-${BEHIND_POINT}`);
    await expect(cell).toHaveAttribute("data-status", "BEHIND");
    await expect(cell).toContainText("滞后");
    await expect(page.getByTestId(`point-cell-${DONE_POINT}`)).toHaveAttribute("data-status", "DONE");

    const row = page.getByTestId(`attention-row-${BEHIND_POINT}`);
    await expect(row).toContainText("综合科");
    await expect(row).toContainText(chineseDate(facts.behindDeadline));
    await expect(row).toContainText(shortfall);
    // The counted entries of the point: approved, no 协办, dated up to today (while the year runs).
    const to = TODAY.endsWith("-12-31") ? "" : `&to=${TODAY}`;
    await expect(row.getByTestId("attention-actual")).toHaveAttribute("href", `/ledger?year=${YEAR}&pointId=${facts.behindPointId}&status=APPROVED&counted=1${to}`);

    // Charts are drawn (canvas) and the page keeps to its CSP (no inline style attributes).
    for (const id of ["chart-sections", "chart-offices", "chart-activity"]) await expect(page.locator(`[data-testid=${id}] canvas`).first()).toBeVisible();
    await expect(page.getByTestId("comparison")).toContainText("上年同期");
    expect(cspErrors).toEqual([]);

    await cell.click();
    await expect(page).toHaveURL(new RegExp(`/points/${facts.behindPointId}$`));
    pointPath = new URL(page.url()).pathname;
    await expect(page.getByTestId("point-status")).toHaveText("滞后");
    await expect(page.getByTestId("point-shortfall")).toHaveText(shortfall);
    await expect(page.getByTestId("point-ledger-link")).toHaveAttribute("href", `/ledger?year=${YEAR}&pointId=${facts.behindPointId}`);
  });

  test("the leader sends a 催办; a finished point cannot be reminded", async ({ page }) => {
    await login(page, "leader");
    await page.goto(pointPath);
    const form = page.locator("form", { has: page.getByRole("button", { name: "发送催办" }) });
    await form.getByLabel("催办内容").fill("制度信息化建设进度滞后，请于完成时限前完成并反馈。");
    await form.getByLabel("要求完成日期").fill(beijingDay(14));
    await form.getByRole("button", { name: "发送催办" }).click();
    await expect(form.getByRole("status")).toHaveText("已向综合科发出催办，已通知 1 人");
    await expect(page.getByTestId("reminder")).toHaveCount(1);
    await expect(page.getByTestId("reminder")).toContainText("待综合科反馈");

    const db = openDb();
    const pointId = Number(pointPath.split("/").pop());
    const sent = db.prepare(`SELECT "id" FROM "Reminder" WHERE "workPointId" = ? ORDER BY "id" DESC`).all(pointId) as { id: number }[];
    db.close();
    expect(sent).toHaveLength(1);
    reminderId = sent[0].id;

    await page.goto("/dashboard");
    await page.getByTestId(`point-cell-${DONE_POINT}`).click();
    await expect(page.getByText("该工作要点当前状态为“已完成”，只有滞后或逾期的工作要点才能催办")).toBeVisible();
    await expect(page.getByRole("button", { name: "发送催办" })).toHaveCount(0);
  });

  test("staff of the lead office see the bell, open the notification and reply", async ({ page }) => {
    await login(page, "staff-zonghe");
    await expect(page.getByTestId("unread-count")).toHaveText("1");
    await page.goto("/notifications");
    const item = page.getByTestId("notification").first();
    await expect(item).toContainText(`督办提醒：第${BEHIND_POINT}项`);
    await expect(item).toHaveAttribute("data-unread", "true");
    await item.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(new RegExp(`${pointPath}#reminder-${reminderId}$`));
    await expect(page.getByTestId("unread-count")).toHaveCount(0);

    const form = page.locator("form", { has: page.getByRole("button", { name: "提交反馈" }) });
    await form.getByLabel("反馈内容").fill("已安排专人推进平台建设，完成时限前上线。");
    await form.getByLabel("预计完成日期").fill(beijingDay(20));
    await form.getByRole("button", { name: "提交反馈" }).click();
    // The reply replaces the form on the reminder.
    await expect(page.getByTestId("reminder-reply")).toContainText("已安排专人推进平台建设");
    await expect(page.getByRole("button", { name: "提交反馈" })).toHaveCount(0);
  });

  test("staff of another office cannot see or reply to it, nor print its 督办单", async ({ page }) => {
    await login(page, "staff-yanjiu");
    await page.goto(pointPath);
    await expect(page.getByRole("heading", { name: "督办记录（0）" })).toBeVisible();
    await expect(page.getByRole("button", { name: "提交反馈" })).toHaveCount(0);
    expect(reminderId).toBeGreaterThan(0);
    const reminder = await page.request.get(`/api/reminders/${reminderId}/docx`);
    expect(reminder.status()).toBe(404);
  });

  test("the leader sees the reply on the dashboard and downloads the 督办单", async ({ page }) => {
    await login(page, "leader");
    await expect(page.getByTestId("unread-count")).toHaveText("1");
    await expect(page.getByTestId(`attention-row-${BEHIND_POINT}`).getByTestId("reminder-state")).toContainText("已反馈：已安排专人推进平台建设");

    await page.goto(pointPath);
    await expect(page.getByTestId("reminder-reply")).toContainText("张综合");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("supervision-docx").click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^督办单-第${BEHIND_POINT}项-.+\\.docx$`));
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain("督办单");
    expect(xml).toContain(shortfall);
    expect(xml).toContain("已安排专人推进平台建设");

    // The download is audited.
    const db = openDb();
    const audit = db.prepare(`SELECT "username" FROM "AuditLog" WHERE "entity" = 'Reminder' AND "action" = 'export.docx' AND "entityId" = ?`).all(String(reminderId)) as { username: string }[];
    db.close();
    expect(audit.map((a) => a.username)).toContain("leader");
  });
});

test("the dashboard fits a tablet and prints on one or two A4 portrait pages without navigation", async ({ page }) => {
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
  await expect(page.getByTestId("print-time")).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await test.info().attach("dashboard.pdf", { body: pdf, contentType: "application/pdf" });
  const text = pdf.toString("latin1");
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  expect(box).not.toBeNull();
  const [width, height] = [Number(box![1]), Number(box![2])];
  expect(Math.round(width)).toBe(595); // A4 portrait in points
  expect(Math.round(height)).toBe(842);
  const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test("STAFF see only their office's points", async ({ page }) => {
  await login(page, "staff-yanjiu");
  await expect(page.getByText("范围：研究室牵头或配合的工作要点")).toBeVisible();
  await expect(page.getByTestId("point-cell-2")).toBeVisible(); // 研究室 leads point 2
  await expect(page.getByTestId("point-cell-1")).toHaveCount(0); // 综合科's, without 研究室
});
