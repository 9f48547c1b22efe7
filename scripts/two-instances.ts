/**
 * `npm run test:instances`: two production instances on one PostgreSQL database behind nginx
 * (deploy/topology.md), checked for what must hold across instances:
 *   a. a session cookie from A opens pages on B; signing out on B ends it on A;
 *   b. failed logins alternating A and B lock the account, and the client address, on both;
 *   c. a 催办 sent on A is in the recipient's notifications on B;
 *   d. B's memoised dashboard figure moves as soon as A submits / approves a ledger entry;
 *   f. (before e) a keep-alive connection left idle for 6 s is still served, not closed under a proxy
 *      that reuses it (scripts/server.mjs KEEP_ALIVE_TIMEOUT_MS);
 *   e. the load test's write/read mix (scripts/load-mix.ts) through nginx to both instances:
 *      no 5xx, no lost write, both instances served; one JSON line with the figures.
 * Uses the existing production build (scripts/start.ts builds it when missing). A fresh database
 * (twoinst_<pid>) is created and dropped; servers and nginx are stopped in every case.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { loginCookie } from "../tests/support/server-process";
import { serverCommand } from "./server-command";
import { buildIfStale } from "./build-stamp";
import { createRecorder, runWriteMix, summariseMix } from "./load-mix";
import { attemptLogin, callAction, page, serverActionId, signOut } from "./two-instances/http";
import { startNginx, UPSTREAM_HEADER } from "./two-instances/nginx";

const ROOT = path.resolve(__dirname, "..");
const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgresql://root@127.0.0.1:5432/test";
const DB_NAME = `twoinst_${process.pid}`;
const DB_URL = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
})();
const [PORT_A, PORT_B, PORT_LB] = [3421, 3422, 3423].map((p, i) => Number(process.env[`TWO_INSTANCES_PORT_${"ABN"[i]}`] || p));
const A = `http://localhost:${PORT_A}`;
const B = `http://localhost:${PORT_B}`;
const LB = `http://localhost:${PORT_LB}`;
const LOAD_SECONDS = Number(process.env.TWO_INSTANCES_LOAD_SECONDS || 30);
const SECRET = `two-instances-${process.pid}-0123456789abcdef0123456789`;
// lib/auth/login.ts: LOCKOUT_THRESHOLD failures lock an account, IP_LOCKOUT_THRESHOLD an address.
const LOCKOUT_THRESHOLD = 5;
const IP_LOCKOUT_THRESHOLD = 20;
const LOCKED = "登录失败次数过多，账户已临时锁定";
const PASSWORD = "Demo@2025";

class CheckFailed extends Error {}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

const children: ChildProcess[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-two-instances-"));

async function admin<T>(run: (client: Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function startInstance(name: string, port: number, extra: Record<string, string>): Promise<ChildProcess> {
  const log = fs.openSync(path.join(work, `${name}.log`), "w");
  const child = spawn(process.execPath, serverCommand(ROOT, String(port), 1), {
    cwd: ROOT,
    env: { ...process.env, WEB_CONCURRENCY: "1", DATABASE_URL: DB_URL, PORT: String(port), NEXTAUTH_URL: LB, NEXTAUTH_SECRET: SECRET, TRUSTED_PROXY_HOPS: "1", SEED_DEMO: "0", ...extra },
    stdio: ["ignore", log, log],
  });
  children.push(child);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited (${child.exitCode})`);
    try {
      if ((await fetch(`http://localhost:${port}/login`)).ok) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`instance ${name} did not start on ${port}`);
}

const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const pendingFigure = (html: string) => /data-testid="pending-review"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;

/** a. Sessions are JWTs with one secret; revocations are rows every instance reads. */
async function checkSessions() {
  const session = await loginCookie(A, "leader");
  const onB = await page(B, "/dashboard", session);
  check(onB.status === 200 && onB.html.includes("王秘书长"), `a. 在 A 登录的会话在 B 上不可用（B 返回 ${onB.status}）`);
  check((await signOut(B, session)) === 200, "a. 在 B 上退出登录失败");
  const onA = await page(A, "/dashboard", session);
  check(onA.status >= 300 && onA.status < 400 && (onA.location ?? "").includes("/login"), `a. 在 B 上退出后，A 仍接受该会话（A 返回 ${onA.status}）`);
  return "a. 会话：A 登录的 Cookie 在 B 上可用；在 B 退出后 A 拒绝该 Cookie";
}

