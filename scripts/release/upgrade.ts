/**
 * `bin/portal upgrade [OLD_RELEASE_DIR] [--no-start]`, run from the NEW release after the old
 * server has been stopped (README "Upgrade"):
 *  1. the data: DATA_DIR when set (kept outside both releases), otherwise the old release's data/
 *     is moved into the new release;
 *  2. SQLite: an online backup into DATA_DIR/backups/pre-upgrade-<old>-to-<new>-<time>.db;
 *  3. all pending migrations in ONE transaction (lib/migrate.ts, atomic): if any fails the database
 *     is left exactly as it was, the moved data goes back, and the old release starts as before;
 *  4. the caller then starts the new release.
 */
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR, databaseKind, sqliteFilePath } from "../../lib/config";
import { applyMigrations } from "../../lib/setup";
import { backupSqlite } from "../../lib/backup";
import { assertNoServerHolds } from "../../lib/server-lock";

interface Release {
  home: string;
  version: string;
}

function isEmptyDir(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).length === 0;
}

/** Returns true when the database is migrated and the new release may start. */
export async function upgrade(args: string[], release: Release): Promise<boolean> {
  const oldArg = args.find((a) => !a.startsWith("--"));
  const oldHome = oldArg ? path.resolve(process.env.PORTAL_CWD || process.cwd(), oldArg) : null;
  if (oldHome && !fs.existsSync(path.join(oldHome, "bin", "portal"))) throw new Error(`不是门户的安装目录（缺少 bin/portal）：${oldHome}`);
  if (oldHome && path.resolve(oldHome) === path.resolve(release.home)) throw new Error("旧版本目录与新版本目录相同：请把新版本解压到另一个目录再升级");
  const oldVersion = oldHome && fs.existsSync(path.join(oldHome, "VERSION")) ? fs.readFileSync(path.join(oldHome, "VERSION"), "utf8").trim() : "旧版本";
  const sqlite = databaseKind() === "sqlite";

  // 1. Data kept inside the old release (no DATA_DIR): move it over, same file system.
  let movedFrom: string | null = null;
  if (oldHome && process.env.PORTAL_DATA_DIR_DEFAULT === "1") {
    const oldData = path.join(oldHome, "data");
    if (fs.existsSync(oldData)) {
      if (sqlite) assertNoServerHolds(path.join(oldData, path.basename(sqliteFilePath())));
      if (fs.existsSync(DATA_DIR) && !isEmptyDir(DATA_DIR)) throw new Error(`新版本的数据目录已有内容：${DATA_DIR}。请确认后清空它，或用 DATA_DIR 指明数据目录`);
      fs.rmSync(DATA_DIR, { recursive: true, force: true });
      fs.renameSync(oldData, DATA_DIR);
      movedFrom = oldData;
      console.log(`数据目录已从 ${oldData} 移到 ${DATA_DIR}`);
    }
  }
  const moveBack = () => {
    if (!movedFrom) return;
    fs.renameSync(DATA_DIR, movedFrom);
    fs.mkdirSync(DATA_DIR, { recursive: true });
    console.error(`数据目录已移回 ${movedFrom}`);
  };

  try {
    // 2. Backup (SQLite; PostgreSQL: pg_dump before upgrading, README).
    let backupFile: string | null = null;
    if (sqlite && fs.existsSync(sqliteFilePath())) {
      assertNoServerHolds(sqliteFilePath());
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      backupFile = path.join(DATA_DIR, "backups", `pre-upgrade-${oldVersion}-to-${release.version}-${stamp}.db`);
      await backupSqlite(sqliteFilePath(), backupFile);
      console.log(`升级前备份：${backupFile}`);
    } else if (!sqlite) {
      console.log("PostgreSQL：迁移在一个事务中执行，失败时数据库不变；升级前请另行用 pg_dump 备份。");
    }

    // 3. Migrations, all or nothing.
    const applied = await applyMigrations(undefined, { atomic: true });
    console.log(applied.length ? `已应用数据库迁移：${applied.join(", ")}` : "数据库已是最新，无需迁移");
    fs.writeFileSync(path.join(DATA_DIR, "release-version"), `${release.version}\n`);
    console.log(`已升级到 ${release.version}。回退方法见 README“Upgrade”${backupFile ? `（升级前备份：${backupFile}）` : ""}。`);
    return true;
  } catch (error) {
    console.error(`升级失败：${(error as Error).message}`);
    console.error("数据库迁移在一个事务中执行，失败时数据库保持升级前的状态。");
    moveBack();
    if (oldHome) console.error(`旧版本仍可照常启动：${path.join(oldHome, "bin", "portal")} start`);
    process.exitCode = 1;
    return false;
  }
}
