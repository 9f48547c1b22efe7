/**
 * `npm start`: everything a fresh clone needs, then the production server.
 * Data directory, auth secret, migrations, demo seed, build when missing or stale, `next start`.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { DATA_DIR, ROOT_DIR, databaseKind, databaseUrl, ensureAuthSecret } from "../lib/config";
import { applyMigrations, seedIfEmpty } from "../lib/setup";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo";
import { ROLE_LABEL } from "../lib/auth/roles";
import { formatSsoConfigErrors, parseSsoConfig } from "../lib/auth/sso-config";
import { serverCommand } from "./server-command";
import { buildIfStale } from "./build-stamp";

/** Single sign-on settings (OIDC_*, LDAP_*, LOCAL_LOGIN): a mistake stops the start with a message saying what to fix. */
function checkSsoConfig(): void {
  const parsed = parseSsoConfig(process.env);
  const errors = parsed.ok ? [] : parsed.errors;
  const caFile = parsed.ok ? parsed.config.ldap?.tlsCaFile : null;
  if (caFile && !fs.existsSync(caFile)) errors.push(`LDAP_TLS_CA 指定的证书文件不存在：${caFile}`);
  if (errors.length) {
    console.error(formatSsoConfigErrors(errors));
    process.exit(1);
  }
}

async function main() {
  const port = process.env.PORT || "3000";
  checkSsoConfig();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  process.env.NEXTAUTH_SECRET = ensureAuthSecret();
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  process.env.DATABASE_URL = databaseUrl();

  const applied = await applyMigrations();
  if (applied.length) console.log(`已应用数据库迁移：${applied.join(", ")}`);

  const { prisma } = await import("../lib/db");
  const seeded = await seedIfEmpty(prisma);
  await prisma.$disconnect();

  if (process.argv.includes("--setup-only")) return;
  buildIfStale(ROOT_DIR);

  const url = `http://localhost:${port}`;
  // Node.js 20 reached its end of life on 2026-04-30; the release archive ships 24 (README "Node.js").
  if (Number(process.versions.node.split(".")[0]) < 24) console.log(`提示：Node.js ${process.versions.node} 已停止维护，建议改用 Node.js 24 LTS（见 README“Node.js”；离线发布包自带 Node.js）。`);
  console.log("");
  console.log(`法治建设工作台：${url}`);
  console.log(`数据库：${databaseKind() === "sqlite" ? process.env.DATABASE_URL.replace(/^file:/, "") : "PostgreSQL"}`);
  if (seeded.kind === "admin") {
    console.log(`已创建管理员账户 admin，初始密码：${seeded.password}（仅显示一次，请登录后立即修改）`);
  }
  if (seeded.kind === "demo" || (await hasDemoAccounts())) {
    console.log(`演示账户（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(14)} ${ROLE_LABEL[a.role]}${a.office ? ` · ${a.office}` : ""}`);
    console.log("警告：演示账户和演示数据仅供试用，切勿用于生产环境（生产部署请设置 SEED_DEMO=0）。");
  }
  console.log("");

  // WEB_CONCURRENCY > 1: one worker per core (scripts/cluster.mjs); otherwise plain `next start`.
  const workers = Number(process.env.WEB_CONCURRENCY || 1);
  if (workers > 1 && databaseKind() === "sqlite") {
    console.log("提示：SQLite 数据库同一时刻只允许一个写入，多个工作进程的写入会相互等待；多核部署建议使用 PostgreSQL。");
  }
  const child = spawn(process.execPath, serverCommand(ROOT_DIR, port, workers), { stdio: "inherit", env: { ...process.env, PORT: port } });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code) => process.exit(code ?? 0));
}

async function hasDemoAccounts(): Promise<boolean> {
  const { prisma } = await import("../lib/db");
  const count = await prisma.user.count({ where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) } } });
  await prisma.$disconnect();
  return count === DEMO_ACCOUNTS.length;
}

main().catch((error) => {
  console.error("启动失败：", error);
  process.exit(1);
});
