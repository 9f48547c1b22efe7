/**
 * `npm run db:gen-migrations -- NAME`: after editing prisma/schema.prisma, derives the PostgreSQL
 * schema and writes one new migration folder per database (NNNN_NAME) holding the difference
 * between the last committed schema (git HEAD) and the edited one, then regenerates the clients.
 * Existing migrations are never rewritten: databases that applied them must stay valid.
 * tests/integration/schema-drift.test.ts fails when the migrations do not add up to the schema.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { derivePostgresSchema } from "../lib/schema-source";

const root = process.cwd();
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("用法：npm run db:gen-migrations -- NAME（NAME 只含小写字母、数字和下划线，例如 ledger_list_indexes）");
  process.exit(1);
}

const sqliteSchemaFile = path.join(root, "prisma", "schema.prisma");
const pgSchemaFile = path.join(root, "prisma", "postgresql", "schema.prisma");
const edited = fs.readFileSync(sqliteSchemaFile, "utf8");
const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
fs.writeFileSync(pgSchemaFile, derivePostgresSchema(edited));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-migrations-"));
const before = { sqlite: committed, postgresql: derivePostgresSchema(committed) };
const after = { sqlite: edited, postgresql: derivePostgresSchema(edited) };

for (const kind of ["sqlite", "postgresql"] as const) {
  const from = path.join(tmp, `${kind}-before.prisma`);
  const to = path.join(tmp, `${kind}-after.prisma`);
  fs.writeFileSync(from, before[kind]);
  fs.writeFileSync(to, after[kind]);
  const sql = execFileSync(prismaBin, ["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
    console.log(`${kind}: prisma/schema.prisma 与已提交的版本没有结构差异，未生成迁移。`);
    continue;
  }
  const dir = path.join(root, "prisma", "migrations", kind);
  const last = fs.readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort().at(-1);
  const next = String(Number(last?.slice(0, 4) ?? 0) + 1).padStart(4, "0");
  const target = path.join(dir, `${next}_${name}`);
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, "migration.sql"), sql);
  console.log(`wrote prisma/migrations/${kind}/${next}_${name}/migration.sql`);
  // SQLite rebuilds a table for many changes; rebuilding AuditLog would drop its append-only triggers.
  if (/DROP TABLE "AuditLog"/.test(sql)) {
    console.warn(`注意：${kind} 迁移会重建 AuditLog 表，这会删除其只追加触发器（0002）；请改写为 ALTER TABLE 或在迁移末尾重建触发器。`);
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
execFileSync(prismaBin, ["generate"], { stdio: "inherit" });
execFileSync(prismaBin, ["generate", "--schema", pgSchemaFile], { stdio: "inherit" });
