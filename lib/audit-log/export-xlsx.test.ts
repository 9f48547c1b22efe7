import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildAuditWorkbook, type AuditExportRow } from "./export-xlsx";

const row = (over: Partial<AuditExportRow>): AuditExportRow => ({
  id: 1,
  at: new Date("2026-12-04T01:02:03Z"),
  username: "auditor",
  role: "AUDITOR",
  ip: "10.0.0.8",
  entity: "Auth",
  entityId: "auditor",
  action: "login.success",
  before: null,
  after: null,
  ...over,
});

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe("buildAuditWorkbook", () => {
  it("writes one row per record with China time, labels and the client address", async () => {
    const buffer = await buildAuditWorkbook(
      [row({}), row({ id: 2, username: "admin", role: "ADMIN", entity: "User", entityId: "7", action: "update", before: '{"a":1}', after: '{"a":2}' })],
      { filterText: "操作：登录", exportedBy: "周审计（auditor）", exportedAt: new Date("2026-12-04T02:00:00Z") },
    );
    const workbook = await read(buffer);
    const sheet = workbook.getWorksheet("审计日志")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "序号", "时间", "账户", "角色", "来源地址", "对象", "对象编号", "操作", "修改前", "修改后"]);
    expect(sheet.getRow(2).values).toEqual([undefined, 1, "2026/12/04 09:02:03", "auditor", "安全审计员", "10.0.0.8", "登录", "auditor", "登录成功", "", ""]);
    expect(sheet.getRow(3).getCell(8).value).toBe("修改");
    expect(sheet.getRow(3).getCell(10).value).toBe('{"a":2}');
    expect(sheet.rowCount).toBe(3);
    const about = workbook.getWorksheet("导出说明")!;
    expect(about.getRow(3).values).toEqual([undefined, "筛选条件", "操作：登录"]);
    expect(about.getRow(4).values).toEqual([undefined, "记录数", 2]);
  });

  it("clips a change too long for one Excel cell instead of failing", async () => {
    const buffer = await buildAuditWorkbook([row({ after: "x".repeat(40_000) })], { filterText: "", exportedBy: "a", exportedAt: new Date() });
    const cell = String((await read(buffer)).getWorksheet("审计日志")!.getRow(2).getCell(10).value);
    expect(cell.length).toBeLessThan(32_100);
    expect(cell.endsWith("（已截断）")).toBe(true);
  });
});
