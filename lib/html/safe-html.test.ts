import { describe, expect, it } from "vitest";
import { SafeHtml, classAttr, escapeHtml, href, html } from "./safe-html";

describe("escapeHtml", () => {
  it.each([
    ["plain 中文", "plain 中文"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    [`"quoted" and 'single'`, "&quot;quoted&quot; and &#39;single&#39;"],
    ["a & b", "a &amp; b"],
    ["&amp; already", "&amp;amp; already"],
  ])("%s", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe("html", () => {
  it("escapes interpolated text and attribute values", () => {
    const title = `</a><img src=x onerror="alert(1)">`;
    const out = html`<a href="/points/1" title="${title}">${title}</a>`.value;
    expect(out).toBe(`<a href="/points/1" title="&lt;/a&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;">&lt;/a&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</a>`);
    expect(out).not.toContain("<img");
  });

  it("a value cannot end a quoted attribute", () => {
    const out = html`<span data-x="${`" onmouseover="x`}"></span>`.value;
    expect(out).toBe(`<span data-x="&quot; onmouseover=&quot;x"></span>`);
  });

  it("nests SafeHtml unescaped and joins arrays", () => {
    const items = ["<1>", "2"].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe("<ul><li>&lt;1&gt;</li><li>2</li></ul>");
  });

  it.each([
    [null, ""],
    [undefined, ""],
    [false, ""],
    [true, ""],
    [0, "0"],
    [12.5, "12.5"],
    ["", ""],
  ])("renders %s as %j", (value, expected) => {
    expect(html`${value}`.value).toBe(expected);
  });

  it("a string that looks like markup stays text even when it came from SafeHtml's toString", () => {
    const inner = html`<b>x</b>`;
    expect(html`${String(inner)}`.value).toBe("&lt;b&gt;x&lt;/b&gt;");
    expect(html`${inner}`.value).toBe("<b>x</b>");
    expect(new SafeHtml("<i>").toString()).toBe("<i>");
  });
});

describe("href", () => {
  it.each(["/ledger?year=2026&status=APPROVED", "/points/3#send-reminder", "#points"])("accepts %s", (url) => {
    expect(href(url)).toBe(url);
  });
  it.each(["javascript:alert(1)", "JavaScript:alert(1)", "//evil.example/x", "https://evil.example/", " /x", "data:text/html,x", ""])("refuses %j", (url) => {
    expect(() => href(url)).toThrow();
  });
  it("is escaped where it is interpolated", () => {
    expect(html`<a href="${href("/ledger?a=1&b=2")}">x</a>`.value).toBe(`<a href="/ledger?a=1&amp;b=2">x</a>`);
  });
});

describe("classAttr", () => {
  it.each([
    [["a", null, "b"], ` class="a b"`],
    [[false, undefined], ""],
    [[`x" onclick="y`], ` class="x&quot; onclick=&quot;y"`],
  ] as const)("%j", (names, expected) => {
    expect(classAttr(...names).value).toBe(expected);
  });
});
