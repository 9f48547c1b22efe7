import fs from "node:fs";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3210);
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Debian's chromium where present (no browser download here); Playwright's own browser elsewhere.
const launchOptions = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
    launchOptions,
    trace: "retain-on-failure",
  },
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${PORT}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(PORT), DATABASE_URL: `file:./data/e2e-${PORT}.db`, NEXTAUTH_URL: `http://localhost:${PORT}`, SEED_DEMO: "1",
      // The scheduler (reminders, hourly notices) writes notifications on its own clock; journeys that count a
      // user's unread notifications stay deterministic without it. tests/integration covers it (runTick).
      REMINDER_SCHEDULER: "off" },
  },
});
