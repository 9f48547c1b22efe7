/**
 * Issue 15 items 2, 3 and 7 through the real next-auth route handler (app/api/auth/[...nextauth]),
 * with the CSRF cookie, the credentials callback and the sign-out form as a browser sends them:
 * - the client address is the socket peer the portal's server stamps (x-portal-peer); a forged or
 *   rotated X-Forwarded-For neither escapes the per-address lock nor locks out another address,
 *   and counts only with TRUSTED_PROXY_HOPS;
 * - a login beyond the limiter's slots and queue is answered 429 with Retry-After at once, and
 *   nothing is counted or written for it;
 * - after logout the old session cookie is refused by the data access layer, while the same
 *   user's other session goes on; the logout is audited with the client address.
 */
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { currentRequestHeaders, resetRequestHeaders, setRequestHeaders } from "@/tests/support/request-headers";

// next-auth's route handler and getServerSession read headers and cookies with a CommonJS
// require("next/headers"), which vi.mock does not reach: the shared module object is patched
// instead, so both come from the request the test is sending.
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
const originalNextHeaders = { headers: nextHeaders.headers, cookies: nextHeaders.cookies };
nextHeaders.headers = async () => currentRequestHeaders();
nextHeaders.cookies = async () => new NextRequest("http://localhost:3000", { headers: currentRequestHeaders() }).cookies;

const BASE = "http://localhost:3000";
const PEER = "x-portal-peer";
let t: TestDb;
let route: typeof import("@/app/api/auth/[...nextauth]/route");

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_URL = BASE;
  process.env.NEXTAUTH_SECRET = "auth-route-test-secret-0123456789abcdef";
  route = await import("@/app/api/auth/[...nextauth]/route");
});
afterEach(() => {
  resetRequestHeaders();
  delete process.env.TRUSTED_PROXY_HOPS;
});
afterAll(async () => {
  Object.assign(nextHeaders, originalNextHeaders);
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

const cookiePairs = (response: Response) => (response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);

async function call(method: "GET" | "POST", action: string[], headers: Record<string, string>, form?: Record<string, string>): Promise<Response> {
  const all = { host: "localhost:3000", ...headers, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) };
  setRequestHeaders(all);
  const request = new NextRequest(`${BASE}/api/auth/${action.join("/")}`, { method, headers: all, body: form ? new URLSearchParams(form).toString() : undefined });
  const context = { params: Promise.resolve({ nextauth: action }) };
  return method === "GET" ? route.GET(request, context) : route.POST(request, context);
}

async function csrf(peer: string): Promise<{ csrfToken: string; cookie: string }> {
  const response = await call("GET", ["csrf"], { [PEER]: peer });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiePairs(response).join("; ") };
}

/** One login as the login form sends it; "ok" with the session cookie, or the error message. */
async function login(username: string, password: string, headers: Record<string, string>): Promise<{ result: string; status: number; session?: string }> {
  const { csrfToken, cookie } = await csrf(headers[PEER] ?? "");
  const response = await call("POST", ["callback", "credentials"], { ...headers, cookie }, { csrfToken, username, password, json: "true" });
  const session = cookiePairs(response).find((c) => c.includes("session-token="));
  if (session) return { result: "ok", status: response.status, session };
  const { url } = (await response.json()) as { url: string };
  return { result: new URL(url).searchParams.get("error") ?? "", status: response.status };
}

async function currentUserWith(cookie: string) {
  setRequestHeaders({ host: "localhost:3000", cookie });
  const { getCurrentUser } = await import("@/lib/auth/dal");
  return getCurrentUser();
}

const FAILED = "用户名或密码错误";
const LOCKED = "登录失败次数过多，账户已临时锁定，请 15 分钟后再试或联系系统管理员";

