/**
 * The offline release's administration CLI, `bin/portal <command>` (scripts/release/portal.sh runs
 * the bundled node on this file compiled to app/cli.mjs; README "Install on an intranet").
 * The working directory is the release's app/ folder; DATA_DIR is set by bin/portal.
 */
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR, ROOT_DIR, databaseKind, databaseUrl, ensureAuthSecret, sqliteFilePath } from "../../lib/config";
import { applyMigrations, seedIfEmpty } from "../../lib/setup";
import { backupSqlite, restoreSqlite } from "../../lib/backup";
import { formatSsoConfigErrors, parseSsoConfig } from "../../lib/auth/sso-config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../lib/seed/demo-accounts";
import { ROLE_LABEL } from "../../lib/auth/roles";
import { createAdmin, parseCreateAdminArgs } from "./create-admin";
import { upgrade } from "./upgrade";

export const HOME = process.env.PORTAL_HOME || path.resolve(ROOT_DIR, "..");
export const VERSION = fs.existsSync(path.join(HOME, "VERSION")) ? fs.readFileSync(path.join(HOME, "VERSION"), "utf8").trim() : "unknown";

/** A path given on the command line, relative to where bin/portal was run. */
export function userPath(p: string): string {
  return path.resolve(process.env.PORTAL_CWD || process.cwd(), p);
}

/** Environment every command shares: data directory, database URL, and no demo mode unless asked. */
function prepareEnvironment(): void {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  process.env.DATABASE_URL = databaseUrl();
  // A production install: demo data and the demo accounts' exemptions only with SEED_DEMO=1.
  process.env.SEED_DEMO = process.env.SEED_DEMO === "1" ? "1" : "0";
}

function checkSsoConfig(): void {
  const parsed = parseSsoConfig(process.env);
  const errors = parsed.ok ? [] : parsed.errors;
  const caFile = parsed.ok ? parsed.config.ldap?.tlsCaFile : null;
  if (caFile && !fs.existsSync(caFile)) errors.push(`LDAP_TLS_CA 指定的证书文件不存在：${caFile}`);
  if (errors.length) throw new Error(formatSsoConfigErrors(errors));
}

/** Everything before the server: checks, auth secret, migrations, first-start notes. bin/portal then runs the server. */
export async function start(): Promise<void> {
  const port = process.env.PORT || "3000";
  checkSsoConfig();
  process.env.NEXTAUTH_SECRET = ensureAuthSecret();
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  const applied = await applyMigrations();
  if (applied.length) console.log(`已应用数据库迁移：${applied.join(", ")}`);
  const { prisma } = await import("../../lib/db");
  const users = await prisma.user.count();
  if (users === 0 && process.env.SEED_DEMO === "1") await seedIfEmpty(prisma, true);
  const demo = process.env.SEED_DEMO === "1" && (await prisma.user.count({ where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) } } })) > 0;
  await prisma.$disconnect();

  console.log("");
  console.log(`法治建设工作台 ${VERSION}：http://localhost:${port}（对外地址 ${process.env.NEXTAUTH_URL}）`);
  console.log(`数据目录：${DATA_DIR}`);
  console.log(`数据库：${databaseKind() === "sqlite" ? sqliteFilePath() : "PostgreSQL"}`);
  if (users === 0 && !demo) {
    console.log("尚无任何账户。请在另一个终端创建第一个管理员（三员分立：系统管理员、安全保密管理员、安全审计员各一个账户）：");
    console.log(`  ${path.join(HOME, "bin", "portal")} create-admin 用户名 --role ADMIN|SECURITY_ADMIN|AUDITOR`);
  }
  if (demo) {
    console.log(`演示账户（密码均为 ${DEMO_PASSWORD}）：${DEMO_ACCOUNTS.map((a) => `${a.username}（${ROLE_LABEL[a.role]}）`).join("、")}`);
    console.log("警告：SEED_DEMO=1 为试用模式，切勿用于生产环境。");
  }
  console.log("");

  const workers = Number(process.env.WEB_CONCURRENCY || 1);
  if (workers > 1 && databaseKind() === "sqlite") console.log("提示：SQLite 同一时刻只允许一个写入，多个工作进程的写入会相互等待；多核部署建议使用 PostgreSQL。");
  // bin/portal now replaces itself with the server (scripts/release/portal.sh).
}

async function backup(args: string[]): Promise<void> {
  if (databaseKind() !== "sqlite") throw new Error("PostgreSQL 部署请使用 pg_dump / pg_restore 备份（附件也在数据库中）");
  const given = args.find((a) => !a.startsWith("--"));
  const dest = given ? userPath(given) : path.join(DATA_DIR, "backups", `portal-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
  const counts = await backupSqlite(sqliteFilePath(), dest);
  console.log(`备份完成：${dest}（台账记录 ${counts.LedgerEntry ?? 0} 条，账户 ${counts.User ?? 0} 个）`);
}

async function restore(args: string[]): Promise<void> {
  if (databaseKind() !== "sqlite") throw new Error("PostgreSQL 部署请使用 pg_restore");
  const source = args.find((a) => !a.startsWith("--"));
  if (!source) throw new Error("用法：bin/portal restore 备份文件 [--force]");
  const result = await restoreSqlite(userPath(source), sqliteFilePath(), { force: args.includes("--force") });
  console.log(`恢复完成，完整性检查：${result.integrity}（台账记录 ${result.counts.LedgerEntry ?? 0} 条）`);
}

const USAGE = `用法：bin/portal 命令
  start                      应用数据库迁移并启动服务（首次启动建库）
  migrate                    只应用数据库迁移
  backup [文件]              在线备份 SQLite 数据库（默认 $DATA_DIR/backups/）
  restore 文件 [--force]     从备份恢复（须先停止服务）
  create-admin 用户名 [--role ADMIN|SECURITY_ADMIN|AUDITOR] [--password-stdin]
                             创建管理员账户
  upgrade [旧版本目录] [--no-start]
                             升级：备份、迁移（失败则数据库不变）、启动
  version                    显示版本
配置（环境变量）：DATA_DIR、DATABASE_URL、PORT、NEXTAUTH_URL、NEXTAUTH_SECRET、TRUSTED_PROXY_HOPS、WEB_CONCURRENCY 等，见 README。`;

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === "version" || command === "--version") {
    console.log(VERSION);
    return;
  }
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return;
  }
  prepareEnvironment();
  switch (command) {
    case "start":
      return start();
    case "migrate": {
      const applied = await applyMigrations();
      console.log(applied.length ? `已应用：${applied.join(", ")}` : "数据库已是最新");
      return;
    }
    case "backup":
      return backup(args);
    case "restore":
      return restore(args);
    case "create-admin":
      return createAdmin(parseCreateAdminArgs(args));
    case "upgrade": {
      const ok = await upgrade(args, { home: HOME, version: VERSION });
      if (ok && !args.includes("--no-start")) await start();
      return;
    }
    default:
      console.error(`未知命令：${command}\n${USAGE}`);
      process.exitCode = 2;
  }
}

main().catch((error: Error) => {
  console.error(`失败：${error.message}`);
  process.exit(1);
});
