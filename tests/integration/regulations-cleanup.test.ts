import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { buildCleanupWorkbook, loadCleanupList, setCleanupAction } from "@/lib/regulations/cleanup";
import { setCleanupActionSchema } from "@/lib/regulations/schemas";
import { calendarDate } from "@/lib/progress";

const TODAY = calendarDate(2026, 11, 22);
let t: TestDb;
const COORDINATOR = { id: null, username: "coordinator", role: "COORDINATOR" };

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
}, 60_000);
afterAll(async () => t?.cleanup());

describe("annual 制度清理", () => {
  it("keeps one proposal per rule and year, changed in place with an audit row each time", async () => {
    const rule = await t.db.regulation.findFirstOrThrow({ where: { title: "XX市政协办公室印章管理规定" } });
    const set = (action: string, note: string) => setCleanupAction(t.db, COORDINATOR, setCleanupActionSchema.parse({ year: "2026", regulationId: String(rule.id), action, note }));
    await set("REVISE", "用印审批改为线上办理");
    await set("KEEP", "");
    expect(await t.db.regulationCleanup.count({ where: { regulationId: rule.id, year: 2026 } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { entity: "Regulation", entityId: String(rule.id), action: "cleanup" } })).toBe(2);
    const list = await loadCleanupList(t.db, 2026);
    expect(list).toHaveLength(30);
    expect(list.find((r) => r.regulationId === rule.id)).toMatchObject({ action: "KEEP", note: "" });
    expect((await loadCleanupList(t.db, 2025)).find((r) => r.regulationId === rule.id)?.action).toBeNull();
  });

  it.each([
    [{ year: "2026", regulationId: "1", action: "DELETE" }, "请选择清理意见"],
    [{ year: "26", regulationId: "1", action: "KEEP" }, "年份无效"],
    [{ year: "2026", regulationId: "1", action: "KEEP", extra: "x" }, ""],
  ])("refuses bad input %j", (input, message) => {
    const parsed = setCleanupActionSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (message) expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });

  it("exports the list as .xlsx with each rule's status and proposal", async () => {
    const rows = await loadCleanupList(t.db, 2026);
    const buffer = await buildCleanupWorkbook(2026, "XX市政协办公室", rows, new Date(Date.UTC(2026, 10, 22, 2)));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("制度清理")!;
    expect(sheet.getCell("A1").value).toBe("XX市政协办公室2026年度制度清理清单");
    expect(sheet.getRow(3).values).toContain("清理意见");
    const seal = (sheet.getSheetValues() as unknown[][]).find((r) => Array.isArray(r) && r[2] === "XX市政协办公室印章管理规定")!;
    expect(seal[6]).toBe("现行有效");
    expect(seal[9]).toBe("保留");
    expect(sheet.rowCount).toBe(3 + rows.length);
  });
});
