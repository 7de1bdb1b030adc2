#!/usr/bin/env node
// `npm test`: unit and integration tests on in-memory PGlite, the same integration tests on PostgreSQL, then the
// Playwright end-to-end tests in Debian Chromium (on an app on PGlite, and one on PostgreSQL for the specs that write
// to the app's database from other processes). A suite whose prerequisite is missing is skipped with a banner
// (a failure under CI=true). The last line is the sum over every suite: `N passed, N failed[, N skipped]`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const reportsDir = path.join(root, "test-results");
const ci = process.env.CI === "true";
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const chromiumPath = "/usr/bin/chromium";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Suites that could not run, repeated just above the final line so nobody misses them. */
const missing = [];

function banner(lines) {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = "#".repeat(width);
  const body = lines.map((line) => `# ${line.padEnd(width - 4)} #`);
  const text = ["", rule, ...body, rule, ""].join("\n");
  console.log(process.stdout.isTTY ? `\x1b[1;${ci ? 31 : 33}m${text}\x1b[0m` : text);
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

async function postgresProblem() {
  const client = postgres(testDatabaseUrl, { max: 1, connect_timeout: 3, idle_timeout: 1, onnotice: () => {} });
  try {
    await client`select 1`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}

function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Counts of a Vitest JSON report; a file that failed before running any test counts as one failure. */
function vitestCounts(report, filter = () => true) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const file of report.testResults.filter((result) => filter(result.name))) {
    const statuses = file.assertionResults.map((assertion) => assertion.status);
    counts.passed += statuses.filter((status) => status === "passed").length;
    counts.failed += statuses.filter((status) => status === "failed").length;
    counts.skipped += statuses.filter((status) => status !== "passed" && status !== "failed").length;
    if (file.status === "failed" && !statuses.includes("failed")) counts.failed += 1;
  }
  return counts;
}

/** Counts of a Playwright JSON report; errors outside tests (a web server that never started) count as failures. */
function playwrightCounts(report) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
  return { passed: expected + flaky, failed: unexpected + (report.errors?.length ?? 0), skipped };
}

function add(suite, counts, exitCode) {
  // A runner that failed without a failing test in its report (crash, set-up error) still counts as a failure.
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : "";
  console.log(`\n${suite}: ${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
}

function skipSuite(suite, testCount, why, enable) {
  const lines = [
    `${ci ? "MISSING (CI=true: counted as failed)" : "SKIPPED"}: ${suite} — ${testCount} test(s)`,
    `Why: ${why}`,
    `To enable: ${enable[0]}`,
    ...enable.slice(1).map((line) => `           ${line}`),
  ];
  banner(lines);
  missing.push(lines);
  if (ci) totals.failed += testCount;
  else totals.skipped += testCount;
}

/** How many tests Playwright would run (all projects, or the ones named), without a browser or a server. */
async function countE2eTests(env, projectNames = []) {
  const file = path.join(reportsDir, "playwright-list.json");
  const args = ["test", "--list", "--reporter=json", ...projectNames.flatMap((name) => ["--project", name])];
  await new Promise((resolve) => {
    const out = fs.openSync(file, "w");
    const child = spawn(bin("playwright"), args, { cwd: root, env, stdio: ["ignore", out, "inherit"] });
    child.on("error", resolve);
    child.on("exit", () => {
      fs.closeSync(out);
      resolve();
    });
  });
  const report = readJson(file);
  const countSpecs = (suite) =>
    (suite.specs ?? []).reduce((sum, spec) => sum + (spec.tests?.length ?? 0), 0) +
    (suite.suites ?? []).reduce((sum, child) => sum + countSpecs(child), 0);
  return Math.max(1, (report?.suites ?? []).reduce((sum, suite) => sum + countSpecs(suite), 0));
}

fs.mkdirSync(reportsDir, { recursive: true });

const pgProblem = await postgresProblem();
const projects = ["unit", "pglite", ...(pgProblem ? [] : ["postgres"])];
console.log(`Vitest projects: ${projects.join(", ")}`);
const vitestReport = path.join(reportsDir, "vitest-report.json");
fs.rmSync(vitestReport, { force: true });
const vitestExit = await run(bin("vitest"), [
  "run",
  ...projects.flatMap((project) => ["--project", project]),
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
add("Vitest", vitest ? vitestCounts(vitest) : { passed: 0, failed: 0, skipped: 0 }, vitestExit);

if (pgProblem) {
  // The postgres project runs the very files the pglite project just ran.
  const integrationDir = path.join(root, "tests", "integration") + path.sep;
  const counts = vitest ? vitestCounts(vitest, (name) => name.startsWith(integrationDir)) : null;
  const testCount = Math.max(1, counts ? counts.passed + counts.failed + counts.skipped : 0);
  skipSuite("integration tests on PostgreSQL", testCount, `nothing usable at ${redact(testDatabaseUrl)} (${pgProblem})`, [
    "start PostgreSQL with trust auth for 127.0.0.1 and create the database `test`,",
    "or set TEST_DATABASE_URL=postgres://user@host:port/db (a role allowed to CREATE DATABASE).",
    "`bash .ci/run` does all of this.",
  ]);
}

// The e2e "postgres" app (SSO and deactivation specs) runs on its own database next to TEST_DATABASE_URL: without
// PostgreSQL, playwright.config.ts declares neither that app nor its project, and its specs are reported missing.
const e2eDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-e2e-"));
const e2eEnv = { ...process.env, ATELIER_E2E_DATA_DIR: e2eDataDir, TEST_DATABASE_URL: testDatabaseUrl, ATELIER_E2E_POSTGRES: "1" };
delete e2eEnv.DATABASE_URL;
delete e2eEnv.ATELIER_E2E_DATABASE_URL;
try {
  if (!fs.existsSync(chromiumPath)) {
    skipSuite("end-to-end tests (Playwright)", await countE2eTests(e2eEnv), `${chromiumPath} is not installed`, [
      "apt-get update && apt-get install -y chromium   (never `npx playwright install`)",
    ]);
  } else {
    if (pgProblem) {
      const count = await countE2eTests(e2eEnv, ["postgres"]);
      skipSuite("end-to-end tests on PostgreSQL (SSO, deactivation)", count, `nothing usable at ${redact(testDatabaseUrl)} (${pgProblem})`, [
        "start PostgreSQL with trust auth for 127.0.0.1 and create the database `test`,",
        "or set TEST_DATABASE_URL=postgres://user@host:port/db (a role allowed to CREATE DATABASE).",
        "`bash .ci/run` does all of this.",
      ]);
      e2eEnv.ATELIER_E2E_POSTGRES = "0";
    }
    const playwrightReport = path.join(reportsDir, "playwright-report.json");
    fs.rmSync(playwrightReport, { force: true });
    const playwrightExit = await run(bin("playwright"), ["test"], e2eEnv);
    const playwright = readJson(playwrightReport);
    add("Playwright", playwright ? playwrightCounts(playwright) : { passed: 0, failed: 0, skipped: 0 }, playwrightExit);
  }
} finally {
  fs.rmSync(e2eDataDir, { recursive: true, force: true });
}

for (const lines of missing) banner(lines);
if (ci && totals.skipped > 0) console.log(`CI=true: ${totals.skipped} skipped test(s) count as a failed run.`);
const skippedPart = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skippedPart}`);
process.exit(totals.failed > 0 || (ci && totals.skipped > 0) ? 1 : 0);
