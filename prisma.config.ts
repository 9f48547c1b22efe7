import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The JS schema engine runs on the bundled WASM build, so nothing is downloaded.
// Migrations are applied by scripts/migrate.ts; this adapter only serves `prisma migrate diff` / studio.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    const url = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./data/portal.db";
    // better-sqlite3 cannot create a file in a missing folder, and on a fresh clone `data/` does not exist
    // yet: without it even `migrate diff --from-empty` fails with an opaque "External error id#0".
    const file = url.slice("file:".length);
    if (file && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
