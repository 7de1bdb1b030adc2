#!/usr/bin/env node
// `npm run bench:http`: what the gate costs over HTTP. Serves the built app (`npm run build` first) on a fresh
// PostgreSQL database with the demo organisation, signs in as the demo Admin, and drives three endpoints over
// loopback with autocannon (20 connections): /api/health (no session: the framework's floor), /api/v1/me (the
// gate: session, acting user) and a first page of /api/v1/objects (gate + authorization predicate). Prints req/s and
// p50/p95 of each, and whether /api/v1/me reaches half the floor's req/s (issue 18's target). Drops its database.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const port = Number(process.env.BENCH_HTTP_PORT ?? 3291);
const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const connections = 20;
const base = `http://127.0.0.1:${port}`;
const databaseName = `atelier_bench_http_${process.pid}`;

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("bench:http needs the built app: run `npm run build` first.");
  process.exit(2);
}

async function onAdmin(statement) {
  const client = postgres(adminUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await client.unsafe(statement);
  } finally {
    await client.end({ timeout: 5 });
  }
}

function databaseUrl() {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

function startServer(dataDir) {
  const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_MANUAL_SIG_HANDLE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl(),
      PORT: String(port),
      HOST: "127.0.0.1",
      ATELIER_DATA_DIR: dataDir,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64"),
      AUTH_TRUST_HOST: "true",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    },
    // The server's own output is shown only when it fails to start: requests cut by the final stop log errors.
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 120_000);
    server.stderr.on("data", (chunk) => (output += chunk.toString()));
    server.stdout.on("data", (chunk) => {
      output += chunk.toString();
      if (output.includes("Atelier is starting on")) {
        clearTimeout(timer);
        resolve(server);
      }
    });
    server.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
}

/** Signs in through Auth.js's credentials callback, as the sign-in form does; returns the session cookie. */
async function signIn(email, password) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  const session = answer.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed (${answer.status})`);
  return session;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function drive(label, urlPath, headers = {}) {
  const latencies = [];
  const instance = autocannon({ url: `${base}${urlPath}`, connections, duration: seconds, headers });
  instance.on("response", (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return { label, requestsPerSecond: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors: result.errors + result.non2xx };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-bench-http-"));
let server;
try {
  await onAdmin(`create database "${databaseName}"`);
  server = await startServer(dataDir);
  const cookie = await signIn("admin@demo.test", process.env.DEMO_PASSWORD ?? "atelier-demo-2026");
  // Warm every route (compilation caches, connection pool) before timing.
  for (const urlPath of ["/api/health", "/api/v1/me", "/api/v1/objects?limit=50"]) {
    for (let i = 0; i < 50; i++) await fetch(`${base}${urlPath}`, { headers: { cookie } });
  }
  const rows = [];
  rows.push(await drive("/api/health (no session: the floor)", "/api/health"));
  rows.push(await drive("/api/v1/me", "/api/v1/me", { cookie }));
  rows.push(await drive("/api/v1/objects?limit=50 (first page)", "/api/v1/objects?limit=50", { cookie }));

  console.log(`\nbench:http — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load ${os.loadavg().map((v) => v.toFixed(2)).join(" ")}`);
  console.log(`autocannon, ${connections} connections, ${seconds} s per endpoint, PostgreSQL, demo organisation, signed in as admin@demo.test\n`);
  console.log("| endpoint | req/s | p50 ms | p95 ms | errors |");
  console.log("|---|---:|---:|---:|---:|");
  for (const row of rows) console.log(`| ${row.label} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.errors} |`);
  const ratio = rows[1].requestsPerSecond / rows[0].requestsPerSecond;
  console.log(`\n/api/v1/me at ${(100 * ratio).toFixed(0)} % of the floor's req/s (target ≥ 50 %): ${ratio >= 0.5 ? "PASS" : "MISS"}`);
} finally {
  server?.kill("SIGTERM");
  await new Promise((resolve) => (server ? server.once("exit", resolve) : resolve()));
  await onAdmin(`drop database if exists "${databaseName}" with (force)`).catch((error) => console.error(`could not drop ${databaseName}: ${error.message}`));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
