/**
 * Issue 15, single sign-on: the OIDC login through the real next-auth route handler
 * (app/api/auth/[...nextauth]) against a real OpenID provider (oidc-provider on a free port, its
 * development login form), with the cookies and redirects a browser would carry:
 * sign-in (state + PKCE) → provider login → callback → session → getCurrentUser.
 * An identity maps to the portal account of the same username; an unknown one gets the
 * "not yet authorised" page and no session, and no account is created; every outcome is audited
 * with the method and the client address.
 */
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { currentRequestHeaders, resetRequestHeaders, setRequestHeaders } from "@/tests/support/request-headers";
import { freePort } from "@/tests/support/free-port";
import { startOidcProvider, TEST_OIDC_CLIENT_ID, TEST_OIDC_CLIENT_SECRET, type TestOidcProvider } from "@/tests/support/oidc-provider";

// As in auth-route.test.ts: next-auth reads headers and cookies through a CommonJS require("next/headers").
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
const originalNextHeaders = { headers: nextHeaders.headers, cookies: nextHeaders.cookies };
nextHeaders.headers = async () => currentRequestHeaders();
nextHeaders.cookies = async () => new NextRequest("http://localhost:3000", { headers: currentRequestHeaders() }).cookies;

const BASE = "http://localhost:3000";
const PEER = "10.88.0.7";
let t: TestDb;
let idp: TestOidcProvider;
let route: typeof import("@/app/api/auth/[...nextauth]/route");

beforeAll(async () => {
  [t, idp] = await Promise.all([createTestDb({ seed: true }), freePort().then((port) => startOidcProvider({ port, redirectUris: [`${BASE}/api/auth/callback/oidc`] }))]);
  Object.assign(process.env, {
    DATABASE_URL: t.url,
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: "oidc-test-secret-0123456789abcdef0123",
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: TEST_OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT_SECRET,
  });
  route = await import("@/app/api/auth/[...nextauth]/route");
});
afterAll(async () => {
  Object.assign(nextHeaders, originalNextHeaders);
  resetRequestHeaders();
  for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) delete process.env[key];
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await Promise.all([t?.cleanup(), idp?.stop()]);
});

/** A minimal cookie jar: name=value pairs by name. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie?.() ?? []) {
      const [pair] = line.split(";");
      const index = (pair ?? "").indexOf("=");
      const name = (pair ?? "").slice(0, index);
      const value = (pair ?? "").slice(index + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(fragment: string): boolean {
    return [...this.cookies.keys()].some((name) => name.includes(fragment));
  }
}

async function portal(method: "GET" | "POST", url: string, jar: Jar, form?: Record<string, string>): Promise<Response> {
  const target = new URL(url, BASE);
  const action = target.pathname.replace(/^\/api\/auth\//, "").split("/");
  const headers: Record<string, string> = { host: "localhost:3000", "x-portal-peer": PEER, cookie: jar.header(), ...(form ? { "content-type": "application/x-www-form-urlencoded", origin: BASE } : {}) };
  setRequestHeaders(headers);
  const request = new NextRequest(target, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined });
  const context = { params: Promise.resolve({ nextauth: action }) };
  const response = await (method === "GET" ? route.GET(request, context) : route.POST(request, context));
  jar.take(response);
  return response;
}

/** The whole journey; the URL the portal finally redirects the browser to, and the portal's cookies. */
async function oidcLogin(username: string): Promise<{ landing: string; jar: Jar }> {
  const jar = new Jar();
  const { csrfToken } = (await (await portal("GET", "/api/auth/csrf", jar)).json()) as { csrfToken: string };
  const signin = await portal("POST", "/api/auth/signin/oidc", jar, { csrfToken, callbackUrl: `${BASE}/dashboard`, json: "true" });
  const { url: authorize } = (await signin.json()) as { url: string };
  expect(authorize.startsWith(`${idp.issuer}/auth?`)).toBe(true);
  const params = new URL(authorize).searchParams;
  expect(params.get("code_challenge_method")).toBe("S256");
  expect(params.get("state")).toBeTruthy();

  // At the provider, with its own cookies, until it sends the browser back to the portal.
  const idpJar = new Jar();
  let next = authorize;
  let method: "GET" | "POST" = "GET";
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop += 1) {
    if (next.startsWith(`${BASE}/`)) break;
    const response = await fetch(next, { method, body, redirect: "manual", headers: { cookie: idpJar.header(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) } });
    idpJar.take(response);
    method = "GET";
    body = undefined;
    if (response.status >= 300 && response.status < 400) {
      next = new URL(response.headers.get("location") as string, next).toString();
    } else if (response.status === 200 && /\/interaction\/[^/]+$/.test(next)) {
      // The development login form: any username and password.
      expect(await response.text()).toContain('name="login"');
      method = "POST";
      body = new URLSearchParams({ prompt: "login", login: username, password: "any-password" });
    } else {
      throw new Error(`unexpected ${response.status} at ${next}: ${(await response.text()).slice(0, 300)}`);
    }
  }
  expect(next.startsWith(`${BASE}/api/auth/callback/oidc?`)).toBe(true);
  const callback = await portal("GET", next, jar);
  expect(callback.status).toBe(302);
  return { landing: new URL(callback.headers.get("location") as string, BASE).toString(), jar };
}

