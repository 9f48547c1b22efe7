/** `npm run restore -- FILE [--force]`: restores a backup made by `npm run backup`. */
import { databaseKind, sqliteFilePath } from "../lib/config";
import { restoreSqlite } from "../lib/backup";

async function main() {
  const args = process.argv.slice(2);
  const source = args.find((a) => !a.startsWith("--"));
  if (!source) throw new Error("用法：npm run restore -- 备份文件路径 [--force]");
  if (databaseKind() !== "sqlite") throw new Error("PostgreSQL 部署请使用 pg_restore");
  const result = await restoreSqlite(source, sqliteFilePath(), { force: args.includes("--force") });
  console.log(`恢复完成，完整性检查：${result.integrity}`);
  console.log(JSON.stringify(result.counts));
}

main().catch((error: Error) => {
  console.error(`恢复失败：${error.message}`);
  process.exit(1);
});