/** b. Failed logins are rows in LoginAttempt, counted by every instance. */
async function checkLockout() {
  const address = "203.0.113.7";
  for (let i = 0; i < LOCKOUT_THRESHOLD; i += 1) {
    const outcome = await attemptLogin(i % 2 === 0 ? A : B, "viewer", "wrong-password-1", address);
    check(outcome.error && !outcome.error.includes(LOCKED), `b. 第 ${i + 1} 次失败登录（阈值 ${LOCKOUT_THRESHOLD}）已被锁定或未被拒绝：${outcome.error}`);
  }
  for (const [name, base] of [["A", A], ["B", B]]) {
    const outcome = await attemptLogin(base, "viewer", PASSWORD, "203.0.113.8");
    check(!outcome.session && outcome.error?.includes(LOCKED), `b. A、B 交替失败 ${LOCKOUT_THRESHOLD} 次后，${name} 上账户未锁定（正确密码：${outcome.error ?? "已登录"}）`);
  }
  const crowd = "203.0.113.9";
  for (let i = 0; i < IP_LOCKOUT_THRESHOLD; i += 1) {
    const outcome = await attemptLogin(i % 2 === 0 ? A : B, `nobody-${i}`, "wrong-password-1", crowd);
    check(outcome.error && !outcome.error.includes(LOCKED), `b. 同一地址第 ${i + 1} 次失败登录（阈值 ${IP_LOCKOUT_THRESHOLD}）已被锁定：${outcome.error}`);
  }
  for (const [name, base] of [["A", A], ["B", B]]) {
    const outcome = await attemptLogin(base, "auditor", PASSWORD, crowd);
    check(!outcome.session && outcome.error?.includes(LOCKED), `b. 同一地址交替失败 ${IP_LOCKOUT_THRESHOLD} 次后，${name} 上该地址未锁定`);
  }
  const elsewhere = await attemptLogin(B, "auditor", PASSWORD, "203.0.113.10");
  check(elsewhere.session, "b. 地址锁定波及了其他地址的登录");
  return `b. 登录锁定：A、B 交替失败 ${LOCKOUT_THRESHOLD} 次锁定账户、${IP_LOCKOUT_THRESHOLD} 次锁定地址，两个实例都拒绝`;
}

/**
 * c. The reminder and its notifications are written on A; B lists them without a restart. The demo's
 * point 8 (综合科) is 滞后 on every day of the year (DEMO_BEHIND_POINT, lib/seed/demo.ts), so it is
 * tried first; a point that may not be reminded is refused and writes nothing.
 */
async function checkReminder(year: number) {
  const points = await admin(
    (c) =>
      c.query<{ id: number; office: string }>(
        `SELECT wp.id, o.name AS office FROM "WorkPoint" wp JOIN "Plan" p ON p.id = wp."planId" JOIN "Office" o ON o.id = wp."leadOfficeId"
         WHERE p.year = $1 AND o.name IN ('综合科', '研究室') ORDER BY wp.number = 8 DESC, wp.id`,
        [year],
      ),
    DB_URL,
  );
  const leader = await loginCookie(A, "leader");
  const actionId = serverActionId(ROOT, "lib/reminders/actions.ts", "sendReminderAction");
  const message = `双实例检查催办-${process.pid}，请尽快推进并反馈。`;
  let sentTo: string | null = null;
  const refusals: string[] = [];
  for (const point of points.rows) {
    const sent = await callAction(A, `/points/${point.id}`, actionId, leader, { workPointId: point.id, message, requestedBy: chinaDay(7) });
    check(sent.result, `c. 调用催办操作没有得到结果（HTTP ${sent.status}）：${sent.raw.slice(0, 300)}`);
    if (sent.result.ok) {
      sentTo = point.office;
      break;
    }
    refusals.push(sent.result.message);
  }
  check(sentTo, `c. 演示数据中没有可催办（滞后或逾期）的综合科、研究室工作要点：${[...new Set(refusals)].join("；")}`);
  const staff = await loginCookie(B, sentTo === "综合科" ? "staff-zonghe" : "staff-yanjiu");
  const list = await page(B, "/notifications", staff);
  check(list.status === 200 && list.html.includes(message), `c. 在 A 发出的催办没有出现在 B 的消息通知中（${sentTo}，HTTP ${list.status}）`);
  return `c. 催办：领导在 A 发出，${sentTo}人员在 B 的消息通知中即时看到`;
}

