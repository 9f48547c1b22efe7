import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// CVE-2025-29927 style: a forged internal header must not skip any check, since none lives in the proxy.
const BYPASS = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" };

test("a forged x-middleware-subrequest header changes nothing: STAFF is still refused /admin", async ({ page }) => {
  await login(page, "staff-zonghe");
  await page.setExtraHTTPHeaders(BYPASS);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("anonymous requests with the bypass header still get no data", async ({ request }) => {
  const response = await request.get("/admin", { headers: BYPASS, maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(response.status());
  expect(response.headers()["location"]).toMatch(/\/login/);
  const session = await (await request.get("/api/auth/session", { headers: BYPASS })).json();
  expect(session).toEqual({});
});

test("pages carry the security headers: nonce CSP without unsafe-inline, no framing, no sniffing, no caching", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
  expect(headers["cache-control"]).toContain("no-store");
  const second = await request.get("/login");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
});

test("the portal's pages run under the CSP without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await login(page, "admin");
  for (const path of ["/dashboard", "/admin"]) {
    await page.goto(path);
    await expect(page.getByTestId("current-user")).toBeVisible();
  }
  expect(violations).toEqual([]);
});
