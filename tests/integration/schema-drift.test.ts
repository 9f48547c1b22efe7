import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "@/lib/schema-source";
import { onPostgres } from "@/tests/support/test-db";

const ROOT = path.resolve(__dirname, "../..");
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), "utf8");

function diffFromEmpty(schema: string): string {
  return execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
}

function migrationsSql(kind: "sqlite" | "postgresql"): string {
  const base = path.join(ROOT, "prisma", "migrations", kind);
  return fs
    .readdirSync(base)
    .sort()
    .filter((d) => d !== "0002_audit_append_only")
    .map((d) => fs.readFileSync(path.join(base, d, "migration.sql"), "utf8"))
    .join("\n");
}

// One schema source: the PostgreSQL schema and both migration sets must follow prisma/schema.prisma.
describe.skipIf(onPostgres)("schema and migrations stay in step", () => {
  it("the PostgreSQL schema is derived from the SQLite one", () => {
    expect(read("prisma/postgresql/schema.prisma")).toBe(derivePostgresSchema(read("prisma/schema.prisma")));
  });

  it.each(["sqlite", "postgresql"] as const)("the %s migrations produce exactly the schema", (kind) => {
    const schema = kind === "sqlite" ? "prisma/schema.prisma" : "prisma/postgresql/schema.prisma";
    expect(migrationsSql(kind).trim()).toBe(diffFromEmpty(schema).trim());
  });
});
