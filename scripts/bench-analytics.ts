// `npm run bench:analytics`: what the whole dashboard's data costs (all seven charts of `GET /api/v1/analytics`, the
// service the page and the API call) on one year of a 10,000-user organisation: ≥ 1,000,000 usage sessions and
// ≥ 1,000,000 object events. Seeds its own PostgreSQL database (`atelier_bench_analytics`) once and reuses it
// (`--reseed` starts again), rolls the usage up as the scheduled job does, then times the dashboard for one site and
// for all sites, as an Admin and as a Manager, one request after the other, and prints p50/p95 against 200 ms.
import os from "node:os";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { chartIds } from "@/lib/analytics/analytics-data";
import { resolveAnalyticsRequest } from "@/lib/analytics/analytics-request";
import { getAnalytics } from "@/lib/analytics/get-analytics";
import { loadChart } from "@/lib/analytics/load-chart";
import { rollUpUsage } from "@/lib/analytics/usage-rollup-job";
import { createOrganization } from "@/lib/organizations/create-organization";
import { ensureDatabase, migrateBenchDatabase, openBenchDatabase, recreateDatabase, withSeedLock, type BenchHandle } from "./bench/database";

const url = process.env.BENCH_ANALYTICS_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/atelier_bench_analytics";
const iterations = Number(process.env.BENCH_ANALYTICS_ITERATIONS ?? 20);
const warmup = 3;
const targetMs = 200;
const timeZone = "Europe/Paris";
const siteCount = 20;
const userCount = 10_000;
const marker = "bench_analytics_seeded";

const scale = {
  documents: 200_000,
  products: 5_000,
  projects: 2_000,
  orders: 20_000,
  workflows: 30_000,
};

async function run(handle: BenchHandle, text: string) {
  const started = performance.now();
  await handle.client.unsafe(text);
  return performance.now() - started;
}

/** Objects of one type, created over the year before `now`, each from a random site, mostly shared with it. */
function objectsSql(type: string, prefix: string, count: number, organizationId: string): string {
  return `
    insert into objects (id, organization_id, type, number, reference, title, owner_id, origin_site_id, scope_kind, created_by_id, created_at, updated_at)
    select gen_random_uuid(), '${organizationId}', '${type}', i, '${prefix}-' || lpad(i::text, 6, '0'), '${type} ' || i,
      u.id, u.site_id, (case when i % 20 < 14 then 'sites' when i % 20 < 17 then 'organization' else 'owner' end)::scope_kind,
      u.id, t, t
    from generate_series(1, ${count}) i
    cross join lateral (select now() - (random() * interval '365 days') as t) c
    join bench_users u on u.n = 1 + (i * 7919) % ${userCount};
    insert into reference_counters (organization_id, object_type, last_number) values ('${organizationId}', '${type}', ${count})
      on conflict (organization_id, object_type) do update set last_number = excluded.last_number;`;
}