/** d. B's dashboard memo is keyed on the figures stamp in the database: A's write moves it. */
async function checkDashboardMemo(year: number) {
  const leader = await loginCookie(B, "leader");
  const staff = await loginCookie(A, "staff-zonghe");
  const coordinator = await loginCookie(A, "coordinator");
  const figure = async () => pendingFigure((await page(B, "/dashboard", leader)).html);
  const before = await figure();
  check(before !== null && before === (await figure()), "d. B 的驾驶舱上找不到“待审核台账”数字");
  const pointId = (
    await admin((c) => c.query<{ id: number }>(`SELECT wp.id FROM "WorkPoint" wp JOIN "Plan" p ON p.id = wp."planId" JOIN "Office" o ON o.id = wp."leadOfficeId" WHERE p.year = $1 AND o.name = '综合科' ORDER BY wp.id LIMIT 1`, [year]), DB_URL)
  ).rows[0]?.id;
  check(pointId, "d. 演示数据中没有综合科牵头的工作要点");
  const created = await fetch(`${A}/api/v1/ledger-entries`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: staff, origin: A },
    body: JSON.stringify({ pointId, date: `${year}-01-15`, title: `双实例检查台账-${process.pid}`, form: "其他", description: "two instances" }),
  });
  const createdText = await created.text();
  check(created.status === 201, `d. 在 A 上新建台账失败（HTTP ${created.status}）：${createdText}`);
  const { id, version } = JSON.parse(createdText) as { id: number; version: number };
  const count = (value: string | null) => Number(/\d+/.exec(value ?? "")?.[0] ?? NaN);
  const submit = await callAction(A, `/ledger/${id}`, serverActionId(ROOT, "lib/ledger/actions.ts", "submitEntryAction"), staff, { id, version });
  check(submit.result?.ok, `d. 在 A 上提交审核失败：${submit.result?.message ?? submit.raw.slice(0, 300)}`);
  const afterSubmit = await figure();
  check(count(afterSubmit) === count(before) + 1, `d. A 提交审核后，B 的“待审核台账”仍为 ${afterSubmit}（之前 ${before}）：B 显示了过期的缓存`);
  const approve = await callAction(A, `/ledger/${id}`, serverActionId(ROOT, "lib/ledger/actions.ts", "approveEntryAction"), coordinator, { id, version: version + 1 });
  check(approve.result?.ok, `d. 在 A 上审核通过失败：${approve.result?.message ?? approve.raw.slice(0, 300)}`);
  const afterApprove = await figure();
  check(count(afterApprove) === count(before), `d. A 审核通过后，B 的“待审核台账”为 ${afterApprove}（应为 ${before}）：B 显示了过期的缓存`);
  return `d. 缓存：B 的“待审核台账” ${before} → A 提交后 ${afterSubmit} → A 审核通过后 ${afterApprove}`;
}

/**
 * f. An idle keep-alive connection outlives Node's 5 s default: nginx keeps upstream connections for
 * 60 s, and a server that closes one as nginx reuses it turns a POST into a 502.
 */
async function checkIdleKeepAlive() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const request = http.get(`${A}/login`, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket }));
      });
      request.on("error", reject);
    });
  try {
    const first = await get();
    await new Promise((r) => setTimeout(r, 6_000));
    const second = await get();
    check(first.status === 200 && second.status === 200 && second.reused, `f. 空闲 6 秒的长连接被实例关闭（第二次请求${second.reused ? "复用" : "未复用"}连接，HTTP ${second.status}）`);
  } finally {
    agent.destroy();
  }
  return "f. 长连接：空闲 6 秒后仍可复用（反向代理复用上游连接时不会遇到被关闭的连接）";
}

