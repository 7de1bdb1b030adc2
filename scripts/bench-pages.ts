// `npm run bench:pages`: what the workspace pages cost over HTTP on the 1M-object benchmark database
// (docs/authorization.md §6.4). Serves the built app (`npm run build` first) with scripts/server.mjs on
// `atelier_bench_s1` (seeded by `npm run bench:authz`, which this script never reseeds), signs in as the benchmark's
// broad and narrow users, and times, one request after the other, the whole response (headers and body) of: the
// documents list (first page, a page deep by the API's cursor, a title search, a site filter), the header search,
// a document's page and its Share tab. Prints p50/p95 per page and user against the 100 ms target; a page that does
// not answer 200 is reported with its status, not timed.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { benchDatabaseUrl, databaseName, openBenchDatabase } from "./bench/database";
import { readMarker } from "./bench/seed";
import { setBenchPasswords, type BenchAccount } from "./bench/accounts";
import { signInWithPassword, startAppServer } from "./bench/app-server";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.BENCH_PAGES_PORT ?? 3292);
const iterations = Number(process.env.BENCH_PAGES_ITERATIONS ?? 40);
const warmup = 5;
const base = `http://127.0.0.1:${port}`;
const targetMs = 100;
/** How far into the documents list the deep page starts, walked through `GET /api/v1/objects` by its cursor. */
const deepDocuments = 1_000;

const url = benchDatabaseUrl(1);
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(", ");

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Whether nothing listens on the port: another server there would answer the benchmark's requests instead. */
function portIsFree(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

interface ApiPage {
  items: { id: string }[];
  nextCursor: string | null;
}

/** The user's newest visible document and the cursor `deepDocuments` documents into their list, from the API. */
async function documentsOf(cookie: string): Promise<{ firstId: string | null; deepCursor: string | null }> {
  const first = (await (await fetch(`${base}/api/v1/objects?type=document&limit=50`, { headers: { cookie } })).json()) as ApiPage;
  let cursor: string | null = null;
  for (let seen = 0; seen < deepDocuments; seen += 200) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const page = (await (await fetch(`${base}/api/v1/objects?type=document&limit=200${query}`, { headers: { cookie } })).json()) as ApiPage;
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { firstId: first.items[0]?.id ?? null, deepCursor: cursor };
}

interface Row {
  who: string;
  label: string;
  path: string | null;
  status?: number;
  p50?: number;
  p95?: number;
  kilobytes?: number;
}

/** One request: its status, its size and the time until the last byte of the body. */
async function timedGet(urlPath: string, cookie: string): Promise<{ status: number; ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${base}${urlPath}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started, bytes: body.byteLength };
}

async function measure(row: Row, cookie: string): Promise<Row> {
  if (!row.path) return row;
  const probe = await timedGet(row.path, cookie);
  if (probe.status !== 200) return { ...row, status: probe.status };
  for (let i = 1; i < warmup; i++) await timedGet(row.path, cookie);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < iterations; i++) {
    const answer = await timedGet(row.path, cookie);
    if (answer.status !== 200) return { ...row, status: answer.status };
    times.push(answer.ms);
    bytes = answer.bytes;
  }
  times.sort((a, b) => a - b);
  return { ...row, status: 200, p50: percentile(times, 50), p95: percentile(times, 95), kilobytes: bytes / 1024 };
}

function verdictOf(row: Row): string {
  if (!row.path) return "not measured (no object or cursor)";
  if (row.status !== 200) return `NOT 200: HTTP ${row.status}, not timed`;
  return row.p95! <= targetMs ? "PASS" : "MISS";
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("bench:pages needs the built app: run `npm run build` first.");
    return 2;
  }
  if (!(await portIsFree())) {
    console.error(`bench:pages: port ${port} is taken; set BENCH_PAGES_PORT to a free one.`);
    return 2;
  }
  const handle = openBenchDatabase(url);
  let accounts: { broad: BenchAccount; narrow: BenchAccount };
  let searchTerm: string;
  let siteId: string;
  try {
    const marker = await readMarker(handle);
    if (!marker || marker.scale !== 1) {
      console.error(`bench:pages needs the seeded ${databaseName(url)}: run \`npm run bench:authz -- --seed-only\` first.`);
      return 2;
    }
    accounts = await setBenchPasswords(handle, marker);
    searchTerm = marker.searchTerm;
    siteId = accounts.narrow.siteIds[0]!;
  } finally {
    await handle.close();
  }

  const loadBefore = load();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-bench-pages-"));
  let server: ChildProcess | undefined;
  try {
    // The benchmark database holds the benchmark organisation only: no demo organisation beside it.
    server = await startAppServer(port, dataDir, { DATABASE_URL: url, SEED_DEMO: "false" });
    const rows: Row[] = [];
    for (const who of ["broad", "narrow"] as const) {
      const cookie = await signInWithPassword(base, accounts[who].email, accounts[who].password);
      const { firstId, deepCursor } = await documentsOf(cookie);
      const pages: [string, string | null][] = [
        ["documents list, first page", "/documents"],
        [`documents list, ${deepDocuments.toLocaleString("en")} documents deep (API cursor)`, deepCursor ? `/documents?cursor=${encodeURIComponent(deepCursor)}` : null],
        [`documents list, title search "${searchTerm}"`, `/documents?q=${encodeURIComponent(searchTerm)}`],
        ["documents list, one site (the narrow user's)", `/documents?siteId=${siteId}`],
        [`header search "${searchTerm}"`, `/search?q=${encodeURIComponent(searchTerm)}`],
        ["a document's page (their newest)", firstId ? `/documents/${firstId}` : null],
        ["its Share tab", firstId ? `/documents/${firstId}/share` : null],
      ];
      for (const [label, urlPath] of pages) {
        const row = await measure({ who, label, path: urlPath }, cookie);
        rows.push(row);
        const figures = row.p50 === undefined ? "" : `p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95!.toFixed(1)} ms`;
        console.log(`  ${who.padEnd(7)} ${label.padEnd(56)} ${figures.padEnd(30)} ${verdictOf(row)}`);
      }
    }

    console.log(
      `\nbench:pages — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ` +
        `load average ${loadBefore} before, ${load()} after (1, 5, 15 min)`,
    );
    console.log(
      `Built app on ${databaseName(url)}; each page ${iterations} sequential requests (one at a time, after ${warmup} untimed), ` +
        `timed to the last byte of the body; target p95 ≤ ${targetMs} ms.\n`,
    );
    console.log("| user | page | p50 ms | p95 ms | KiB | verdict |");
    console.log("|---|---|---:|---:|---:|---|");
    for (const row of rows) {
      const timed = row.p50 !== undefined;
      console.log(
        `| ${row.who} | ${row.label} | ${timed ? row.p50!.toFixed(1) : "–"} | ${timed ? row.p95!.toFixed(1) : "–"} | ${timed ? row.kilobytes!.toFixed(0) : "–"} | ${verdictOf(row)} |`,
      );
    }
    const judged = rows.filter((row) => row.path);
    const passed = judged.filter((row) => verdictOf(row) === "PASS").length;
    console.log(`\n${passed} of ${judged.length} pages answered 200 within the target; ${judged.filter((row) => row.status !== 200).length} did not answer 200.`);
    return 0;
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => (server && server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
