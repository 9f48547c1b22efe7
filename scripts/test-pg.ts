/**
 * `npm run test:pg`: the integration suite against PostgreSQL (default 127.0.0.1:5432, database
 * `test`). Each test file gets its own freshly migrated database, dropped afterwards.
 */
import { spawnSync, execSync } from "node:child_process";
import { Client } from "pg";

const url = process.env.TEST_DATABASE_URL || "postgresql://root@127.0.0.1:5432/test";

async function reachable(): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  if (!(await reachable())) {
    // The local cluster may simply be stopped; start it the way this machine's docs say.
    try {
      execSync("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", { stdio: "inherit", shell: "/bin/bash" });
    } catch {
      /* reported below */
    }
    if (!(await reachable())) {
      console.error(`无法连接 PostgreSQL：${url}`);
      process.exit(1);
    }
  }
  const result = spawnSync("npx", ["vitest", "run", "tests/integration"], {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: url },
  });
  process.exit(result.status ?? 1);
}

void main();
