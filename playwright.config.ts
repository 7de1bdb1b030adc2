import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3217);

// The server gets a fresh embedded database per run. The config is evaluated again in every worker, so the
// directory made by the first evaluation is handed on through the environment (scripts/test.mjs may make it).
process.env.ATELIER_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "atelier-e2e-"));
const dataDir = process.env.ATELIER_E2E_DATA_DIR;

// Playwright gives the web server this process's environment: a DATABASE_URL or PGLITE_DIR from the shell would
// point the app at some other database instead of the fresh embedded one.
delete process.env.DATABASE_URL;
delete process.env.PGLITE_DIR;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: process.env.CI === "true",
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright-report.json" }]],
  use: {
    // Next rewrites 127.x to localhost in request URLs, and Auth.js builds its callbacks from them: browse
    // localhost while the server listens on 127.0.0.1 only.
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    // Polled on the address the server listens on; the first start may build the app.
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { PORT: String(port), HOST: "127.0.0.1", ATELIER_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
