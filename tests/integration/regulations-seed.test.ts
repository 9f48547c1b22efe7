import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { listRegulations, regulationsDueForReview } from "@/lib/regulations/queries";
import { calendarDate } from "@/lib/progress";

const TODAY = calendarDate(2026, 11, 22);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
}, 60_000);
afterAll(async () => t?.cleanup());

describe("the demo 制度库", () => {
  it("holds about thirty rules, one of them revised", async () => {
    expect(await t.db.regulation.count()).toBe(30);
    expect(await t.db.regulation.count({ where: { currentVersion: 2 } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { entity: "Regulation", action: "create" } })).toBe(30);
  });

  it("is searchable by a 2-character word with the passage highlighted", async () => {
    const { rows } = await listRegulations(t.db, { q: "印章" });
    expect(rows[0].title).toBe("XX市政协办公室印章管理规定");
    expect(rows[0].passages[0].pieces.some((p) => p.hit && p.text === "印章")).toBe(true);
  });

  it("lists the rules due for review with their reason", async () => {
    const due = await regulationsDueForReview(t.db, TODAY);
    const byTitle = new Map(due.map((d) => [d.title, d.reason]));
    expect(byTitle.get("XX市政协办公室印章管理规定")).toBe("EXPIRING");
    expect(byTitle.get("XX市政协办公室固定资产管理办法")).toBe("NOT_REVIEWED");
    expect(byTitle.has("XX市政协办公室法治建设工作制度")).toBe(false);
  });
});

describe("review notifications", () => {
  it("tells each coordinator once per due rule", async () => {
    const { notifyDueRegulations } = await import("@/lib/regulations/review-notices");
    const first = await notifyDueRegulations(t.db, TODAY);
    const due = await regulationsDueForReview(t.db, TODAY);
    const coordinators = await t.db.user.count({ where: { role: "COORDINATOR", active: true } });
    expect(first).toBe(due.length * coordinators);
    expect(await notifyDueRegulations(t.db, TODAY)).toBe(0);
    const coordinator = await t.db.user.findUniqueOrThrow({ where: { username: "coordinator" } });
    expect(await t.db.notification.count({ where: { userId: coordinator.id, title: "制度待评估复核：XX市政协办公室印章管理规定" } })).toBe(1);
  });
});
