/**
 * Issue 15, single sign-on: the OIDC login in a browser, against a real OpenID provider
 * (oidc-provider, started here before the portal; its development login form accepts any
 * username). Its own portal (the e2e production build, its own demo database) is started with
 * OIDC_* pointing at that provider and LOCAL_LOGIN=off, as cluster.spec.ts does for
 * WEB_CONCURRENCY; the shared e2e server keeps the plain login page the other specs expect.
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { setupDatabase, startServer, stopServer, type PortalServer } from "../support/server-process";
import { freePort } from "../support/free-port";
import { startOidcProvider, TEST_OIDC_CLIENT_ID, TEST_OIDC_CLIENT_SECRET, type TestOidcProvider } from "../support/oidc-provider";

const PORT = Number(process.env.E2E_PORT || 3210) + 70;
const BASE = `http://localhost:${PORT}`;
const DB_FILE = path.resolve(__dirname, "../../data", `oidc-${PORT}.db`);
const OIDC_ENV = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "LOCAL_LOGIN"] as const;

let idp: TestOidcProvider;
let portal: PortalServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  idp = await startOidcProvider({ port: await freePort(), redirectUris: [`${BASE}/api/auth/callback/oidc`] });
  Object.assign(process.env, { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: TEST_OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT_SECRET, LOCAL_LOGIN: "off" });
  setupDatabase(DB_FILE);
  portal = await startServer(DB_FILE, PORT);
});

test.afterAll(async () => {
  if (portal) await stopServer(portal);
  if (idp) await idp.stop();
  for (const key of OIDC_ENV) delete process.env[key];
});

/** The provider's development login: any username, any password. */
async function signInAtProvider(page: Page, username: string) {
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(username);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("统一身份认证登录 goes to the provider and back to the dashboard as the portal account of the same username", async ({ page }) => {
  await page.goto(`${BASE}/login`);
  // LOCAL_LOGIN=off: only the SSO button, and the administrators' emergency login on request.
  await expect(page.getByLabel("用户名")).toHaveCount(0);
  await expect(page.getByTestId("emergency-login")).toBeVisible();
  await page.getByRole("button", { name: "统一身份认证登录" }).click();
  await signInAtProvider(page, "coordinator");
  await expect(page).toHaveURL(`${BASE}/dashboard`);
  await expect(page.getByTestId("current-user")).toContainText("李法治");
  await expect(page.getByTestId("current-user")).toContainText("法治办");
});

test("an identity without a portal account lands on the not-yet-authorised page, without a session", async ({ page }) => {
  await page.goto(`${BASE}/login`);
  await page.getByRole("button", { name: "统一身份认证登录" }).click();
  await signInAtProvider(page, "zhangsan");
  await expect(page).toHaveURL(new RegExp(`^${BASE}/login/unauthorized\\?`));
  await expect(page.getByRole("heading", { name: "尚未授权访问法治建设工作台" })).toBeVisible();
  await expect(page.getByTestId("sso-identity")).toHaveText("zhangsan");
  await expect(page.getByTestId("sso-unauthorized")).toContainText("该账号尚未开通本系统权限");
  await expect(page.getByTestId("sso-unauthorized")).toContainText("请联系本系统的系统管理员");
  await page.goto(`${BASE}/dashboard`);
  await expect(page).toHaveURL(`${BASE}/login`);
});

test("with LOCAL_LOGIN=off the emergency local login admits an administrator and refuses anyone else", async ({ page }) => {
  await page.goto(`${BASE}/login`);
  await page.getByTestId("emergency-login").click();
  await expect(page.getByTestId("emergency-note")).toContainText("管理员应急登录");
  await page.getByLabel("用户名").fill("coordinator");
  await page.getByLabel("密码").fill("Demo@2025");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误");

  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill("Demo@2025");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(`${BASE}/dashboard`);
  await expect(page.getByTestId("current-user")).toContainText("系统管理员");
});
