/**
 * `npm run bench`: builds a large dataset in data/bench.db, then measures
 *  (a) the dashboard computation loadPlanProgress for one year against its floor, the single raw
 *      "group by target" aggregation over the same rows (better-sqlite3 directly);
 *  (b) the dashboard page over HTTP, logged in, with autocannon (10 connections, 10 s);
 *  (c) the ledger list with filters;
 *  (d) the server's RSS: idle_rss_mb after warm-up with no load, rss_mb the peak sampled every
 *      250 ms during the measured loads.
 *  (e) the 制度库 search over 2,000 generated rules (scripts/bench-regulations.ts).
 * The production server is started by scripts/start.ts (it builds when the build is missing or
 * stale; NEXT_DIST_DIR picks another build folder). The last line printed is one JSON object.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { migrateSqlite } from "../lib/migrate";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/db";
import { calendarDayAt } from "../lib/progress/dates";
import { loadPlanProgress } from "../lib/progress/queries";
import { parsePlanText } from "../lib/plan/parse";
import { measureImport } from "./bench-import";
import { measureRegulationSearch } from "./bench-regulations";
import { BENCH_PASSWORD, BENCH_USER, buildBenchData } from "./bench-data";

const ROOT = process.cwd();
const DB_FILE = path.join(ROOT, "data", "bench.db");
const PORT = Number(process.env.BENCH_PORT || 3300);
const BASE = `http://localhost:${PORT}`;
const TODAY = calendarDayAt(new Date());
const YEAR = TODAY.getUTCFullYear();
const SHAPE = { years: [YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR], offices: 20, users: 200, pointsPerYear: 60, targetsPerYear: 150, countedEntries: 40_000, today: TODAY };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round2 = (x: number) => Math.round(x * 100) / 100;

async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn(); // warm-up: JIT, SQLite page cache, Prisma's query plans
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

async function measureComputation() {
  const prisma = createPrismaClient(`file:${DB_FILE}`);
  const sqlite = new Database(DB_FILE, { readonly: true });
  const plan = sqlite.prepare(`SELECT "id" FROM "Plan" WHERE "year" = ?`).get(YEAR) as { id: number };
  const floorSql = sqlite.prepare(`
    SELECT q."targetId", SUM(q."value") AS "sum" FROM "LedgerQuantity" q
    JOIN "LedgerEntry" e ON e."id" = q."entryId" JOIN "Target" t ON t."id" = q."targetId"
    WHERE t."planId" = ? AND e."status" = 'APPROVED' AND e."deletedAt" IS NULL AND e."linkedEntryId" IS NULL
    GROUP BY q."targetId"`);
  const check = await loadPlanProgress(prisma, YEAR);
  const dashboard = await timeRuns(30, () => loadPlanProgress(prisma, YEAR));
  const floor = await timeRuns(30, () => floorSql.all(plan.id));
  const rows = (sqlite.prepare(`SELECT COUNT(*) AS c FROM "LedgerEntry" e WHERE e."year" = ? AND e."status" = 'APPROVED' AND e."deletedAt" IS NULL AND e."linkedEntryId" IS NULL`).get(YEAR) as { c: number }).c;
  console.log(`computation: ${check?.progress.points.length} points, ${check?.progress.targets.size} targets, ${rows} counted entries in ${YEAR}`);
  sqlite.close();
  await prisma.$disconnect();
  return { dashboard: median(dashboard), floor: median(floor) };
}

/** The plan parser on ~100 KB of real plan text (the fixture repeated). */
async function measurePlanParse(): Promise<number> {
  const fixture = fs.readFileSync(path.join(ROOT, "tests", "fixtures", "rule-of-law-plan-2025.txt"), "utf8");
  const text = fixture.repeat(Math.ceil(100_000 / fixture.length));
  return median(await timeRuns(20, () => parsePlanText(text)));
}

async function waitForServer(child: ChildProcess, timeoutMs = 900_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("server did not start");
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** next-auth credentials login: csrf token + cookie, then the callback; returns the Cookie header. */
async function login(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username: BENCH_USER, password: BENCH_PASSWORD, json: "true" }),
  });
  const session = cookiesOf(response).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error(`login failed: HTTP ${response.status}`);
  return [...jar, ...session].join("; ");
}