async function seed(handle: BenchHandle): Promise<void> {
  const { db } = handle;
  const created = await createOrganization(db, { name: "Analytics benchmark", adminEmail: "bench-admin@analytics.bench", adminName: "Bench Admin", timeZone });
  if (!created.ok) throw new Error(created.error.message);
  const org = created.data.organization.id;
  const steps: [string, string][] = [
    ["sites", `insert into sites (organization_id, name, time_zone) select '${org}', 'Site ' || lpad(i::text, 2, '0'), '${timeZone}' from generate_series(1, ${siteCount}) i`],
    [
      "users",
      `create table bench_users as
         select i as n, gen_random_uuid() as id,
           (select id from sites where organization_id = '${org}' and number = 1 + (i % ${siteCount})) as site_id,
           (case when i % 100 = 0 then 'admin' when i % 20 = 0 then 'manager' else 'viewer' end)::user_role as role
         from generate_series(1, ${userCount}) i;
       insert into users (id, organization_id, email, name, role, kind, sign_in_method)
         select id, '${org}', 'user' || n || '@analytics.bench', 'User ' || lpad(n::text, 5, '0'), role, 'person', 'password' from bench_users;
       insert into user_sites (organization_id, user_id, site_id) select '${org}', id, site_id from bench_users;
       -- The benchmark's Admin is on every site (Admins are not exempt from scope).
       insert into user_sites (organization_id, user_id, site_id)
         select '${org}', '${created.data.admin.id}', id from sites where organization_id = '${org}';
       insert into teams (organization_id, name) select '${org}', 'Team ' || i from generate_series(1, 20) i`,
    ],
    ["documents", objectsSql("document", "DOC", scale.documents, org)],
    ["products", objectsSql("product", "PRD", scale.products, org)],
    ["projects", objectsSql("project", "PRJ", scale.projects, org)],
    ["orders", objectsSql("manufacturing_order", "MO", scale.orders, org)],
    ["workflows", objectsSql("workflow", "WF", scale.workflows, org)],
    [
      "scope sites",
      `insert into object_scope_sites (organization_id, object_id, site_id)
         select organization_id, id, origin_site_id from objects where organization_id = '${org}' and scope_kind = 'sites'`,
    ],
    [
      "revisions",
      `insert into document_revisions (organization_id, object_id, label, sequence, status, created_by_id, validated_at, created_at, updated_at)
         select o.organization_id, o.id, 'A', 0,
           (case when o.number % 5 < 2 then 'obsolete' when o.number % 5 = 4 then 'draft' else 'validated' end)::revision_status,
           o.owner_id, case when o.number % 5 = 4 then null else o.created_at + interval '3 days' end, o.created_at, o.created_at
         from objects o where o.organization_id = '${org}' and o.type = 'document';
       insert into document_revisions (organization_id, object_id, label, sequence, status, created_by_id, validated_at, created_at, updated_at)
         select o.organization_id, o.id, 'B', 1, (case when o.number % 2 = 0 then 'validated' else 'draft' end)::revision_status,
           o.owner_id, case when o.number % 2 = 0 then o.created_at + interval '20 days' else null end, o.created_at + interval '10 days', o.created_at + interval '10 days'
         from objects o where o.organization_id = '${org}' and o.type = 'document' and o.number % 5 < 2`,
    ],
    [
      "details",
      `insert into products (organization_id, object_id, status, status_changed_at)
         select organization_id, id, (array['development','prototype','in_production','end_of_life'])[1 + number % 4]::product_status, created_at + interval '30 days'
         from objects where organization_id = '${org}' and type = 'product';
       insert into projects (organization_id, object_id, team_id)
         select o.organization_id, o.id, (select id from teams t where t.organization_id = o.organization_id order by t.name offset o.number % 20 limit 1)
         from objects o where o.organization_id = '${org}' and o.type = 'project';
       insert into project_tasks (organization_id, project_id, title, created_at, done_at)
         select o.organization_id, o.id, 'Task ' || k, o.created_at, case when k % 3 <> 0 then o.created_at + k * interval '4 days' end
         from objects o cross join generate_series(1, 10) k where o.organization_id = '${org}' and o.type = 'project';
       insert into manufacturing_orders (organization_id, object_id, quantity, site_id, status, started_at, finished_at)
         select organization_id, id, 10, origin_site_id, (array['planned','in_progress','done','done','cancelled'])[1 + number % 5]::manufacturing_order_status,
           case when number % 5 > 0 then created_at + interval '2 days' end, case when number % 5 in (2, 3) then created_at + interval '12 days' end
         from objects where organization_id = '${org}' and type = 'manufacturing_order';
       insert into workflows (organization_id, object_id, kind, responsible_id, status, started_at, completed_at, created_at)
         select organization_id, id, (array['ECR','ECO','ECN','NPD'])[1 + number % 4]::workflow_kind, owner_id,
           (array['draft','in_progress','completed','completed','completed','cancelled'])[1 + number % 6]::workflow_status,
           case when number % 6 > 0 then created_at + interval '1 day' end,
           case when number % 6 between 2 and 4 then created_at + interval '1 day' + (number % 60) * interval '1 day' end, created_at
         from objects where organization_id = '${org}' and type = 'workflow';
       insert into workflow_tasks (organization_id, workflow_id, title, assignee_id, status, created_at, completed_at)
         select w.organization_id, w.object_id, 'Step ' || k, u.id,
           (case when w.status = 'completed' or k = 1 then 'done' else 'open' end)::task_status, w.created_at,
           case when w.status = 'completed' or k = 1 then w.created_at + k * interval '3 days' end
         from workflows w cross join generate_series(1, 3) k join bench_users u on u.n = 1 + (hashtext(w.object_id::text || k) & 8191)
         where w.organization_id = '${org}'`,
    ],
    [
      "object events",
      `insert into activity_events (organization_id, object_id, object_type, actor_id, kind, occurred_at)
         select organization_id, id, type, owner_id, 'created', created_at from objects where organization_id = '${org}';
       insert into activity_events (organization_id, object_id, object_type, actor_id, kind, occurred_at)
         select r.organization_id, r.object_id, 'document', r.created_by_id, 'revision_created', r.created_at from document_revisions r where r.organization_id = '${org}' and r.sequence > 0;
       insert into activity_events (organization_id, object_id, object_type, actor_id, kind, occurred_at)
         select r.organization_id, r.object_id, 'document', r.created_by_id, 'revision_validated', r.validated_at from document_revisions r where r.organization_id = '${org}' and r.validated_at is not null;
       insert into activity_events (organization_id, object_id, object_type, actor_id, kind, occurred_at)
         select o.organization_id, o.id, o.type, o.owner_id, 'updated', o.created_at + k * interval '5 days'
         from objects o cross join generate_series(1, 3) k where o.organization_id = '${org}' and o.type = 'document'`,
    ],
    [
      "usage sessions",
      // Working days of the year, each user signing in on about half of them, 10 minutes to 3 hours; one session in
      // a hundred starts at 23:30 and runs past midnight.
      `insert into usage_sessions (organization_id, user_id, method, started_at, last_activity_at, ended_at, end_reason)
         select '${org}', u.id, 'password', s.started_at, s.started_at + s.length, s.started_at + s.length, 'signed_out'
         from bench_users u
         cross join generate_series((now() - interval '365 days')::date, (now() - interval '1 day')::date, interval '1 day') d
         cross join lateral (
           select case when hashtext(u.n || ':' || d) % 100 = 0 then (d + interval '23 hours 30 minutes') at time zone '${timeZone}'
                       else (d + interval '8 hours' + ((hashtext(d || ':' || u.n) & 2147483647) % 480) * interval '1 minute') at time zone '${timeZone}' end as started_at,
             (10 + (hashtext(u.n || '/' || d) & 2147483647) % 170) * interval '1 minute' as length) s
         where extract(isodow from d) < 6 and (hashtext(u.id || ':' || d) & 2147483647) % 100 < 45`,
    ],
  ];
  for (const [name, text] of steps) console.log(`  ${name}: ${Math.round(await run(handle, text))} ms`);
  const rolled = performance.now();
  await rollUpUsage(db, org, timeZone, new Date());
  console.log(`  usage rollup: ${Math.round(performance.now() - rolled)} ms`);
  await run(handle, "drop table bench_users");
  await run(handle, "analyze");
  await handle.client`insert into app_meta (key, value, updated_at) values (${marker}, ${JSON.stringify({ organizationId: org })}::jsonb, now())`;
}

