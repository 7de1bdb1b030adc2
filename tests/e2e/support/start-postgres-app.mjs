#!/usr/bin/env node
// The end-to-end "postgres" app: creates the run's own database (ATELIER_E2E_DATABASE_URL, next to
// TEST_DATABASE_URL, whose own data is never touched), serves Atelier on it with `scripts/start.mjs` (which
// migrates and seeds the demo), and drops the database when the server stops.
import { spawn } from "node:child_process";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..");
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const databaseUrl = process.env.ATELIER_E2E_DATABASE_URL;

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

if (!databaseUrl) {
  console.error("start-postgres-app: ATELIER_E2E_DATABASE_URL is not set (playwright.config.ts sets it).");
  process.exit(1);
}
const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
if (!/^atelier_e2e_[0-9_]+$/.test(name)) {
  console.error(`start-postgres-app: refusing to create or drop "${name}": not an end-to-end database name.`);
  process.exit(1);
}

async function admin(statement) {
  const client = postgres(adminUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await client.unsafe(statement);
  } finally {
    await client.end({ timeout: 5 });
  }
}

try {
  await admin(`create database "${name}"`);
} catch (error) {
  console.error(
    `start-postgres-app: could not create database "${name}" at ${redact(adminUrl)}: ${error instanceof Error ? error.message : error}\n` +
      "The SSO and deactivation end-to-end specs need PostgreSQL (set TEST_DATABASE_URL to a role allowed to CREATE DATABASE); " +
      "`npm test` skips them, loudly, when PostgreSQL does not answer.",
  );
  process.exit(1);
}

let dropped = false;
async function dropDatabase() {
  if (dropped) return;
  dropped = true;
  try {
    await admin(`drop database if exists "${name}" with (force)`);
  } catch (error) {
    console.error(`start-postgres-app: could not drop database "${name}": ${error instanceof Error ? error.message : error}`);
  }
}

const app = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: databaseUrl },
  stdio: "inherit",
});
// Playwright signals the whole process group; the app stops first, then its database goes.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => app.kill(signal));
app.on("exit", async (code, signal) => {
  await dropDatabase();
  process.exit(code ?? (signal ? 1 : 0));
});