/** Peak RSS of the server while `work` runs, sampled every 250 ms. */
async function peakRss<T>(rootPid: number | undefined, work: () => Promise<T>): Promise<{ result: T; peak: number | null }> {
  let peak: number | null = null;
  const sample = () => {
    const rss = rootPid ? serverRssMb(rootPid) : null;
    if (rss !== null && (peak === null || rss > peak)) peak = rss;
  };
  const timer = setInterval(sample, 250);
  try {
    const result = await work();
    sample();
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

async function load(pathname: string, cookie: string, duration: number) {
  const result = await autocannon({ url: `${BASE}${pathname}`, connections: 10, duration, headers: { cookie } });
  if (result.non2xx > 0 || result.errors > 0) console.warn(`warning: ${pathname}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return { rps: round2(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

/**
 * RSS of the server: the server.mjs (or next-server) process, or with WEB_CONCURRENCY > 1 the cluster's primary
 * and all its workers together (descendants of the started process group running Next.js).
 */
let lastBreakdown: { anon_mb: number; file_mb: number } | null = null;

function serverRssMb(rootPid: number): number | null {
  const parent = new Map<number, number>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  const isDescendant = (pid: number) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === rootPid) return true;
    return false;
  };
  let totalKb = 0;
  for (const pid of parent.keys()) {
    if (!isDescendant(pid)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      // scripts/server.mjs (npm start, the release's app/server.mjs) or a cluster; `next start` titles itself next-server.
      if (!cmdline.startsWith("next-server") && !/(server|cluster)\.mjs/.test(cmdline)) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
      totalKb += kb("VmRSS");
      lastBreakdown = { anon_mb: Math.round(kb("RssAnon") / 1024), file_mb: Math.round(kb("RssFile") / 1024) };
    } catch {
      /* gone */
    }
  }
  return totalKb ? Math.round(totalKb / 1024) : null;
}

async function main() {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(DB_FILE + suffix, { force: true });
  migrateSqlite(DB_FILE);
  let t = Date.now();
  buildBenchData(DB_FILE, SHAPE, await hashPassword(BENCH_PASSWORD));
  console.log(`dataset: ${SHAPE.years.join("/")}, ${SHAPE.countedEntries} counted entries, built in ${Date.now() - t} ms`);

  const planParse = await measurePlanParse();
  console.log(`plan parse (100 KB) p50 ${round2(planParse)} ms`);
  const planImport = await measureImport();
  console.log(`plan import: PDF ${planImport.pdfPages} pages ${planImport.pdf50} ms, Word table 300 rows ${planImport.docxTable300} ms, Excel 1000 rows ${planImport.xlsx1000} ms`);
  const regulationSearch = await measureRegulationSearch();
  console.log(`regulation search (2,000 rules, ${regulationSearch.chars} characters) p50 ${regulationSearch.p50} ms`);
  const computation = await measureComputation();
  console.log(`loadPlanProgress p50 ${round2(computation.dashboard)} ms, floor p50 ${round2(computation.floor)} ms`);

  t = Date.now();
  const log = fs.openSync(path.join(ROOT, "data", "bench-server.log"), "w");
  console.log("starting the production server (builds first when needed; output in data/bench-server.log)…");
  // BENCH_RELEASE=<unpacked fazhi-portal directory>: measure the release archive's server instead of `npm start`.
  const release = process.env.BENCH_RELEASE ? path.resolve(process.env.BENCH_RELEASE) : null;
  const [command, args] = release ? [path.join(release, "bin", "portal"), ["start"]] : ["npx", ["tsx", "scripts/start.ts"]];
  const server = spawn(command, args, {
    cwd: ROOT,
    detached: true, // its own process group, so the whole tree stops at the end
    stdio: ["ignore", log, log],
    env: { ...process.env, DATABASE_URL: `file:${DB_FILE}`, PORT: String(PORT), SEED_DEMO: "0", NEXTAUTH_URL: BASE, ...(release ? { DATA_DIR: path.join(ROOT, "data", "bench-release") } : {}) },
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", stop);
  try {
    await waitForServer(server);
    console.log(`server ready in ${Date.now() - t} ms`);
    const cookie = await login();
    const page = await fetch(`${BASE}/dashboard`, { headers: { cookie } });
    if (!page.ok || !(await page.text()).includes("工作看板")) throw new Error(`dashboard: HTTP ${page.status}`);
    const ledgerPath = `/ledger?year=${YEAR}&status=APPROVED&q=${encodeURIComponent("学习")}&page=2`;
    await load("/dashboard", cookie, 3); // warm-up
    await load(ledgerPath, cookie, 2);
    // Idle: after the warm-up, a few seconds without requests (timers and the GC settle).
    await new Promise((r) => setTimeout(r, 5000));
    const idleRss = server.pid ? serverRssMb(server.pid) : null;
    console.log(`idle RSS ${idleRss} MB (last process: ${JSON.stringify(lastBreakdown)})`);
    const measured = await peakRss(server.pid, async () => {
      const dashboard = await load("/dashboard", cookie, 10);
      console.log(`dashboard: ${dashboard.total} requests`);
      const ledger = await load(ledgerPath, cookie, 10);
      console.log(`ledger: ${ledger.total} requests (${ledgerPath})`);
      return { dashboard, ledger };
    });
    const { dashboard, ledger } = measured.result;
    const rss = measured.peak;
    console.log(`peak RSS under load ${rss} MB (last process now: ${JSON.stringify(lastBreakdown)})`);

    console.log(
      JSON.stringify({
        entries: SHAPE.countedEntries,
        node: process.versions.node,
        workers: Number(process.env.WEB_CONCURRENCY || 1),
        server: release ? "release" : "npm start",
        dashboard_ms_p50: round2(computation.dashboard),
        floor_ms_p50: round2(computation.floor),
        ratio: round2(computation.dashboard / computation.floor),
        dashboard_http_rps: dashboard.rps,
        dashboard_http_p50_ms: dashboard.p50,
        dashboard_http_p99_ms: dashboard.p99,
        ledger_http_p50_ms: ledger.p50,
        ledger_http_p99_ms: ledger.p99,
        rss_mb: rss,
        idle_rss_mb: idleRss,
        plan_parse_100kb_ms: round2(planParse),
        plan_parse_pdf_50pages_ms: planImport.pdf50,
        plan_parse_docx_table_300rows_ms: planImport.docxTable300,
        plan_parse_xlsx_1000rows_ms: planImport.xlsx1000,
        regulation_search_ms_p50: regulationSearch.p50,
      }),
    );
  } finally {
    stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error("bench failed:", error);
    process.exit(1);
  },
);