async function counts(handle: BenchHandle) {
  const [row] = rowsOf<{ sessions: number; events: number; objects: number; users: number }>(
    await handle.db.execute(sql`select (select count(*) from usage_sessions)::int as sessions, (select count(*) from activity_events)::int as events,
      (select count(*) from objects)::int as objects, (select count(*) from users)::int as users`),
  );
  return row!;
}

async function actingUser(handle: BenchHandle, role: "admin" | "manager"): Promise<ActingUser> {
  const [row] = rowsOf<{ id: string; organization_id: string; email: string; name: string; authz_version: number; site_ids: string[] }>(
    await handle.db.execute(sql`
      select u.id, u.organization_id, u.email, u.name, o.authz_version, array(select site_id::text from user_sites us where us.user_id = u.id) as site_ids
      from users u join organizations o on o.id = u.organization_id
      where u.role = ${role} and u.email ${role === "admin" ? sql`= 'bench-admin@analytics.bench'` : sql`like 'user%@analytics.bench'`}
      order by u.email limit 1`),
  );
  if (!row) throw new Error(`no ${role} in the benchmark organisation`);
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    name: row.name,
    role,
    kind: "person",
    signInMethod: "password",
    siteIds: row.site_ids,
    teamIds: [],
    properties: {},
    usageSessionId: null,
    authzVersion: Number(row.authz_version),
    locale: null,
    timeZone,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const reseed = process.argv.includes("--reseed");
  const handle = await withSeedLock(url, async () => {
    if (reseed) await recreateDatabase(url);
    else await ensureDatabase(url);
    const seeding = openBenchDatabase(url, 4);
    await migrateBenchDatabase(seeding);
    const [seeded] = await seeding.client`select 1 from app_meta where key = ${marker}`;
    if (!seeded) {
      console.log(`Seeding ${url} (one year, ${userCount} users)…`);
      await seeding.client`delete from organizations where name = 'Analytics benchmark'`;
      await seeding.client.unsafe("drop table if exists bench_users");
      await seed(seeding);
    }
    return seeding;
  });
  console.log(await counts(handle));
  const admin = await actingUser(handle, "admin");
  const manager = await actingUser(handle, "manager");
  const scenarios: { label: string; user: ActingUser; input: Record<string, string> }[] = [
    { label: "Admin, all sites", user: admin, input: { preset: "year" } },
    { label: "Admin, one site", user: admin, input: { preset: "year", siteId: manager.siteIds[0]! } },
    { label: "Manager, all their sites", user: manager, input: { preset: "year" } },
    { label: "Manager, one site", user: manager, input: { preset: "year", siteId: manager.siteIds[0]! } },
  ];
  console.log(`\n${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}) · load ${os.loadavg().map((v) => v.toFixed(2)).join(", ")}`);
  console.log(`Whole dashboard (7 charts, last year by month), ${iterations} runs each after ${warmup} warm-up runs; target p95 ≤ ${targetMs} ms`);
  for (const { label, user, input } of scenarios) {
    const times: number[] = [];
    for (let i = 0; i < warmup + iterations; i++) {
      const started = performance.now();
      const result = await getAnalytics(handle.db, user, input);
      const elapsed = performance.now() - started;
      if (!result.ok) throw new Error(`${label}: ${result.error.message}`);
      if (i >= warmup) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    // Where the time goes: each chart alone, once, after the runs.
    const request = await resolveAnalyticsRequest(handle.db, user, input);
    const perChart: string[] = [];
    if (request.ok) {
      for (const id of chartIds) {
        const started = performance.now();
        await loadChart(handle.db, user, request.data, id);
        perChart.push(`${id} ${(performance.now() - started).toFixed(0)}`);
      }
    }
    console.log(`  ${label.padEnd(26)} p50 ${percentile(times, 50).toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms   ${p95 <= targetMs ? "ok" : "over target"}`);
    console.log(`    each chart alone (ms): ${perChart.join(", ")}`);
  }
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
