import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { loginCookie, setupDatabase, startServer, stopServer } from "../support/server-process";

// Its own two-worker cluster (WEB_CONCURRENCY=2) on its own database and the e2e production build.
const PORT = Number(process.env.E2E_PORT || 3210) + 50;
const DB_FILE = path.resolve(__dirname, "../../data", `cluster-${PORT}.db`);

function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

test("with WEB_CONCURRENCY=2 the cluster serves logged-in pages, and a killed worker is replaced", async () => {
  test.skip(process.platform !== "linux", "reads worker processes from /proc");
  test.setTimeout(180_000);
  setupDatabase(DB_FILE);
  const server = await startServer(DB_FILE, PORT, 2);
  const seen = new Set<number>();
  try {
    const primary = server.process.pid!;
    await expect.poll(() => childrenOf(primary).length, { timeout: 60_000 }).toBe(2);
    childrenOf(primary).forEach((pid) => seen.add(pid));
    const cookie = await loginCookie(server.baseURL, "leader");

    // Requests on fresh connections are spread over the workers; every one accepts the session.
    const statuses = await Promise.all(Array.from({ length: 8 }, () => fetch(`${server.baseURL}/dashboard`, { headers: { cookie, connection: "close" } }).then((r) => r.status)));
    expect(statuses).toEqual(Array(8).fill(200));

    const [victim] = childrenOf(primary);
    process.kill(victim, "SIGKILL");
    await expect.poll(() => childrenOf(primary).filter((pid) => pid !== victim).length, { timeout: 60_000 }).toBe(2);
    await expect
      .poll(async () => (await fetch(`${server.baseURL}/dashboard`, { headers: { cookie, connection: "close" } })).status, { timeout: 60_000 })
      .toBe(200);
    childrenOf(primary).forEach((pid) => seen.add(pid));
  } finally {
    await stopServer(server);
  }
  // Stopping the primary stops every worker it ever had.
  await expect.poll(() => [...seen].filter((pid) => fs.existsSync(`/proc/${pid}`)).length, { timeout: 15_000 }).toBe(0);
});
