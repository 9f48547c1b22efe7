import { applyMigrations } from "../lib/setup";

applyMigrations()
  .then((applied) => console.log(applied.length ? `已应用：${applied.join(", ")}` : "数据库已是最新"))
  .catch((error) => {
    console.error("迁移失败：", error);
    process.exit(1);
  });
