/**
 * `npm run test:release` (in .ci/run): the offline install, end to end.
 *  1. `npm run release` twice (versions A and B; the second reuses the Next.js build) and checks
 *     each archive against its .sha256;
 *  2. unpacks A into an empty directory and runs it with a PATH that holds no node, npm or npx and
 *     an environment without registry settings; the server process must be the bundled node;
 *  3. production start (no SEED_DEMO): no demo accounts, the first-start note names
 *     `bin/portal create-admin`; create-admin makes an administrator who logs in over HTTP;
 *  4. a demo start (SEED_DEMO=1): staff-zonghe logs in and records a ledger entry (JSON API);
 *  5. B with a broken migration added: `bin/portal upgrade A` fails, and A starts again on its data
 *     with the entry there;
 *  6. B with a good migration added: `bin/portal upgrade A` backs up, migrates, starts, and the
 *     entry is still there.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { loginCookie } from "../tests/support/server-process";

const ROOT = process.cwd();
const RUN = Date.now().toString(36);
const VERSION_A = `9.0.0-ci.${RUN}.a`;
const VERSION_B = `9.0.0-ci.${RUN}.b`;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "portal-release-"));
const ADMIN_PASSWORD = "Ops#Release2026";

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
  console.log(`ok - ${message}`);
}

function sh(command: string, args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}) {
  const result = spawnSync(command, args, { cwd: options.cwd ?? ROOT, env: (options.env ?? process.env) as NodeJS.ProcessEnv, input: options.input, encoding: "utf8" });
  return { status: result.status, out: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

function release(version: string): string {
  const result = spawnSync("npm", ["run", "release"], { cwd: ROOT, env: { ...process.env, RELEASE_VERSION: version }, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run release failed for ${version}`);
  const archive = path.join(ROOT, "dist", `fazhi-portal-${version}-linux-x64.tar.gz`);
  const [digest, name] = fs.readFileSync(`${archive}.sha256`, "utf8").trim().split(/\s+/);
  check(name === path.basename(archive) && digest === crypto.createHash("sha256").update(fs.readFileSync(archive)).digest("hex"), `${path.basename(archive)} matches its .sha256`);
  return archive;
}

function unpack(archive: string, name: string): string {
  const dir = path.join(WORK, name);
  fs.mkdirSync(dir);
  check(fs.readdirSync(dir).length === 0, `unpacking into the empty directory ${dir}`);
  const result = sh("tar", ["-C", dir, "-xzf", archive]);
  if (result.status !== 0) throw new Error(result.out);
  return path.join(dir, "fazhi-portal");
}

/** A PATH with a shell and cat only: no node, npm or npx can be found on it. */
function barePath(): string {
  const bin = path.join(WORK, "bin");
  fs.mkdirSync(bin);
  for (const tool of ["sh", "cat"]) fs.symlinkSync(fs.realpathSync(`/bin/${tool}`), path.join(bin, tool));
  for (const tool of ["node", "npm", "npx", "nodejs"]) {
    check(sh("/bin/sh", ["-c", `command -v ${tool} || true`], { env: { PATH: bin } }).out.trim() === "", `PATH holds no ${tool}`);
  }
  return bin;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const PATH_BARE = { value: "" };
function bareEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // No inherited variables: in particular no npm_config_* / NPM_CONFIG_REGISTRY and no NODE_OPTIONS.
  return { PATH: PATH_BARE.value, HOME: WORK, LANG: "C.UTF-8", ...extra } as unknown as NodeJS.ProcessEnv;
}

function portal(home: string, args: string[], env: Record<string, string>, input?: string) {
  return sh(path.join(home, "bin", "portal"), args, { cwd: WORK, env: bareEnv(env), input });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  base: string;
}

async function startPortal(home: string, args: string[], env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  let output = "";
  const child = spawn(path.join(home, "bin", "portal"), args, { cwd: WORK, env: bareEnv({ ...env, PORT: String(port), NEXTAUTH_URL: base }), detached: true });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bin/portal ${args.join(" ")} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${base}/login`)).ok) return { child, output: () => output, base };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${base}:\n${output}`);
}

async function stopPortal(running: Running): Promise<void> {
  const exited = new Promise((resolve) => running.child.once("exit", resolve));
  if (running.child.exitCode === null) process.kill(-running.child.pid!, "SIGTERM");
  await exited;
}

function serverExecutable(running: Running): string {
  // bin/portal replaces itself (exec) with the server, so the started pid is the server.
  return fs.readlinkSync(`/proc/${running.child.pid}/exe`);
}

