/**
 * Issue 20 small things: a Chinese not-found page (root and inside the portal) with a link home,
 * and a real /favicon.ico (app/favicon.ico, served by Next's file convention, outside the proxy).
 */
import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import RootNotFound from "@/app/not-found";
import PortalNotFound from "@/app/(portal)/not-found";
import { NotFoundPage } from "@/components/not-found-page";

const ROOT = path.resolve(__dirname, "../..");

describe("not-found pages", () => {
  it.each([
    ["root", () => renderToStaticMarkup(createElement(RootNotFound))],
    ["portal", () => renderToStaticMarkup(createElement(PortalNotFound))],
  ])("the %s page says 页面不存在 in Chinese and links home", (_name, render) => {
    const html = render();
    expect(html).toContain("页面不存在");
    expect(html).toContain('href="/"');
    expect(html).toContain("返回首页");
    expect(html).not.toMatch(/could not be found|404/i);
  });

  it("a record page adds its own detail and way back", () => {
    const html = renderToStaticMarkup(createElement(NotFoundPage, { detail: "记录不存在或无权访问", back: { href: "/ledger", label: "返回工作台账" } }));
    expect(html).toContain('data-testid="not-found"');
    expect(html).toContain("记录不存在或无权访问");
    expect(html).toContain('href="/ledger"');
  });
});

describe("favicon", () => {
  it("app/favicon.ico is an ICO with a 32×32 PNG image", () => {
    const bytes = fs.readFileSync(path.join(ROOT, "app/favicon.ico"));
    expect(bytes.readUInt16LE(0)).toBe(0); // reserved
    expect(bytes.readUInt16LE(2)).toBe(1); // icon
    expect(bytes.readUInt16LE(4)).toBe(1); // one image
    expect([bytes[6], bytes[7]]).toEqual([32, 32]);
    const offset = bytes.readUInt32LE(18);
    expect(bytes.subarray(offset, offset + 8).toString("hex")).toBe("89504e470d0a1a0a");
  });

  it("the proxy leaves /favicon.ico alone (no login redirect)", () => {
    expect(fs.readFileSync(path.join(ROOT, "proxy.ts"), "utf8")).toMatch(/favicon\.ico/);
  });
});