/** e. The load test's mix through nginx, for LOAD_SECONDS. */
async function checkLoad(year: number) {
  const served = new Map<string, number>();
  const recorder = createRecorder((response) => {
    const upstream = response.headers.get(UPSTREAM_HEADER) ?? "unknown";
    served.set(upstream, (served.get(upstream) ?? 0) + 1);
  });
  const pointIds = (
    await admin((c) => c.query<{ id: number }>(`SELECT wp.id FROM "WorkPoint" wp JOIN "Plan" p ON p.id = wp."planId" JOIN "Office" o ON o.id = wp."leadOfficeId" WHERE p.year = $1 AND o.name = '综合科'`, [year]), DB_URL)
  ).rows.map((r) => r.id);
  const writerCookies = await Promise.all(Array.from({ length: 20 }, () => loginCookie(LB, "staff-zonghe")));
  const readerCookies = await Promise.all(Array.from({ length: 10 }, () => loginCookie(LB, "leader")));
  const run = await runWriteMix(recorder, { base: LB, writerCookies, readerCookies, pointIds, year, entries: 1_000_000, deadline: Date.now() + LOAD_SECONDS * 1000 });
  const rows = await admin((c) => c.query<{ id: number; title: string }>(`SELECT id, title FROM "LedgerEntry" WHERE title LIKE '压测-%'`), DB_URL);
  const stored = new Map(rows.rows.map((r) => [r.id, r.title]));
  const perInstance = Object.fromEntries([...served].sort());
  const summary = { ...summariseMix(recorder, run, stored), per_instance: perInstance };
  const { counters } = recorder;
  const { lost_writes: lostWrites, entries_created: created } = summary;
  const servedA = served.get(`127.0.0.1:${PORT_A}`) ?? 0;
  const servedB = served.get(`127.0.0.1:${PORT_B}`) ?? 0;
  check(counters.fivexx === 0 && counters.errors === 0, `e. 压测出现 ${counters.fivexx} 个 5xx、${counters.errors} 个错误：${JSON.stringify(summary)}`);
  check(lostWrites === 0 && created > 0, `e. 压测丢失 ${lostWrites} 条已确认的写入（共 ${created} 条）`);
  check(servedA > 0 && servedB > 0, `e. nginx 没有把请求分给两个实例：${JSON.stringify(perInstance)}`);
  return summary;
}

async function main() {
  const started = performance.now();
  buildIfStale(ROOT);
  await admin((c) => c.query(`CREATE DATABASE "${DB_NAME}"`));
  const setup = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts", "--setup-only"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: DB_URL, SEED_DEMO: "1", NEXTAUTH_SECRET: SECRET },
    encoding: "utf8",
  });
  if (setup.status !== 0) throw new Error(`migrate + seed failed: ${setup.stderr || setup.stdout}`);
  // One instance runs the reminder scheduler (README "Email reminders"); the other stays out of it.
  await Promise.all([startInstance("a", PORT_A, {}), startInstance("b", PORT_B, { REMINDER_SCHEDULER: "off" })]);
  children.push(await startNginx(ROOT, work, PORT_LB, [PORT_A, PORT_B]));
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

  console.log(await checkSessions());
  console.log(await checkLockout());
  console.log(await checkReminder(year));
  console.log(await checkDashboardMemo(year));
  console.log(await checkIdleKeepAlive());
  const load = await checkLoad(year);
  console.log("e. 压测：经 nginx 分发到两个实例，无 5xx、无丢失写入");
  console.log(JSON.stringify({ ...load, wall_seconds: Math.round((performance.now() - started) / 1000) }));
}

async function cleanup() {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => (child.kill("SIGKILL"), resolve()), 10_000);
          child.once("exit", () => (clearTimeout(timer), resolve()));
          child.kill("SIGTERM");
        }),
    ),
  );
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)).catch((error) => console.error(`无法删除数据库 ${DB_NAME}：`, error));
}

main()
  .then(async () => {
    await cleanup();
    fs.rmSync(work, { recursive: true, force: true });
    process.exit(0);
  })
  .catch(async (error) => {
    console.error(error instanceof CheckFailed ? `双实例检查未通过：${error.message}` : error);
    for (const [label, file] of [["instance a", "a.log"], ["instance b", "b.log"], ["nginx error.log", "error.log"]]) {
      const log = path.join(work, file);
      if (fs.existsSync(log)) console.error(`--- ${label} (last lines) ---\n${fs.readFileSync(log, "utf8").split("\n").slice(-20).join("\n")}`);
    }
    await cleanup();
    fs.rmSync(work, { recursive: true, force: true });
    process.exit(1);
  });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanup().finally(() => {
      fs.rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
  });
}
