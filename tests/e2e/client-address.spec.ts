/**
 * X-Forwarded-For is not trusted without a declared proxy: a guesser who rotates it is still one
 * client address (the socket's), and is locked after 20 failures; nor can a forged header lock out
 * another address. Its own server and database, so the lock does not reach the other tests.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { setupDatabase, startServer, stopServer } from "../support/server-process";

const PORT = Number(process.env.E2E_PORT || 3210) + 60;
const DB_FILE = path.resolve(__dirname, "../../data", `client-address-${PORT}.db`);

async function attempt(baseURL: string, username: string, password: string, forwardedFor: string): Promise<string> {
  const csrfResponse = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookie = (csrfResponse.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor, "x-portal-peer": forwardedFor },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = (response.headers.getSetCookie?.() ?? []).some((c) => c.includes("session-token="));
  if (session) return "ok";
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "";
}

test("rotating X-Forwarded-For (or forging the peer header) does not escape the per-address lock", async () => {
  test.setTimeout(180_000);
  setupDatabase(DB_FILE);
  const server = await startServer(DB_FILE, PORT);
  try {
    // 20 failures for 20 different (unknown) accounts, each claiming another address.
    for (let i = 0; i < 20; i++) expect(await attempt(server.baseURL, `nobody-${i}`, "wrong-password1", `203.0.113.${i}`)).toBe("用户名或密码错误");
    // The address is now locked, whatever the headers say, even for a real account and its right password.
    expect(await attempt(server.baseURL, "leader", "Demo@2025", "198.51.100.7")).toContain("登录失败次数过多");
  } finally {
    await stopServer(server);
  }
});
