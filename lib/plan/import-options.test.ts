import { describe, expect, it } from "vitest";
import { importOptionsHeader, parseImportOptionsHeader } from "./import-options";

describe("X-Import-Options", () => {
  it("round-trips a sheet and a column mapping", () => {
    const options = { sheet: "任务分解表", mapping: { columns: ["number", "task", "lead", "ignore"] as const, headerRow: 2 } };
    const header = importOptionsHeader({ sheet: options.sheet, mapping: { columns: [...options.mapping.columns], headerRow: 2 } });
    expect(parseImportOptionsHeader(header)).toEqual({ ok: true, value: { sheet: "任务分解表", mapping: { columns: ["number", "task", "lead", "ignore"], headerRow: 2 } } });
  });

  it("is optional", () => {
    expect(parseImportOptionsHeader(null)).toEqual({ ok: true, value: {} });
    expect(parseImportOptionsHeader("")).toEqual({ ok: true, value: {} });
  });

  it.each([
    ["not JSON", "%7Bnope", "导入选项格式无效"],
    ["bad URI encoding", "%E0%A4%A", "导入选项格式无效"],
    ["an unknown role", encodeURIComponent(JSON.stringify({ mapping: { columns: ["owner"], headerRow: 0 } })), "导入选项无效：请重新选择工作表或列对应"],
    ["an extra key", encodeURIComponent(JSON.stringify({ sheet: "a", planId: 3 })), "导入选项无效：请重新选择工作表或列对应"],
    ["an extra key in the mapping", encodeURIComponent(JSON.stringify({ mapping: { columns: ["task"], headerRow: 0, officeId: 1 } })), "导入选项无效：请重新选择工作表或列对应"],
    ["a fractional header row", encodeURIComponent(JSON.stringify({ mapping: { columns: ["task"], headerRow: 0.5 } })), "导入选项无效：请重新选择工作表或列对应"],
    ["too long", "x".repeat(9000), "导入选项过长"],
  ])("refuses %s", (_name, header, message) => {
    expect(parseImportOptionsHeader(header)).toEqual({ ok: false, message });
  });
});