async function main() {
  PATH_BARE.value = barePath();
  const archiveA = release(VERSION_A);
  const archiveB = release(VERSION_B);
  const homeA = unpack(archiveA, "a");
  const homeB = unpack(archiveB, "b");
  check(portal(homeA, ["version"], {}).out.trim() === VERSION_A, `bin/portal version prints ${VERSION_A}`);

  // Production start: no demo data, the note on creating the first administrator.
  const prodData = path.join(WORK, "prod-data");
  let running = await startPortal(homeA, ["start"], { DATA_DIR: prodData });
  check(serverExecutable(running) === path.join(homeA, "node", "bin", "node"), "the server runs on the bundled node");
  check(running.output().includes("bin/portal create-admin"), "the first production start says how to create the first administrator");
  const created = portal(homeA, ["create-admin", "opsadmin", "--role", "ADMIN", "--password-stdin"], { DATA_DIR: prodData }, `${ADMIN_PASSWORD}\n`);
  check(created.status === 0, `create-admin succeeds (${created.out.trim()})`);
  check((await loginCookie(running.base, "opsadmin", ADMIN_PASSWORD)).includes("session-token"), "the new administrator logs in over HTTP");
  const demoLogin = await loginCookie(running.base, "leader", "Demo@2025").then(() => "in", () => "refused");
  check(demoLogin === "refused", "a production start has no demo accounts");
  await stopPortal(running);

  // Demo start of A with its data in the release directory (no DATA_DIR); record a ledger entry.
  running = await startPortal(homeA, ["start"], { SEED_DEMO: "1" });
  const year = new Date().getFullYear();
  const db = new Database(path.join(homeA, "data", "portal.db"), { readonly: true });
  const point = db
    .prepare(`SELECT wp.id AS id FROM "WorkPoint" wp JOIN "Plan" p ON p.id = wp."planId" JOIN "Office" o ON o.id = wp."leadOfficeId" WHERE p.year = ? AND o.name = '综合科' LIMIT 1`)
    .get(year) as { id: number };
  db.close();
  let cookie = await loginCookie(running.base, "staff-zonghe");
  const title = `离线安装测试-${RUN}`;
  const createdEntry = await fetch(`${running.base}/api/v1/ledger-entries`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: running.base },
    body: JSON.stringify({ pointId: point.id, date: `${year}-01-15`, title, form: "其他", description: "release test" }),
  });
  check(createdEntry.status === 201, `a ledger entry is recorded over HTTP (HTTP ${createdEntry.status})`);
  const { id } = (await createdEntry.json()) as { id: number };
  await stopPortal(running);

  const readEntry = async (base: string) => {
    const response = await fetch(`${base}/api/v1/ledger-entries/${id}`, { headers: { cookie } });
    return response.ok ? ((await response.json()) as { title?: string; entry?: { title?: string } }) : null;
  };
  const titleOf = (entry: Awaited<ReturnType<typeof readEntry>>) => entry?.title ?? entry?.entry?.title;

  // B with a migration that fails half way: the upgrade refuses, A runs on as before.
  const migrationsB = path.join(homeB, "app", "prisma", "migrations", "sqlite");
  const broken = path.join(migrationsB, "9998_release_test_broken");
  fs.mkdirSync(broken);
  fs.writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "ReleaseTestFirst" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);\n`);
  const failed = portal(homeB, ["upgrade", homeA], {});
  check(failed.status !== 0 && failed.out.includes("升级失败"), "an upgrade with a failing migration stops with 升级失败");
  check(fs.existsSync(path.join(homeA, "data", "portal.db")), "after the failed upgrade the data is back in the old release");
  const tables = new Database(path.join(homeA, "data", "portal.db"), { readonly: true });
  const leftover = tables.prepare(`SELECT name FROM sqlite_master WHERE name = 'ReleaseTestFirst'`).get();
  tables.close();
  check(!leftover, "the failed upgrade left no part of its migrations in the database");
  running = await startPortal(homeA, ["start"], { SEED_DEMO: "1" });
  cookie = await loginCookie(running.base, "staff-zonghe");
  check(titleOf(await readEntry(running.base)) === title, "the old release starts again and the entry is there");
  await stopPortal(running);
  fs.rmSync(broken, { recursive: true });

  // B with a good migration: backup, migrate, start; the entry is still there.
  const good = path.join(migrationsB, "9999_release_test");
  fs.mkdirSync(good);
  fs.writeFileSync(path.join(good, "migration.sql"), `CREATE TABLE "ReleaseTestUpgrade" ("id" INTEGER PRIMARY KEY);\n`);
  running = await startPortal(homeB, ["upgrade", homeA], { SEED_DEMO: "1" });
  check(serverExecutable(running) === path.join(homeB, "node", "bin", "node"), "after the upgrade the new release's bundled node serves");
  check(running.output().includes("9999_release_test"), "the upgrade applied the new release's migration");
  const backups = fs.readdirSync(path.join(homeB, "data", "backups"));
  check(backups.some((f) => f.startsWith(`pre-upgrade-${VERSION_A}-to-${VERSION_B}`)), `the upgrade made a backup first (${backups.join(", ")})`);
  cookie = await loginCookie(running.base, "staff-zonghe");
  check(titleOf(await readEntry(running.base)) === title, "the ledger entry recorded before the upgrade is there after it");
  await stopPortal(running);
  check(portal(homeB, ["version"], {}).out.trim() === VERSION_B, `bin/portal version prints ${VERSION_B}`);

  fs.rmSync(WORK, { recursive: true, force: true });
  for (const archive of [archiveA, archiveB]) for (const f of [archive, `${archive}.sha256`]) fs.rmSync(f, { force: true });
  console.log("release test passed");
}

main().catch((error) => {
  console.error(`release test failed: ${error instanceof Error ? error.stack : error}`);
  console.error(`work directory kept: ${WORK}`);
  process.exit(1);
});
