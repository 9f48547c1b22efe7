import { describe, expect, it } from "vitest";
import {
  contentDispositionFor,
  editBlockedReason,
  findPlaceholders,
  formatReportTime,
  normalizeContent,
  parseReportYear,
  prefaceForTitle,
  reportFileName,
  TRANSITIONS,
  transitionBlockedReason,
} from "./workflow";

describe("workflow rules", () => {
  it("edits only drafts", () => {
    expect(editBlockedReason("DRAFT")).toBeNull();
    expect(editBlockedReason("IN_REVIEW")).toMatch(/已送审/);
    expect(editBlockedReason("FINAL")).toMatch(/已定稿/);
    expect(editBlockedReason("???")).toMatch(/异常/);
  });

  it("allows each transition from one status, with the right permission", () => {
    expect(Object.fromEntries(Object.entries(TRANSITIONS).map(([k, r]) => [k, `${r.from}>${r.to}:${r.permission}`]))).toEqual({
      submit: "DRAFT>IN_REVIEW:report:submit",
      finalize: "IN_REVIEW>FINAL:report:finalize",
      return: "IN_REVIEW>DRAFT:report:return",
      reopen: "FINAL>DRAFT:report:reopen",
    });
    expect(transitionBlockedReason("submit", "DRAFT")).toBeNull();
    expect(transitionBlockedReason("finalize", "DRAFT")).toBe("报告当前为“草稿”状态，不能定稿");
    expect(transitionBlockedReason("reopen", "IN_REVIEW")).toBe("报告当前为“送审”状态，不能重新打开");
  });

  it("finds the drafter's placeholders", () => {
    expect(findPlaceholders("不足如下。\n（请补充原因分析）")).toEqual(["（请补充原因分析）"]);
    expect(findPlaceholders("（一）加强学习\n（二）完善制度")).toEqual([]);
  });
});

describe("normalizeContent", () => {
  it("keeps one trimmed paragraph per line and drops blank lines", () => {
    expect(normalizeContent("  （一）标题 \r\n\r\n1.要点。正文\r  \n正文二\n")).toBe("（一）标题\n1.要点。正文\n正文二");
    expect(normalizeContent(" \n \n")).toBe("");
  });
});

describe("prefaceForTitle", () => {
  it("takes the unit from the stored title, else the fallback", () => {
    expect(prefaceForTitle("XX市政协办公室2025年法治建设年度工作报告", 2025, "别的单位")).toMatch(/^2025年，XX市政协办公室坚持/);
    expect(prefaceForTitle("自定义标题", 2025, "YY市政协办公室")).toMatch(/^2025年，YY市政协办公室坚持/);
  });
});

describe("download names", () => {
  it("builds the Chinese file name and an RFC 5987 header", () => {
    const name = reportFileName("XX市政协办公室2025年法治建设年度工作报告");
    expect(name).toBe("XX市政协办公室2025年法治建设年度工作报告.docx");
    const header = contentDispositionFor(name, "annual-report-2025.docx");
    expect(header).toMatch(/^attachment; filename="annual-report-2025\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe(name);
  });

  it("drops characters file systems refuse", () => {
    expect(reportFileName('a/b\\c:"d"<e>|?*\n')).toBe("abcde.docx");
    expect(reportFileName("  ")).toBe("法治建设年度工作报告.docx");
  });

  it("accepts only plausible four-digit years", () => {
    expect(parseReportYear("2025")).toBe(2025);
    for (const bad of [null, "", "25", "20255", "1999", "2101", "2025abc", "２０２５"]) expect(parseReportYear(bad)).toBeNull();
  });

  it("formats times in China time", () => {
    expect(formatReportTime(new Date("2026-01-15T01:05:00Z"))).toBe("2026/1/15 09:05");
  });
});
