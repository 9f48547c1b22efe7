/**
 * Derives the PostgreSQL schema from prisma/schema.prisma and writes the initial SQL migration for
 * both databases, then regenerates the clients. Until the first release the whole schema lives in
 * 0001_init; afterwards a schema change gets a new NNNN_name folder per database instead.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { derivePostgresSchema } from "../lib/schema-source";

const root = process.cwd();
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
fs.mkdirSync(path.join(root, "data"), { recursive: true });

const pgSchemaFile = path.join(root, "prisma", "postgresql", "schema.prisma");
fs.mkdirSync(path.dirname(pgSchemaFile), { recursive: true });
fs.writeFileSync(pgSchemaFile, derivePostgresSchema(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8")));

for (const [kind, schema] of [["sqlite", "prisma/schema.prisma"], ["postgresql", "prisma/postgresql/schema.prisma"]] as const) {
  const sql = execFileSync(prismaBin, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const dir = path.join(root, "prisma", "migrations", kind, "0001_init");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote prisma/migrations/${kind}/0001_init/migration.sql`);
}
execFileSync(prismaBin, ["generate"], { stdio: "inherit" });
