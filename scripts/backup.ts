/** `npm run backup -- FILE`: online backup of the running portal's SQLite database. */
import { databaseKind, sqliteFilePath } from "../lib/config";
import { backupSqlite } from "../lib/backup";

async function main() {
  const dest = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!dest) throw new Error("用法：npm run backup -- 备份文件路径");
  if (databaseKind() !== "sqlite") throw new Error("PostgreSQL 部署请使用 pg_dump / pg_restore 备份（附件也在数据库中）");
  const counts = await backupSqlite(sqliteFilePath(), dest);
  console.log(`备份完成：${dest}`);
  console.log(JSON.stringify(counts));
}

main().catch((error: Error) => {
  console.error(`备份失败：${error.message}`);
  process.exit(1);
});
