/**
 * 督办 (issue 18): staff of the lead office ask for an extension, the leader approves it, and the point
 * page and the dashboard show the new date with "经批准延期至"; the coordinator returns a 办结 with a
 * reason, which the office sees. The fixture is a published plan of its own year (2047, two points led
 * by 综合科), written into the e2e database before the journey so no other spec's data is touched.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

// The machine running the suite may be busy: give each page (first renders included) more time.
const expect = baseExpect.configure({ timeout: 30_000 });

const PLAN_YEAR = 2047;
const EXTEND_TITLE = "督办测试：完善机关合同管理制度";
const CLOSE_TITLE = "督办测试：开展法治宣传月活动";
const ids = { p1: 0, p2: 0 };

/** helpers.ts's login, with this spec's longer wait for the dashboard. */
async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  return page;
}

/** Prisma's SQLite DateTime text. */
const stamp = (date: Date) => date.toISOString().replace("Z", "+00:00");

test.beforeAll(() => {
  const port = new URL(test.info().project.use.baseURL!).port;
  const db = new Database(path.join(process.cwd(), "data", `e2e-${port}.db`));
  try {
    const now = stamp(new Date());
    // Idempotent: a retry (new worker) finds the plan already there.
    const existing = db.prepare(`SELECT w."id", w."number" FROM "WorkPoint" w JOIN "Plan" p ON p."id" = w."planId" WHERE p."year" = ?`).all(PLAN_YEAR) as { id: number; number: number }[];
    if (existing.length === 2) {
      ids.p1 = existing.find((p) => p.number === 1)!.id;
      ids.p2 = existing.find((p) => p.number === 2)!.id;
      return;
    }
    db.transaction(() => {
      const office = db.prepare(`SELECT "id" FROM "Office" WHERE "name" = '综合科'`).get() as { id: number };
      const plan = db
        .prepare(`INSERT INTO "Plan" ("year", "title", "unitName", "preamble", "status", "publishedAt", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, '', 'PUBLISHED', ?, 1, ?, ?)`)
        .run(PLAN_YEAR, `${PLAN_YEAR}年督办测试工作要点`, "测试单位", now, now, now);
      const section = db.prepare(`INSERT INTO "Section" ("planId", "ordinal", "title", "version") VALUES (?, 1, '一、督办测试', 1)`).run(plan.lastInsertRowid);
      const point = db.prepare(
        `INSERT INTO "WorkPoint" ("planId", "sectionId", "number", "title", "text", "leadOfficeId", "deadline", "deadlineText", "responsible", "carriedOver", "version", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, '', ?, ?, ?, '', 0, 1, ?, ?)`,
      );
      ids.p1 = Number(point.run(plan.lastInsertRowid, section.lastInsertRowid, 1, EXTEND_TITLE, office.id, stamp(new Date(Date.UTC(PLAN_YEAR, 5, 30))), "6月底前", now, now).lastInsertRowid);
      ids.p2 = Number(point.run(plan.lastInsertRowid, section.lastInsertRowid, 2, CLOSE_TITLE, office.id, stamp(new Date(Date.UTC(PLAN_YEAR, 8, 30))), "9月底前", now, now).lastInsertRowid);
      // A figure-affecting audit row, as every change writes, so the dashboard's memo sees the new plan.
      db.prepare(`INSERT INTO "AuditLog" ("username", "role", "at", "entity", "entityId", "action", "ip", "affectsFigures") VALUES ('e2e', '', ?, 'Plan', ?, 'create', '', 1)`).run(
        now,
        String(plan.lastInsertRowid),
      );
    })();
  } finally {
    db.close();
  }
});

