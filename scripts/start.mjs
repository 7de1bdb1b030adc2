#!/usr/bin/env node
// `npm start`: make sure the secrets exist, build when the sources changed, then serve. The server itself
// migrates and seeds the demo on first run (instrumentation.ts), so this script never opens the database.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dataDir = path.resolve(root, process.env.ATELIER_DATA_DIR ?? ".data");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const sourcePaths = [
  "app", "components", "db", "lib", "public", "instrumentation.ts", "proxy.ts", "next.config.mjs",
  "tailwind.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json",
];

/** A secret kept under the data directory, so sessions survive restarts without any set-up. */
function persistentSecret(name, bytes) {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(bytes).toString("base64");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return sourcePaths.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

fs.mkdirSync(dataDir, { recursive: true });
const env = { ...process.env, ATELIER_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
env.AUTH_SECRET ??= persistentSecret("auth-secret", 32);
env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ??= persistentSecret("server-actions-key", 32);
if (!env.AUTH_URL) env.AUTH_TRUST_HOST ??= "true";

if (needsBuild()) {
  console.log("Building Atelier (first start, or the sources changed)…");
  const started = Date.now();
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("The build failed: see the messages above.");
    process.exit(build.status ?? 1);
  }
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

// Our own SIGTERM/SIGINT handlers close the embedded database cleanly (lib/server-start.ts).
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  cwd: root,
  env: { ...env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "true" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