async function currentUserWith(jar: Jar) {
  setRequestHeaders({ host: "localhost:3000", cookie: jar.header() });
  const { getCurrentUser } = await import("@/lib/auth/dal");
  return getCurrentUser();
}

describe("OIDC login against a real OpenID provider", () => {
  it("logs the identity into the portal account of the same username, with the session fields of a password login", async () => {
    const { landing, jar } = await oidcLogin("coordinator");
    expect(landing).toBe(`${BASE}/dashboard`);
    expect(jar.has("session-token")).toBe(true);
    const user = await currentUserWith(jar);
    expect(user).toMatchObject({ username: "coordinator", role: "COORDINATOR", officeName: "法治办" });

    const { decode } = await import("next-auth/jwt");
    const sessionCookie = jar.header().split("; ").find((c) => c.includes("session-token="))?.split("=")[1] as string;
    const token = await decode({ token: sessionCookie, secret: process.env.NEXTAUTH_SECRET as string });
    const account = await t.db.user.findUniqueOrThrow({ where: { username: "coordinator" } });
    expect(token).toMatchObject({ uid: account.id, sv: account.sessionVersion, name: "coordinator" });
    expect(typeof token?.sid).toBe("string");
    expect(typeof token?.loginAt).toBe("number");
    // Nothing of the IdP's tokens is kept in the cookie.
    expect(Object.keys(token ?? {}).sort()).toEqual(["exp", "iat", "jti", "loginAt", "name", "sid", "sub", "sv", "uid"]);

    const [row] = await t.db.auditLog.findMany({ where: { action: "login.success", entityId: "coordinator" } });
    expect(row).toMatchObject({ ip: PEER, userId: account.id });
    expect(JSON.parse(row?.after ?? "{}")).toEqual({ method: "oidc" });
  });

  it("sends an identity without a portal account to the not-yet-authorised page, with no session and no new account", async () => {
    const users = await t.db.user.count();
    const { landing, jar } = await oidcLogin("zhangsan");
    const url = new URL(landing);
    expect(url.pathname).toBe("/login/unauthorized");
    expect(jar.has("session-token")).toBe(false);
    expect(await t.db.user.count()).toBe(users);
    // The page names the identity only from a link the portal signed.
    const { readUnauthorizedParams } = await import("@/lib/auth/sso");
    expect(readUnauthorizedParams(Object.fromEntries(url.searchParams))).toEqual({ reason: "unknown", identity: "zhangsan" });
    expect(readUnauthorizedParams({ ...Object.fromEntries(url.searchParams), identity: "boss" })).toEqual({ reason: "unknown", identity: null });

    const [row] = await t.db.auditLog.findMany({ where: { action: "login.sso.unknown", entityId: "zhangsan" } });
    expect(row).toMatchObject({ ip: PEER, userId: null });
    expect(JSON.parse(row?.after ?? "{}")).toMatchObject({ method: "oidc", identity: "zhangsan", subject: "zhangsan" });
  });

  it("refuses an identity whose portal account is disabled", async () => {
    await t.db.user.update({ where: { username: "viewer" }, data: { active: false } });
    const { landing, jar } = await oidcLogin("viewer");
    expect(new URL(landing).pathname).toBe("/login/unauthorized");
    expect(new URL(landing).searchParams.get("reason")).toBe("disabled");
    expect(jar.has("session-token")).toBe(false);
    expect(await t.db.auditLog.count({ where: { action: "login.disabled", entityId: "viewer" } })).toBe(1);
  });
});
