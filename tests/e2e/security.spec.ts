import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
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

/** The e2e server's database (playwright.config.ts: data/e2e-<port>.db). */
const E2E_PORT = Number(process.env.E2E_PORT || 3210);
const E2E_DB = path.join(process.cwd(), "data", `e2e-${E2E_PORT}.db`);
const TSX = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

test("an attachment is served with the sandbox policy, not the site CSP (next.config.ts does not override it)", async ({ page, baseURL }) => {
  await login(page, "staff-zonghe");
  const lookup = new Database(E2E_DB, { readonly: true });
  const point = lookup
    .prepare(`SELECT wp.id AS id FROM "WorkPoint" wp JOIN "Plan" p ON p.id = wp."planId" WHERE p.year = ? AND wp.number = 1`)
    .get(new Date().getFullYear()) as { id: number };
  lookup.close();
  const created = await page.request.post("/api/v1/ledger-entries", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: JSON.stringify({ pointId: point.id, date: `${new Date().getFullYear()}-01-15`, title: "下载头检查", form: "集中学习" }),
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const polyglot = Buffer.from("%PDF-1.4\n<html><body><script>document.title='pwned'</script></body></html>\n%%EOF\n");
  const uploaded = await page.request.post(`/api/ledger/${id}/attachments`, {
    headers: { origin: baseURL! },
    multipart: { file: { name: "签到表.pdf", mimeType: "text/html", buffer: polyglot } },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const attachment = ((await uploaded.json()) as { attachment: { id: number } }).attachment;
  const download = await page.request.get(`/api/attachments/${attachment.id}`);
  const headers = download.headers();
  expect(headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["content-disposition"]).toMatch(/^attachment;/);
  // Opened in the browser, the file runs nothing.
  await page.goto(`/api/attachments/${attachment.id}?preview=1`).catch(() => undefined);
  expect(await page.title().catch(() => "")).not.toBe("pwned");
});

test("a server action replayed without Origin is refused and changes nothing", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/admin");
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/admin", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
      return;
    }
    await route.continue();
  });
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "新增科室" }) });
  await form.getByLabel("科室名称").fill("跨站伪造科");
  await form.getByLabel("简称").fill("伪造");
  await form.getByRole("button", { name: "新增科室" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const { url, headers, body } = captured!;
  // The same action call as the page's, minus what only a browser adds (Origin, Referer, Sec-Fetch-*).
  const replay = await page.request.post(url, {
    headers: {
      "next-action": headers["next-action"],
      "content-type": headers["content-type"],
      accept: headers["accept"] ?? "text/x-component",
      ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
    },
    data: body,
  });
  expect(await replay.text()).toContain("请求来源不受信任，已拒绝");
  await page.unroute("**/admin");
  await page.goto("/admin");
  await expect(page.getByText("跨站伪造科")).toHaveCount(0);
});

test("npm run restore refuses while this server runs, and leaves the database alone", async () => {
  const backupFile = path.join(os.tmpdir(), `portal-e2e-backup-${process.pid}-${Date.now()}.db`);
  const env = { ...process.env, DATABASE_URL: `file:${E2E_DB}` };
  try {
    const backup = spawnSync(process.execPath, [TSX, "scripts/backup.ts", backupFile], { env, encoding: "utf8" });
    expect(backup.status, backup.stderr).toBe(0);
    const restore = spawnSync(process.execPath, [TSX, "scripts/restore.ts", backupFile, "--force"], { env, encoding: "utf8" });
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain("恢复失败：门户服务正在使用该数据库");
    expect(fs.existsSync(`${E2E_DB}.restoring`)).toBe(false);
  } finally {
    fs.rmSync(backupFile, { force: true });
  }
});
