import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serverCommand } from "../../scripts/server-command";

const ROOT = path.resolve(__dirname, "../..");

export interface PortalServer {
  port: number;
  baseURL: string;
  process: ChildProcess;
}

/** Migrates and seeds a database file through the same setup `npm start` uses. */
export function setupDatabase(dbFile: string, fresh = true): void {
  if (fresh) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts", "--setup-only"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, SEED_DEMO: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`setup failed: ${result.stderr || result.stdout}`);
}

/**
 * Starts `next start` on an existing production build (the e2e web server builds it first), or
 * with workers > 1 the cluster of scripts/cluster.mjs that `npm start` runs for WEB_CONCURRENCY.
 */
export async function startServer(dbFile: string, port: number, workers = 1): Promise<PortalServer> {
  const baseURL = `http://localhost:${port}`;
  const child = spawn(process.execPath, serverCommand(ROOT, String(port), workers), {
    cwd: ROOT,
    env: {
      ...process.env,
      WEB_CONCURRENCY: String(workers),
      DATABASE_URL: `file:${dbFile}`,
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "test-secret-for-a-throwaway-server-0123456789",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseURL}/login`);
      if (response.ok) return { port, baseURL, process: child };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill("SIGKILL");
  throw new Error("server did not start within 60 s");
}

export async function stopServer(server: PortalServer, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill(signal);
  await exited;
}

/**
 * Logs in through next-auth's credentials callback and returns the session cookie header. A 429
 * from the login limiter (many logins at once, e.g. the load test's 30) is retried after Retry-After.
 */
export async function loginCookie(baseURL: string, username: string, password = "Demo@2025", retries = 20): Promise<string> {
  const csrfResponse = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = (csrfResponse.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  if (response.status === 429 && retries > 0) {
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") || 1) * 1000));
    return loginCookie(baseURL, username, password, retries - 1);
  }
  const session = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`login failed for ${username}: ${response.status}`);
  return session;
}
