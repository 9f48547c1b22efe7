/**
 * Issue 15.10: on an https deployment (NEXTAUTH_URL https://…) pages carry HSTS and next-auth's
 * cookies are Secure with the __Secure-/__Host- prefixes; on plain http neither (a Secure cookie
 * would never come back and nobody could log in).
 */
import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { proxy } from "@/proxy";
import { authOptions } from "@/lib/auth/options";
import { HSTS_VALUE, hstsHeader } from "./transport";

const saved = process.env.NEXTAUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = saved;
});

describe("Strict-Transport-Security", () => {
  it("is sent by the proxy on pages and on its login redirect when the public URL is https", () => {
    process.env.NEXTAUTH_URL = "https://fazhi.example.cn";
    const page = proxy(new NextRequest("https://fazhi.example.cn/login"));
    expect(page.headers.get("strict-transport-security")).toBe("max-age=31536000");
    const redirect = proxy(new NextRequest("https://fazhi.example.cn/dashboard"));
    expect(redirect.status).toBeGreaterThanOrEqual(300);
    expect(redirect.headers.get("strict-transport-security")).toBe(HSTS_VALUE);
  });

  it("is not sent on a plain-http deployment", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    expect(proxy(new NextRequest("http://localhost:3000/login")).headers.get("strict-transport-security")).toBeNull();
    expect(hstsHeader("")).toBeNull();
    expect(hstsHeader(" HTTPS://fazhi.example.cn ")).toBe(HSTS_VALUE);
  });
});

/** The Set-Cookie headers next-auth's own handler (its pages-router form, no Next.js request needed) sends for /api/auth/csrf. */
async function csrfCookies(): Promise<string[]> {
  const set: string[] = [];
  const res = {
    status() {
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      if (name.toLowerCase() === "set-cookie") set.push(...(Array.isArray(value) ? value : [value]));
      return res;
    },
    getHeader(name: string) {
      return name.toLowerCase() === "set-cookie" ? set : undefined;
    },
    send() {},
    json() {},
    end() {},
  };
  const req = { method: "GET", query: { nextauth: ["csrf"] }, headers: { host: "fazhi.example.cn" }, cookies: {}, body: {} };
  await NextAuth(req as never, res as never, { ...authOptions, secret: "test-secret-0123456789-0123456789" });
  return set;
}

describe("next-auth cookies follow the public URL (useSecureCookies is not overridden)", () => {
  it("https: Secure, with the __Host- prefix on the CSRF cookie", async () => {
    process.env.NEXTAUTH_URL = "https://fazhi.example.cn";
    expect(authOptions.useSecureCookies).toBeUndefined();
    const [csrf] = await csrfCookies();
    expect(csrf).toMatch(/^__Host-next-auth\.csrf-token=/);
    expect(csrf).toMatch(/; Secure/i);
    expect(csrf).toMatch(/; HttpOnly/i);
  });

  it("http: plain names, not Secure", async () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const [csrf] = await csrfCookies();
    expect(csrf).toMatch(/^next-auth\.csrf-token=/);
    expect(csrf).not.toMatch(/; Secure/i);
  });
});