describe("the client address (TRUSTED_PROXY_HOPS)", () => {
  it("rotating X-Forwarded-For does not escape the per-address lock", async () => {
    for (let i = 0; i < 20; i += 1) {
      expect((await login(`nobody-a${i}`, "wrong-password1", { [PEER]: "10.70.0.1", "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` })).result).toBe(FAILED);
    }
    expect((await login("leader", "Demo@2025", { [PEER]: "10.70.0.1", "x-forwarded-for": "192.0.2.77" })).result).toBe(LOCKED);
    const rows = await t.db.loginAttempt.findMany({ where: { username: { startsWith: "nobody-a" } } });
    expect(new Set(rows.map((r) => r.ip))).toEqual(new Set(["10.70.0.1"]));
  });

  it("a forged X-Forwarded-For naming another address does not lock that address out", async () => {
    for (let i = 0; i < 20; i += 1) {
      expect((await login(`nobody-b${i}`, "wrong-password1", { [PEER]: "10.70.0.2", "x-forwarded-for": "10.70.0.99" })).result).toBe(FAILED);
    }
    expect((await login("leader", "Demo@2025", { [PEER]: "10.70.0.99" })).result).toBe("ok");
    expect((await login("leader", "Demo@2025", { [PEER]: "10.70.0.2" })).result).toBe(LOCKED);
  });

  it("behind one declared proxy the client is the address the proxy appended, whatever the client put before it", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    for (let i = 0; i < 20; i += 1) {
      expect((await login(`nobody-c${i}`, "wrong-password1", { [PEER]: "127.0.0.1", "x-forwarded-for": `203.0.113.${i}, 10.71.0.5` })).result).toBe(FAILED);
    }
    expect((await login("leader", "Demo@2025", { [PEER]: "127.0.0.1", "x-forwarded-for": "10.71.0.5" })).result).toBe(LOCKED);
    // Another client behind the same proxy is not affected.
    expect((await login("leader", "Demo@2025", { [PEER]: "127.0.0.1", "x-forwarded-for": "10.71.0.6" })).result).toBe("ok");
    expect(await t.db.auditLog.count({ where: { action: "login.failed", ip: "10.71.0.5" } })).toBe(20);
  });
});

describe("the login limiter", () => {
  it("answers 429 with Retry-After at once when every slot and the queue are taken, counting and writing nothing", async () => {
    const { loginLimiter, LOGIN_BUSY_MESSAGE } = await import("@/lib/auth/login-limiter");
    const held: Array<Promise<() => void>> = [];
    for (let i = 0; i < loginLimiter.concurrency + loginLimiter.queueSize; i += 1) held.push(loginLimiter.tryAcquire()!);
    const attempts = await t.db.loginAttempt.count();
    const audit = await t.db.auditLog.count();
    try {
      const { csrfToken, cookie } = await csrf("10.72.0.1");
      const response = await call("POST", ["callback", "credentials"], { [PEER]: "10.72.0.1", cookie }, { csrfToken, username: "leader", password: "Demo@2025", json: "true" });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(cookiePairs(response).some((c) => c.includes("session-token="))).toBe(false);
      // The shape next-auth's signIn() reads, so the login form shows the message.
      const body = (await response.json()) as { url: string };
      expect(new URL(body.url).searchParams.get("error")).toBe(LOGIN_BUSY_MESSAGE);
      expect(await t.db.loginAttempt.count()).toBe(attempts);
      expect(await t.db.auditLog.count()).toBe(audit);
    } finally {
      for (const slot of held) (await slot)();
    }
    expect(loginLimiter.stats).toEqual({ active: 0, queued: 0 });
    expect((await login("leader", "Demo@2025", { [PEER]: "10.72.0.1" })).result).toBe("ok");
  });

  it("a login waiting in the queue goes through once a slot is free", async () => {
    const { loginLimiter } = await import("@/lib/auth/login-limiter");
    const held: Array<() => void> = [];
    for (let i = 0; i < loginLimiter.concurrency; i += 1) held.push(await loginLimiter.tryAcquire()!);
    const pending = login("leader", "Demo@2025", { [PEER]: "10.72.0.2" });
    await vi.waitFor(() => expect(loginLimiter.stats.queued).toBe(1));
    held.forEach((release) => release());
    expect((await pending).result).toBe("ok");
  });
});

describe("logout", () => {
  it("ends the session on the server: the old cookie is refused afterwards, the other device stays in", async () => {
    const first = await login("coordinator", "Demo@2025", { [PEER]: "10.73.0.1" });
    const second = await login("coordinator", "Demo@2025", { [PEER]: "10.73.0.2" });
    expect(first.session && second.session).toBeTruthy();
    expect(await currentUserWith(first.session!)).toMatchObject({ username: "coordinator" });

    const { csrfToken, cookie } = await csrf("10.73.0.1");
    const response = await call("POST", ["signout"], { [PEER]: "10.73.0.1", cookie: `${cookie}; ${first.session}` }, { csrfToken, callbackUrl: "/login", json: "true" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url?: string }).url).toBeTruthy();

    // The copied cookie, sent again as it was before the logout:
    expect(await currentUserWith(first.session!)).toBeNull();
    expect(await currentUserWith(second.session!)).toMatchObject({ username: "coordinator" });
    const logout = await t.db.auditLog.findMany({ where: { action: "logout", entityId: "coordinator" } });
    expect(logout).toHaveLength(1);
    expect(logout[0]).toMatchObject({ ip: "10.73.0.1", username: "coordinator" });
  });

  it("a sign-out without the CSRF token revokes nothing", async () => {
    const { session } = await login("viewer", "Demo@2025", { [PEER]: "10.73.0.3" });
    const response = await call("POST", ["signout"], { [PEER]: "10.73.0.3", cookie: session! }, { csrfToken: "forged", json: "true" });
    expect(((await response.json()) as { url: string }).url).toContain("csrf=true");
    expect(await currentUserWith(session!)).toMatchObject({ username: "viewer" });
  });

  it("when the session cannot be revoked the logout fails visibly and the cookie is not cleared", async () => {
    const { session } = await login("leader", "Demo@2025", { [PEER]: "10.73.0.4" });
    const { csrfToken, cookie } = await csrf("10.73.0.4");
    await t.db.$executeRawUnsafe(`DROP TABLE "RevokedSession"`);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await call("POST", ["signout"], { [PEER]: "10.73.0.4", cookie: `${cookie}; ${session}` }, { csrfToken, json: "true" });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { message: string }).message).toBe("退出登录失败，请稍后重试");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
