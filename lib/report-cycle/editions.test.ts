import { describe, expect, it } from "vitest";
import { editionFileName, parseEdition, submissionHeader } from "./editions";
import { escapeHtml, publicReportHtml } from "./public-html";

describe("editions", () => {
  const cases: [string | null, string | null][] = [
    [null, "working"],
    ["", "working"],
    ["submit", "submit"],
    ["public", "public"],
    ["SUBMIT", null],
    ["internal", null],
  ];
  it.each(cases)("parseEdition(%j) = %j", (value, expected) => expect(parseEdition(value)).toBe(expected));

  it("names the edition in the file name", () => {
    expect(editionFileName("报告.docx", "submit")).toBe("报告（报送版）.docx");
    expect(editionFileName("报告.docx", "public")).toBe("报告（公开版）.docx");
    expect(editionFileName("报告.docx", "working")).toBe("报告.docx");
  });

  it("the 红头 only when the settings ask for it, its text else the 署名", () => {
    const base = { addressee: " 中共XX市委全面依法治市委员会办公室 ", redHeader: false, redHeaderText: "" };
    expect(submissionHeader(base, "王秘书长", "XX市政协办公室")).toEqual({ addressee: "中共XX市委全面依法治市委员会办公室", issuer: "王秘书长", redHeader: null });
    expect(submissionHeader({ ...base, redHeader: true }, "王秘书长", "XX市政协办公室").redHeader).toBe("XX市政协办公室");
    expect(submissionHeader({ ...base, redHeader: true, redHeaderText: "政协XX市委员会办公室" }, "王秘书长", "X").redHeader).toBe("政协XX市委员会办公室");
  });
});

describe("publicReportHtml", () => {
  const report = {
    year: 2025,
    title: "XX市政协办公室2025年法治建设年度工作报告",
    preface: "现将有关情况报告如下。",
    parts: [{ heading: "一、主要举措和成效", content: "（一）强化学习\n开展学习<script>alert(1)</script>6次。" }],
    signature: "XX市政协办公室",
    date: new Date("2026-02-10T00:00:00Z"),
  };
  it("is an accessible page: language, headings, escaped text, the nonce on its stylesheet", () => {
    const html = publicReportHtml(report, "abc123==");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<h1><span>XX市政协办公室</span><span>2025年法治建设年度工作报告</span></h1>");
    expect(html).toContain("<h2>一、主要举措和成效</h2>");
    expect(html).toContain('<p class="keep"><span class="l2">（一）强化学习</span></p>');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script");
    expect(html).toContain('<style nonce="abc123==">');
    expect(html).toContain("2026年2月10日");
  });
  it("drops a nonce that is not base64", () => {
    expect(publicReportHtml(report, '"><script>')).toContain("<style>");
  });
  it("escapes the five HTML characters", () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"));
});
