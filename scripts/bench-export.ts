// `npm run bench:export`: the objects export over HTTP on the 1M-object benchmark database (docs/exports.md). Serves
// the built app (`npm run build` first) with scripts/server.mjs on `atelier_bench_s1` (seeded by `npm run bench:authz
// -- --seed-only`, which this script never reseeds), signs in as the benchmark's broad Admin, downloads
// `GET /api/v1/exports/objects` to the last byte, and prints the time, rows/s and the server's peak RSS growth (its
// /proc status sampled every 50 ms) against the targets: growth < 100 MB, ≥ 50,000 rows/s.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setBenchPasswords, type BenchAccount } from "./bench/accounts";
import { benchDatabaseUrl, databaseName, openBenchDatabase } from "./bench/database";
import { signInWithPassword, startAppServer } from "./bench/app-server";
import { readMarker } from "./bench/seed";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.BENCH_EXPORT_PORT ?? 3372);
const base = `http://127.0.0.1:${port}`;
const url = benchDatabaseUrl(1);
const targets = { growthMb: 100, rowsPerSecond: 50_000 };
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(", ");
const fmt = (n: number) => Math.round(n).toLocaleString("en");

function portIsFree(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The resident set of a process, in bytes, from /proc (Linux). */
function rssOf(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024;
}

interface Download {
  status: number;
  totalRows: number;
  rows: number;
  bytes: number;
  firstByteMs: number;
  seconds: number;
  peakRss: number;
}

/** Downloads one export to its last byte, counting rows (line feeds less the header) and sampling the server's RSS. */
async function download(urlPath: string, cookie: string, pid: number): Promise<Download> {
  let peakRss = rssOf(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 50);
  const started = performance.now();
  try {
    const response = await fetch(`${base}${urlPath}`, { headers: { cookie } });
    const firstByteMs = performance.now() - started;
    let lineFeeds = 0;
    let bytes = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = 0; i < value.byteLength; i++) if (value[i] === 10) lineFeeds++;
    }
    return {
      status: response.status,
      totalRows: Number(response.headers.get("x-total-rows") ?? NaN),
      rows: Math.max(0, lineFeeds - 1),
      bytes,
      firstByteMs,
      seconds: (performance.now() - started) / 1000,
      peakRss: Math.max(peakRss, rssOf(pid)),
    };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("bench:export needs the built app: run `npm run build` first.");
    return 2;
  }
  if (!(await portIsFree())) {
    console.error(`bench:export: port ${port} is taken; set BENCH_EXPORT_PORT to a free one.`);
    return 2;
  }
  const handle = openBenchDatabase(url);
  let account: BenchAccount;
  let objectRows: number;
  try {
    const marker = await readMarker(handle);
    if (!marker || marker.scale !== 1) {
      console.error(`bench:export needs the seeded ${databaseName(url)}: run \`npm run bench:authz -- --seed-only\` first.`);
      return 2;
    }
    account = (await setBenchPasswords(handle, marker)).broad;
    const [row] = await handle.client<{ total: number }[]>`select count(*)::int as total from objects`;
    objectRows = row?.total ?? 0;
  } finally {
    await handle.close();
  }

  const loadBefore = load();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-bench-export-"));
  let server: ChildProcess | undefined;
  try {
    server = await startAppServer(port, dataDir, { DATABASE_URL: url, SEED_DEMO: "false" });
    const pid = server.pid!;
    const cookie = await signInWithPassword(base, account.email, account.password);
    // Warm-up: the route's modules loaded and the caller's plan cached, so the measured growth is the export's own.
    const warm = await download("/api/v1/exports/objects?type=project", cookie, pid);
    if (warm.status !== 200) throw new Error(`the warm-up export answered ${warm.status}`);
    const before = rssOf(pid);
    const measured = await download("/api/v1/exports/objects", cookie, pid);
    if (measured.status !== 200) throw new Error(`the export answered ${measured.status}`);
    const growthMb = (measured.peakRss - before) / 1024 / 1024;
    const rowsPerSecond = measured.rows / measured.seconds;
    // The same export again: memory that grows with the rows would grow again; a heap that sized itself up once does not.
    const afterFirst = rssOf(pid);
    const again = await download("/api/v1/exports/objects", cookie, pid);
    const againGrowthMb = (again.peakRss - afterFirst) / 1024 / 1024;

    console.log(
      `\nbench:export — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ` +
        `load average ${loadBefore} before, ${load()} after (1, 5, 15 min)`,
    );
    console.log(
      `Built app on ${databaseName(url)} (${fmt(objectRows)} objects); GET /api/v1/exports/objects as the broad Admin, who may view ` +
        `${fmt(measured.totalRows)} of them (Admins are not exempt), downloaded to the last byte.\n`,
    );
    console.log("| figure | value | target | verdict |");
    console.log("|---|---:|---:|---|");
    console.log(`| rows exported (X-Total-Rows ${fmt(measured.totalRows)}) | ${fmt(measured.rows)} | | ${measured.rows === measured.totalRows ? "all" : "DIFFERS"} |`);
    console.log(`| size | ${(measured.bytes / 1024 / 1024).toFixed(1)} MB | | |`);
    console.log(`| first byte (count and header) | ${fmt(measured.firstByteMs)} ms | | |`);
    console.log(`| time to last byte | ${measured.seconds.toFixed(1)} s | | |`);
    console.log(`| rows per second | ${fmt(rowsPerSecond)} | ≥ ${fmt(targets.rowsPerSecond)} | ${rowsPerSecond >= targets.rowsPerSecond ? "PASS" : "MISS"} |`);
    console.log(
      `| server RSS peak growth (${fmt(before / 1024 / 1024)} MB before) | ${growthMb.toFixed(1)} MB | < ${targets.growthMb} MB | ${growthMb < targets.growthMb ? "PASS" : "MISS"} |`,
    );
    console.log(
      `| the same export again: RSS peak growth over the ${fmt(afterFirst / 1024 / 1024)} MB it left | ${againGrowthMb.toFixed(1)} MB | | ${fmt(again.rows / again.seconds)} rows/s |`,
    );
    return 0;
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => (server && server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
