import fs from "node:fs";
import path from "node:path";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import {
  oidcClient,
  oidcIssuer,
  pgliteAppPort,
  pgliteAppUrl,
  postgresAppPort,
  postgresAppUrl,
  smtpUrl,
} from "./tests/e2e/support/e2e-env";

// Two apps, each on a fresh database per run:
// - "pglite": the demo as `npm start` runs it, on embedded PGlite (password sign-in, password reset, smoke);
// - "postgres": the same app on its own new PostgreSQL database, which the specs may also write to from other
//   processes (an SSO user to sign in as, a deactivation through the user service).
// The "postgres" app and project exist only when PostgreSQL is there: scripts/test.mjs probes it and sets
// ATELIER_E2E_POSTGRES=0 when it is not (then reporting those specs as skipped, or failed under CI=true).
const withPostgres = process.env.ATELIER_E2E_POSTGRES !== "0";
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

// The config is evaluated again in every worker: what the first evaluation makes is handed on through the
// environment. scripts/test.mjs makes the data directory itself (and removes it afterwards); a direct
// `npx playwright test` reuses one under test-results/, emptied at the start of each run.
if (!process.env.ATELIER_E2E_DATA_DIR) {
  const directRunDir = path.resolve(import.meta.dirname, "test-results", "e2e-data");
  fs.rmSync(directRunDir, { recursive: true, force: true });
  fs.mkdirSync(directRunDir, { recursive: true });
  process.env.ATELIER_E2E_DATA_DIR = directRunDir;
}
const dataDir = process.env.ATELIER_E2E_DATA_DIR;
if (withPostgres && !process.env.ATELIER_E2E_DATABASE_URL) {
  const url = new URL(testDatabaseUrl);
  url.pathname = `/atelier_e2e_${Date.now()}_${process.pid}`;
  process.env.ATELIER_E2E_DATABASE_URL = url.toString();
}

// Playwright gives the web servers this process's environment: database, SSO, mail or public-URL settings from the
// shell would point the apps somewhere else than the fresh databases and the specs' own IdP and SMTP server.
for (const name of ["DATABASE_URL", "PGLITE_DIR", "AUTH_URL", "SMTP_URL", "MAIL_FROM", "SEED_DEMO"]) delete process.env[name];
for (const name of Object.keys(process.env)) if (name.startsWith("SSO_")) delete process.env[name];

const postgresSpecs = [/sso\.spec\.ts$/, /deactivation\.spec\.ts$/];

const server = {
  // Polled on the address the server listens on; the first start may build the app.
  timeout: 240_000,
  reuseExistingServer: false,
  stdout: "pipe",
  gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
} as const;

const webServers: NonNullable<PlaywrightTestConfig["webServer"]> = [
  {
    ...server,
    name: "pglite-app",
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${pgliteAppPort}/api/health`,
    env: {
      PORT: String(pgliteAppPort),
      HOST: "127.0.0.1",
      ATELIER_DATA_DIR: path.join(dataDir, "pglite-app"),
      SMTP_URL: smtpUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
];
if (withPostgres) {
  // Listed second: web servers start one after the other, so only the first one can need a build.
  webServers.push({
    ...server,
    name: "postgres-app",
    command: "node tests/e2e/support/start-postgres-app.mjs",
    url: `http://127.0.0.1:${postgresAppPort}/api/health`,
    env: {
      PORT: String(postgresAppPort),
      HOST: "127.0.0.1",
      ATELIER_DATA_DIR: path.join(dataDir, "postgres-app"),
      ATELIER_E2E_DATABASE_URL: process.env.ATELIER_E2E_DATABASE_URL ?? "",
      TEST_DATABASE_URL: testDatabaseUrl,
      SSO_ISSUER: oidcIssuer,
      SSO_CLIENT_ID: oidcClient.clientId,
      SSO_CLIENT_SECRET: oidcClient.clientSecret,
      SSO_BUTTON_LABEL: oidcClient.buttonLabel,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

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
    // localhost while the servers listen on 127.0.0.1 only.
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
  // API calls of the specs (`page.request`) carry the app's own Origin, as the app's pages do: cookie-authenticated
  // writes without it are refused as cross-site (docs/security.md); security.spec.ts sends foreign ones on purpose.
  projects: [
    { name: "pglite", testIgnore: postgresSpecs, use: { baseURL: pgliteAppUrl, extraHTTPHeaders: { Origin: pgliteAppUrl } } },
    ...(withPostgres
      ? [{ name: "postgres", testMatch: postgresSpecs, use: { baseURL: postgresAppUrl, extraHTTPHeaders: { Origin: postgresAppUrl } } }]
      : []),
  ],
  webServer: webServers,
});
