import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // server-only throws outside a React Server environment; tests exercise the data layer directly.
      "server-only": path.resolve(__dirname, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/integration/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // next/headers for server actions called directly (tests/support/vitest-setup.ts).
    setupFiles: ["tests/support/vitest-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine. The
    // integration files spend much of their time waiting (PostgreSQL, LibreOffice, child servers), so two
    // forks there finish the suite in far less wall time; larger machines keep the default.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
