// `npm run bench:authz [-- --scale 0.01] [--reseed] [--seed-only] [--explain] [--iterations N] [--verify-preview] [--preview-only]`: the authorization benchmark on
// PostgreSQL (docs/authorization.md). Seeds its own database once per scale (atelier_bench_s1, atelier_bench_s0_01,
// next to BENCH_DATABASE_URL), reuses it on later runs, and prints p50/p95/p99 of the decision, the list pages, the
// search and the counts, with the same decisions through @casl/ability for comparison. Targets are checked at scale 1
// only; the 1 % smoke run (`bench:authz:smoke`, in .ci/run) prints the same table without thresholds.
import os from "node:os";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import { parseArgs } from "node:util";
import { seedLayoutVersion, sizeFor } from "./bench/catalog";
import { buildCaslAbility, comparedActions, type BenchAbility } from "./bench/casl";
import {
  benchDatabaseUrl,
  databaseName,
  ensureDatabase,
  migrateBenchDatabase,
  openBenchDatabase,
  recreateDatabase,
  withSeedLock,
  type BenchHandle,
} from "./bench/database";
import { impactPreviewTargetMs, measureImpactPreview } from "./bench/impact-preview";
import { actingUserOf, countObjects, explainLast, listPage, visibleAmong } from "./bench/queries";
import type { ActingUser } from "@/lib/auth/acting-user";
import { markerKey, readMarker, seedBench, type BenchMarker } from "./bench/seed";
import { formatMs, renderTable, timeAsync, timeBatches, verdict, type Percentiles, type ResultRow } from "./bench/stats";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    reseed: { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
    iterations: { type: "string" },
    "verify-preview": { type: "boolean", default: false },
    "preview-only": { type: "boolean", default: false },
    "explain-only": { type: "boolean", default: false },
  },
});

const scale = Number(args.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 1) throw new Error(`--scale must be in (0, 1], got ${args.scale}`);
const full = scale === 1;
const iterations = Number(args.iterations ?? (full ? 200 : 30));
const warmup = full ? 20 : 5;
const exactIterations = full ? 30 : 5;
const batchSize = full ? 10_000 : 2_000;
const batches = full ? 50 : 10;
const sampleSize = full ? 2_000 : 500;
/** The impact preview is heavy: a few timed calls after one warm-up. */
const previewIterations = full ? 5 : 3;
/** Brute-force check of the preview's counts (users × objects in memory): automatic at the smoke scale only. */
const verifyPreview = args["verify-preview"] || scale <= 0.01;

