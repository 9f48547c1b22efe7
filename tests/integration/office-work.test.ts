/**
 * Issue 20, first-time staff: the home page lists the office's own points (lead and cooperating),
 * unfinished and most urgent first, each with what it still needs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { loadPlanProgress } from "@/lib/progress/queries";
import { officeWork } from "@/lib/dashboard/office-work";
import { STATUS_SEVERITY } from "@/lib/progress";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: true });
});
afterAll(async () => t.cleanup());

describe("officeWork", () => {
  it("lists exactly the office's lead and cooperating points, unfinished and most urgent first", async () => {
    const office = await t.db.office.findFirstOrThrow({ where: { name: "综合科" } });
    const data = (await loadPlanProgress(t.db, 2025))!;
    const rows = officeWork(data, office.id);
    const points = await t.db.workPoint.findMany({
      where: { plan: { year: 2025 }, OR: [{ leadOfficeId: office.id }, { supportOffices: { some: { officeId: office.id } } }] },
      select: { id: true, leadOfficeId: true },
    });
    expect(rows.map((r) => r.pointId).sort((a, b) => a - b)).toEqual(points.map((p) => p.id).sort((a, b) => a - b));
    for (const r of rows) {
      expect(r.part).toBe(points.find((p) => p.id === r.pointId)!.leadOfficeId === office.id ? "牵头" : "配合");
      expect(r.needs.length).toBeGreaterThan(0);
      expect(r.recordHref).toBe(`/ledger/new?pointId=${r.pointId}`);
    }
    const firstDone = rows.findIndex((r) => r.status === "DONE");
    if (firstDone >= 0) expect(rows.slice(firstDone).every((r) => r.status === "DONE")).toBe(true);
    const open = rows.filter((r) => r.status !== "DONE");
    for (let i = 1; i < open.length; i += 1) expect(STATUS_SEVERITY[open[i - 1].status]).toBeGreaterThanOrEqual(STATUS_SEVERITY[open[i].status]);
  });
});