test("staff ask for an extension, the leader approves, the point page and the dashboard show the new date", async ({ browser }) => {
  test.setTimeout(300_000);
  const staff = await as(browser, "staff-zonghe");
  await staff.goto(`/points/${ids.p1}`);
  const panel = staff.getByTestId("supervision-panel");
  await panel.locator("summary", { hasText: "申请延期" }).click();
  // A date not after the deadline in force is refused with the reason, nothing saved.
  await panel.getByLabel("延期至").fill(`${PLAN_YEAR}-06-15`);
  await panel.getByLabel("延期理由").fill("需等待上级合同示范文本下发后再修订");
  await panel.getByRole("button", { name: "提交延期申请" }).click();
  await expect(panel.getByRole("alert")).toHaveText(`延期后的完成时限应晚于当前完成时限（${PLAN_YEAR}年6月30日）`);
  await expect(panel.getByTestId("extension")).toHaveCount(0);
  // The form is reset after each submission (React form actions): fill it again.
  await panel.getByLabel("延期至").fill(`${PLAN_YEAR}-09-30`);
  await panel.getByLabel("延期理由").fill("需等待上级合同示范文本下发后再修订");
  await panel.getByRole("button", { name: "提交延期申请" }).click();
  // The page shows the request; the form is gone while it is pending.
  await expect(panel.getByTestId("extension-status")).toHaveText("待审批");
  await expect(panel.getByTestId("extension")).toContainText(`申请将完成时限由${PLAN_YEAR}年6月30日延期至${PLAN_YEAR}年9月30日`);
  await expect(panel.locator("summary", { hasText: "申请延期" })).toHaveCount(0);

  const leader = await as(browser, "leader");
  const task = leader.getByTestId("my-tasks").getByTestId("task-extension").filter({ hasText: EXTEND_TITLE });
  await expect(task).toContainText(`申请延期至${PLAN_YEAR}年9月30日`);
  await task.getByRole("link").click();
  const leaderPanel = leader.getByTestId("supervision-panel");
  await expect(leaderPanel.getByTestId("extension-status")).toHaveText("待审批");
  await leaderPanel.getByLabel("审批意见（可选）").fill("同意，请按新时限完成");
  await leaderPanel.getByRole("button", { name: "批准延期" }).click();
  await expect(leaderPanel.getByTestId("extension")).toContainText("批准，意见：同意，请按新时限完成");

  await expect(leader.getByTestId("point-deadline")).toContainText(`${PLAN_YEAR}年9月30日（经批准延期至9月30日，原定${PLAN_YEAR}年6月30日）`);
  await expect(leader.getByTestId("supervision-panel").getByTestId("extension-status")).toHaveText("已批准");
  await leader.goto(`/dashboard?year=${PLAN_YEAR}`);
  await expect(leader.getByTestId("point-cell-1").getByTestId("deadline-note")).toContainText("经批准延期至9月30日");

  await staff.goto(`/dashboard?year=${PLAN_YEAR}`);
  await expect(staff.getByTestId("office-work-row").filter({ hasText: EXTEND_TITLE })).toContainText(`时限 ${PLAN_YEAR}年9月30日（经批准延期至9月30日）`);
  await staff.goto("/notifications");
  await expect(staff.getByText(`延期已批准：第1项“${EXTEND_TITLE}”`)).toBeVisible();
});

test("the coordinator returns a 办结 with a reason, which the office sees", async ({ browser }) => {
  test.setTimeout(300_000);
  const staff = await as(browser, "staff-zonghe");
  await staff.goto(`/points/${ids.p2}`);
  const panel = staff.getByTestId("supervision-panel");
  await expect(panel.getByTestId("closing-state")).toHaveText("进行中");
  await panel.locator("summary", { hasText: "申报办结" }).click();
  await panel.getByLabel("办结情况").fill("宣传月活动已全部开展，材料见台账。");
  await panel.getByRole("button", { name: "申报办结" }).click();
  await expect(staff.getByTestId("closing-state")).toHaveText("办结待审核");
  await expect(panel.getByTestId("closure")).toContainText("待法治办审核");

  const coordinator = await as(browser, "coordinator");
  const task = coordinator.getByTestId("my-tasks").getByTestId("task-closure").filter({ hasText: CLOSE_TITLE });
  await task.getByRole("link").click();
  const coordinatorPanel = coordinator.getByTestId("supervision-panel");
  await coordinatorPanel.getByLabel("退回原因").fill("请补充宣传活动照片");
  await coordinatorPanel.getByRole("button", { name: "退回", exact: true }).click();
  await expect(coordinatorPanel.getByTestId("closing-state")).toHaveText("进行中");
  await expect(coordinatorPanel.getByTestId("closure")).toContainText("退回，原因：请补充宣传活动照片");

  await staff.goto(`/points/${ids.p2}`);
  await expect(staff.getByTestId("closing-state")).toHaveText("进行中");
  await expect(staff.getByTestId("closure-return-reason")).toHaveText("办结申报被退回，原因：请补充宣传活动照片");
  await staff.goto("/dashboard");
  await expect(staff.getByTestId("my-tasks").getByTestId("task-closure-returned").filter({ hasText: CLOSE_TITLE })).toContainText("退回原因：请补充宣传活动照片");
  await staff.goto("/notifications");
  await expect(staff.getByText(`办结已退回：第2项“${CLOSE_TITLE}”`)).toBeVisible();
});

test("the office writes this month's progress note; the coordinator sees who has written", async ({ browser }) => {
  test.setTimeout(300_000);
  // The running month of the current year's demo plan is always open for writing.
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const [y, m] = month.split("-").map(Number);
  const staff = await as(browser, "staff-zonghe");
  await staff.goto(`/supervision/feedback?period=${month}`);
  const row = staff.getByTestId("feedback-row").filter({ hasText: "深入学习习近平法治思想" });
  await expect(row.getByTestId("feedback-state")).toHaveText("未反馈");
  await row.getByLabel(`${y}年${m}月进展情况`).fill("本月组织专题学习一次，下月开展法治培训。");
  await row.getByRole("button", { name: "提交反馈" }).click();
  await expect(row.getByTestId("feedback-state")).toHaveText("已反馈");

  const coordinator = await as(browser, "coordinator");
  await coordinator.goto(`/supervision/feedback?period=${month}`);
  const office = coordinator.getByTestId("feedback-office-row").filter({ hasText: "综合科" });
  await expect(office).toBeVisible();
  await expect(office.locator("td").nth(2)).not.toHaveText("0");
  await expect(office).not.toContainText("深入学习习近平法治思想");
});