const log = (line = "") => console.log(line);
const fmt = (n: number) => n.toLocaleString("en");
const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(part / Math.max(1, whole) < 0.01 ? 2 : 1)} %`;
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(", ");

const url = benchDatabaseUrl(scale);
// Anything that opens the app's own client (db/client.ts) reaches the benchmark database too.
process.env.DATABASE_URL = url;

// Imported after DATABASE_URL is set, so a module that opens the app's client at load time sees it.
const { loadAccessSubject, planFor } = await import("@/lib/authz/subject");
const { authzContextFor } = await import("@/lib/authz/authz-context");
const { planRules } = await import("@/lib/authz/plan");
const { effectiveLevel } = await import("@/lib/authz/decide");
const { loadObjectAccessFacts } = await import("@/lib/authz/object-access");
const { reaches } = await import("@/lib/authz/levels");

function openSeeded(): Promise<{ handle: BenchHandle; marker: BenchMarker }> {
  return withSeedLock(url, openOrSeed);
}

async function openOrSeed(): Promise<{ handle: BenchHandle; marker: BenchMarker }> {
  const created = await ensureDatabase(url);
  let handle = openBenchDatabase(url);
  let marker = created ? null : await readMarker(handle);
  const stale = marker && (marker.layout !== seedLayoutVersion || marker.scale !== scale);
  if (marker && !stale && !args.reseed) {
    await migrateBenchDatabase(handle);
    log(`Reusing ${databaseName(url)}: seeded ${marker.seededAt} in ${marker.seedSeconds} s (--reseed to rebuild).`);
    return { handle, marker };
  }
  const why = args.reseed ? "--reseed" : stale ? "seeded by another layout" : created ? "new database" : "no completed seed";
  log(`Seeding ${databaseName(url)} (${why}) at scale ${scale}…`);
  await handle.close();
  if (!created) await recreateDatabase(url);
  handle = openBenchDatabase(url);
  const migrationStarted = performance.now();
  await migrateBenchDatabase(handle);
  log(`  ${"migrations".padEnd(44)} ${((performance.now() - migrationStarted) / 1000).toFixed(1).padStart(6)} s`);
  marker = await seedBench(handle, scale, log);
  log(`Seeded in ${marker.seedSeconds} s (marker app_meta.${markerKey}).`);
  return { handle, marker };
}

function shuffled<T>(items: readonly T[], seed = 42): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

async function main(): Promise<number> {
  const size = sizeFor(scale);
  log(`Atelier authorization benchmark — scale ${scale}: ${fmt(size.sites)} sites, ${fmt(size.users)} users, ` +
    `${fmt(size.objects)} objects, ${fmt(size.rules)} rules.`);
  log(`Machine: ${os.cpus().length} cores, load average ${load()} (1, 5, 15 min).`);
  const { handle, marker } = await openSeeded();
  const { db, client } = handle;
  if (args["seed-only"]) {
    await handle.close();
    return 0;
  }
  try {
    const [{ version } = { version: "?" }] = await client<{ version: string }[]>`select current_setting('server_version') as version`;
    log(`PostgreSQL ${version}, database ${databaseName(url)}; rows: ${Object.entries(marker.rows).map(([name, rows]) => `${name} ${fmt(rows)}`).join(", ")}.`);
    // Index-only probes of object_scope_sites read the heap unless the visibility map is set: a seed vacuumed while
    // another transaction held an older snapshot leaves it unset, which autovacuum would fix in time. Fix it now.
    const visibility = async () =>
      client<{ relname: string; relpages: number; relallvisible: number }[]>`
        select relname, relpages, relallvisible from pg_class where relname in ('objects', 'object_scope_sites') order by relname`;
    if ((await visibility()).some((row) => row.relallvisible < 0.95 * row.relpages)) {
      const started = performance.now();
      await client.unsafe("vacuum objects, object_scope_sites");
      log(`Visibility map incomplete: vacuumed objects and object_scope_sites (${((performance.now() - started) / 1000).toFixed(1)} s).`);
    }
    log(`All-visible pages: ${(await visibility()).map((row) => `${row.relname} ${fmt(row.relallvisible)} of ${fmt(row.relpages)}`).join(", ")}.`);
    // Markers written before the steps became an ordered list hold an object.
    const steps = Array.isArray(marker.steps) ? marker.steps : Object.entries(marker.steps ?? {});
    if (steps.length > 0) log(`Seed time: ${marker.seedSeconds} s (${steps.map(([step, s]) => `${step.replace(/ \(.*\)$/, "")} ${s} s`).join("; ")}).`);

    const people = { broad: marker.broadUserId, narrow: marker.narrowUserId, typical: marker.typicalUserId } as const;
    type Who = keyof typeof people;
    const subjects = {} as Record<Who, NonNullable<Awaited<ReturnType<typeof loadAccessSubject>>>>;
    for (const who of Object.keys(people) as Who[]) {
      const subject = await loadAccessSubject(db, marker.organizationId, people[who]);
      if (!subject) throw new Error(`The ${who} user is missing from the benchmark database; run with --reseed.`);
      subjects[who] = subject;
    }
    const plans = {} as Record<Who, Awaited<ReturnType<typeof planFor>>>;
    const acting = {} as Record<Who, ActingUser>;
    for (const who of Object.keys(people) as Who[]) {
      plans[who] = await planFor(db, subjects[who]);
      acting[who] = await actingUserOf(db, subjects[who]);
    }
    if (args["explain-only"]) {
      await explainAll(handle, acting, marker);
      return 0;
    }

    // Who sees what (the proof that "broad" is broad and "narrow" narrow).
    log();
    log("Visible objects (exact counts through the predicate):");
    const totalLive = Number((await client<{ n: number }[]>`select count(*)::int as n from objects where trashed_at is null`)[0]?.n ?? 0);
    const totalDocuments = Number(
      (await client<{ n: number }[]>`select count(*)::int as n from objects where trashed_at is null and type = 'document'`)[0]?.n ?? 0,
    );
    const visible = {} as Record<Who, { all: number; documents: number }>;
    for (const who of Object.keys(people) as Who[]) {
      const subject = subjects[who];
      const started = performance.now();
      const all = (await countObjects(db, acting[who], { exact: true })).count;
      const documents = (await countObjects(db, acting[who], { type: "document", exact: true })).count;
      visible[who] = { all, documents };
      log(`  ${who.padEnd(8)} ${subject.role.padEnd(16)} ${String(subject.siteIds.length).padStart(3)} sites ` +
        `${String(plans[who].rules.length).padStart(4)} planned rules   ` +
        `${fmt(all).padStart(9)} of ${fmt(totalLive)} live objects (${pct(all, totalLive)}), ` +
        `${fmt(documents)} of ${fmt(totalDocuments)} documents (${pct(documents, totalDocuments)})  ` +
        `[${formatMs(performance.now() - started)}]`);
    }
    if (full && !(visible.broad.all > totalLive / 2 && visible.narrow.all < totalLive / 100)) {
      log("  WARNING: the broad user should see most objects and the narrow user fewer than 1 %.");
    }

    // A random sample of objects (visible or not) with their access facts, for the in-memory comparisons.
    const samplePercent = Math.min(100, ((sampleSize * 1.5) / size.objects) * 100);
    const sampleIds = (await client.unsafe<{ id: string }[]>(
      `select id from objects tablesample bernoulli (${samplePercent.toFixed(4)}) repeatable (7) limit ${sampleSize}`,
    )).map((row) => row.id);
    const facts: ObjectAccessFacts[] = [];
    for (const id of sampleIds) {
      const loaded = await loadObjectAccessFacts(db, marker.organizationId, id);
      if (loaded) facts.push(loaded);
    }

    // Correctness before speed: the predicate, the in-memory decision and CASL agree on every sampled object.
    let mismatches = 0;
    const abilities = {} as Record<Who, BenchAbility>;
    for (const who of Object.keys(people) as Who[]) {
      const subject = subjects[who];
      const plan = plans[who];
      abilities[who] = buildCaslAbility(plan, subject);
      for (const { level } of comparedActions) {
        const inSql = await visibleAmong(db, subject, sampleIds, level);
        for (const object of facts) {
          if (reaches(effectiveLevel(plan, subject, object), level) !== inSql.has(object.id)) mismatches++;
        }
      }
      for (const object of facts) {
        for (const { action, level } of comparedActions) {
          if (abilities[who].can(action, object) !== reaches(effectiveLevel(plan, subject, object), level)) mismatches++;
        }
      }
    }
    log();
    log(`Cross-check on ${fmt(facts.length)} sampled objects × 3 users × 4 levels: predicate ≡ decision ≡ CASL — ` +
      (mismatches === 0 ? "no mismatch." : `${mismatches} MISMATCHES.`));

    log();
    log(`Timing (${iterations} iterations after ${warmup} warm-up; in-memory: ${batches} batches of ${fmt(batchSize)} calls)…`);
    const loadBefore = load();
    const others = async () =>
      Number((await client<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`)[0]?.n ?? 0);
    const othersBefore = await others();
    const rows: ResultRow[] = [];
    const add = (row: ResultRow) => {
      row.expectedSamples ??= row.metric.startsWith("exact count") ? exactIterations : iterations;
      rows.push(row);
      const p = row.result;
      const n = p && p.samples < (row.expectedSamples ?? 0) ? ` (n=${p.samples})` : "";
      log(`  ${row.metric.padEnd(58)} ${p ? `p50 ${formatMs(p.p50)}, p95 ${formatMs(p.p95)}, p99 ${formatMs(p.p99)}${n}` : (row.text ?? "")}`);
    };

    // --preview-only: just the impact preview (the slow part, for iterating on it).
    if (!args["preview-only"]) {
      // One decision: the facts read (one query) + the in-memory decision, with the plan cached.
      const broad = subjects.broad;
      const decisionIds = shuffled(facts.filter((object) => effectiveLevel(plans.broad, broad, object) !== "none").map((object) => object.id));
      add({
        metric: "decision: read facts + effectiveLevel (broad, plan cached)",
        result: await timeAsync(async (i) => {
          const plan = await planFor(db, broad);
          const object = await loadObjectAccessFacts(db, broad.organizationId, decisionIds[i % decisionIds.length]!);
          return object && effectiveLevel(plan, broad, object);
        }, iterations, warmup),
        target: { p95AtMost: 1 },
      });

      const order = shuffled(facts.map((_, index) => index));
      const factAt = (i: number) => facts[order[i % order.length]!]!;
      const actionAt = (i: number) => comparedActions[i % comparedActions.length]!;
      const ours = {} as Record<Who, Percentiles>;
      const casl = {} as Record<Who, Percentiles>;
      for (const who of Object.keys(people) as Who[]) {
        const subject = subjects[who];
        const plan = plans[who];
        const result = timeBatches((i) => (reaches(effectiveLevel(plan, subject, factAt(i)), actionAt(i).level) ? 1 : 0), batchSize, batches);
        ours[who] = result;
        add({ metric: `in-memory decision, plan cached (${who}, ${plan.rules.length} rules)`, result, target: { p95AtMost: 0.005 }, expectedSamples: batches });
      }
      for (const who of Object.keys(people) as Who[]) {
        const ability = abilities[who];
        const result = timeBatches((i) => (ability.can(actionAt(i).action, factAt(i)) ? 1 : 0), batchSize, batches);
        casl[who] = result;
        const ratio = ours[who].p50 / result.p50;
        add({
          metric: `CASL ability.can, same decisions (${who})`,
          result,
          text: `ours/CASL ${ratio.toFixed(2)}`,
          target: { note: "ours/CASL ≤ 1" },
          pass: ratio <= 1,
          expectedSamples: batches,
        });
      }
      const context = await authzContextFor(db, marker.organizationId, broad.authzVersion);
      for (const who of ["broad", "typical"] as const) {
        add({
          metric: `planning the user's side of ${context.rules.length} rules (${who}, cache miss)`,
          result: timeBatches(() => planRules(subjects[who], context).rules.length, 200, 20, 2),
          target: { note: "once per (user, authz version)" },
          expectedSamples: 20,
        });
        add({
          metric: `building a CASL ability from the plan (${who})`,
          result: timeBatches(() => (buildCaslAbility(plans[who], subjects[who]).rules.length > 0 ? 1 : 0), 200, 20, 2),
          target: { note: "info" },
          expectedSamples: 20,
        });
      }

      for (const who of ["broad", "narrow", "typical"] as const) {
        add({
          metric: `first page, 50 newest documents (${who})`,
          result: await timeAsync(() => listPage(db, acting[who], { type: "document" }), iterations, warmup),
          target: who === "typical" ? { note: "info" } : { p95AtMost: 10 },
        });
      }
      // The no-rule page must not reach the database at all: the recorder counts the statements it sends.
      handle.recorder.queries = [];
      handle.recorder.on = true;
      const noRulePage = await listPage(db, acting.narrow, { type: marker.noRuleType });
      handle.recorder.on = false;
      const shortCircuit = noRulePage.items.length === 0 && handle.recorder.queries.length === 0;
      add({
        metric: `first page of ${marker.noRuleType}s, no rule for the type (narrow)`,
        result: await timeAsync(() => listPage(db, acting.narrow, { type: marker.noRuleType }), iterations, warmup),
        target: { p95AtMost: 10 },
        text: shortCircuit ? "no query" : `RAN ${handle.recorder.queries.length} QUERIES`,
        pass: shortCircuit ? undefined : false,
      });
      for (const who of ["broad", "narrow"] as const) {
        add({
          metric: `search "${marker.searchTerm}", first page, all types (${who})`,
          result: await timeAsync(() => listPage(db, acting[who], { q: marker.searchTerm }), iterations, warmup),
          target: { note: "info (page ≤ 10 ms)" },
        });
      }
      for (const who of ["broad", "narrow"] as const) {
        const shown = await countObjects(db, acting[who], { type: "document" });
        add({
          metric: `capped count of documents (${who}) = ${shown.label}`,
          result: await timeAsync(() => countObjects(db, acting[who], { type: "document" }), iterations, warmup),
          target: { p95AtMost: 20 },
        });
      }
      for (const who of ["broad", "narrow"] as const) {
        add({
          metric: `exact count of documents (${who}) = ${fmt(visible[who].documents)}`,
          result: await timeAsync(() => countObjects(db, acting[who], { type: "document", exact: true }), exactIterations, 2),
          target: { p95AtMost: 300 },
        });
      }
      // What docs/authorization.md §7.2 weighs: the service counts in one process; the same statement as PostgreSQL
      // plans it by default (parallel workers), for comparison on each machine.
      const broadExact = await recordLast(handle, () => countObjects(db, acting.broad, { type: "document", exact: true }));
      if (broadExact) {
        add({
          metric: "exact count of documents (broad), parallel plan (raw SQL)",
          result: await timeAsync(() => client.unsafe(broadExact.sql, broadExact.params as never[]), exactIterations, 2),
          target: { note: "info (§7.2)" },
          expectedSamples: exactIterations,
        });
      }
    }
    log("  rule impact preview (previewRuleChange, the service behind POST /api/v1/access-rules/preview, the broad Admin previewing):");
    const previews = await measureImpactPreview({
      db,
      marker,
      viewer: acting.broad,
      iterations: previewIterations,
      warmup: 1,
      time: (run, n, w) => timeAsync(run, n, w, { budgetMs: 120_000, minimum: 3 }),
      verify: verifyPreview,
      log,
    });
    for (const measured of previews) {
      if (measured.verified === false) mismatches++;
      add({
        metric: `impact preview: ${measured.label}`,
        result: measured.result,
        text: measured.verified === false ? "COUNTS WRONG" : measured.sane ? undefined : "counts not as expected",
        pass: measured.verified === false || !measured.sane ? false : undefined,
        target: { p95AtMost: impactPreviewTargetMs },
        expectedSamples: previewIterations,
      });
    }
    const loadAfter = load();
    const othersAfter = await others();

    log();
    log(renderTable(rows, full));
    log();
    log(`Load average before timing: ${loadBefore}; after: ${loadAfter} (1, 5, 15 min; ${os.cpus().length} cores).`);
    if (othersBefore + othersAfter > 0) {
      log(`Other sessions on ${databaseName(url)} before/after timing: ${othersBefore}/${othersAfter} (their work is inside these timings).`);
    }
    if (full) {
      const judged = rows.map(verdict).filter((ok) => ok !== undefined);
      log(`${judged.filter(Boolean).length} of ${judged.length} targets met.`);
    } else {
      log(`Scale ${scale}: smoke run, no thresholds (targets apply to the full run, \`npm run bench:authz\`).`);
    }

    if (args.explain) await explainAll(handle, acting, marker);
    return mismatches === 0 ? 0 : 1;
  } finally {
    await handle.close();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statements the services send for the first page, the search and the counts. */
async function explainAll(handle: BenchHandle, acting: Record<"broad" | "narrow" | "typical", ActingUser>, marker: BenchMarker) {
  const { db } = handle;
  for (const who of ["broad", "narrow"] as const) {
    const cases: [string, () => Promise<unknown>][] = [
      ["first page of documents", () => listPage(db, acting[who], { type: "document" })],
      ["capped count of documents", () => countObjects(db, acting[who], { type: "document" })],
      ["exact count of documents", () => countObjects(db, acting[who], { type: "document", exact: true })],
      [`search "${marker.searchTerm}"`, () => listPage(db, acting[who], { q: marker.searchTerm })],
    ];
    if (who === "narrow") cases.push([`first page of ${marker.noRuleType}s (no rule for the type)`, () => listPage(db, acting[who], { type: marker.noRuleType })]);
    for (const [label, call] of cases) {
      log();
      log(`EXPLAIN ANALYZE — ${label}, ${who} user (load ${load()}):`);
      log(shortened((await explainLast(handle, call)) ?? "(no statement sent: the predicate answered { never: true })"));
    }
  }
}

/** Long id lists (the broad user's 90 sites) are shortened to keep the plans readable. */
function shortened(plan: string): string {
  return plan.replace(/'\{([0-9a-f-]{36},){3,}[0-9a-f-]{36}\}'/g, (list) => `'{…${list.split(",").length} ids…}'`);
}

/** The last statement a call sends, with its parameters. */
async function recordLast(handle: BenchHandle, call: () => Promise<unknown>): Promise<{ sql: string; params: unknown[] } | null> {
  handle.recorder.queries = [];
  handle.recorder.on = true;
  try {
    await call();
  } finally {
    handle.recorder.on = false;
  }
  return handle.recorder.queries.at(-1) ?? null;
}

process.exitCode = await main();
