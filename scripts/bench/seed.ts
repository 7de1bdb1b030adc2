// Seeds the benchmark organisation with set-based SQL (INSERT … SELECT generate_series …): 100 sites, 10,000 users
// and 1,000,000 objects at scale 1 in a few minutes. Values are drawn from a hash of the row number, so a reseed
// produces the same distributions (ids are fresh UUIDs).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { accessRules, appMeta, objectTypes, propertyDefinitions, propertyOptions, type ObjectType } from "@/db/schema";
import {
  adjectives,
  allProperties,
  benchProperties,
  nouns,
  referencePrefixes,
  searchTerm,
  seedLayoutVersion,
  siteLabel,
  sizeFor,
  titleWords,
  typeShares,
  type BenchProperty,
  type BenchSize,
} from "./catalog";
import type { BenchHandle } from "./database";
import { benchRules } from "./rules";

export const markerKey = "bench_authz_seeded";

/** What a seeded benchmark database records about itself (app_meta), so later runs reuse it. */
export interface BenchMarker {
  layout: number;
  scale: number;
  size: BenchSize;
  organizationId: string;
  /** Admin on 90 % of the sites, with an unconditioned "Admins — Full access" rule: sees most objects. */
  broadUserId: string;
  /** Shared computer on one site whose only rules are conditioned on rare property values: sees < 1 %. */
  narrowUserId: string;
  /** A Viewer on two sites, with a department, a clearance, a program and a team. */
  typicalUserId: string;
  /** A type the narrow user has no rule for: its list must short-circuit. */
  noRuleType: ObjectType;
  searchTerm: string;
  seededAt: string;
  seedSeconds: number;
  /** Seconds per seed step, in order. */
  steps: [string, number][] | Record<string, number>;
  rows: Record<string, number>;
}

export async function readMarker(handle: BenchHandle): Promise<BenchMarker | null> {
  const exists = await handle.client<{ exists: boolean }[]>`select to_regclass('public.app_meta') is not null as exists`;
  if (!exists[0]?.exists) return null;
  const [row] = await handle.db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, markerKey));
  return (row?.value as BenchMarker | undefined) ?? null;
}

const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => `array[${values.map(lit).join(",")}]::text[]`;
const uuidArray = (values: readonly string[]) => `array[${values.map(lit).join(",")}]::uuid[]`;

/** A weighted pick among SQL expressions, from a uniform draw `u` in [0, 1). */
function pick(u: string, choices: readonly string[], weights: readonly number[]): string {
  let cumulative = 0;
  const branches = choices.slice(0, -1).map((choice, index) => {
    cumulative += weights[index]!;
    return `when ${u} < ${cumulative.toFixed(6)} then ${choice}`;
  });
  return `(case ${branches.join(" ")} else ${choices[choices.length - 1]} end)`;
}

/** The option id at a 1-based SQL index expression. */
const optionAt = (property: BenchProperty, index: string) => `(${textArray(property.options)})[${index}]`;
const uniformOption = (property: BenchProperty, u: string) => optionAt(property, `1 + floor(${u} * ${property.options.length})::int`);
const weightedOption = (property: BenchProperty, u: string, weights: readonly number[]) =>
  pick(u, property.options.map(lit), weights);
const sometimes = (u: string, share: number, value: string) => `case when ${u} < ${share} then ${value} end`;

/** Runs one step, prints and records its duration. */
async function timed(steps: [string, number][], log: (line: string) => void, name: string, run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  steps.push([name, Math.round(seconds * 10) / 10]);
  log(`  ${name.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s`);
}

/**
 * Seeds an empty, migrated database. The non-constraint indexes of `objects` and `object_scope_sites` are dropped
 * during the load and rebuilt after it from their own definitions (faster than maintaining them row by row); foreign
 * keys are not checked during the load (session_replication_role = replica) since the rows are built consistent.
 */
export async function seedBench(handle: BenchHandle, scale: number, log: (line: string) => void): Promise<BenchMarker> {
  const { client, db } = handle;
  const size = sizeFor(scale);
  const steps: [string, number][] = [];
  const started = performance.now();
  const step = (name: string, run: () => Promise<unknown>) => timed(steps, log, name, run);

  const organizationId = randomUUID();
  const siteIds = Array.from({ length: size.sites }, () => randomUUID());
  const teamIds = Array.from({ length: size.teams }, () => randomUUID());
  const properties = benchProperties(size.sites);
  const narrowSite = Math.max(1, Math.round(size.sites / 2));
  const broadSites = Math.max(1, Math.round(size.sites * 0.9));
  const typicalSites = [Math.min(size.sites, 3), Math.min(size.sites, 10)];
  const S = size.sites;
  const sites = uuidArray(siteIds);
  const org = `${lit(organizationId)}::uuid`;

  await client.unsafe(`set work_mem = '256MB'`);
  await client.unsafe(`set maintenance_work_mem = '1GB'`);
  await client.unsafe(`set max_parallel_maintenance_workers = 2`);
  await client.unsafe(`set synchronous_commit = off`);
  let replica = true;
  try {
    await client.unsafe(`set session_replication_role = replica`);
  } catch {
    replica = false;
    log("  (not a superuser: foreign keys are checked during the load, which is slower)");
  }

  await step("organisation, sites, teams, properties", async () => {
    await client.unsafe(`
      create or replace function bench_u(g bigint, salt bigint) returns double precision
      language sql immutable parallel safe
      as $$ select (hashint8extended(g, salt) & 2147483647)::double precision / 2147483648.0 $$`);
    await client.unsafe(
      `insert into organizations (id, name, slug, time_zone) values (${org}, 'Benchmark Industries', 'bench-authz', 'Europe/Paris')`,
    );
    await client.unsafe(`
      insert into sites (id, organization_id, name, number, time_zone)
      select t.id, ${org}, t.name, t.number::int, 'Europe/Paris'
      from unnest(${sites}, ${textArray(siteIds.map((_, index) => siteLabel(index + 1)))}) with ordinality as t(id, name, number)`);
    await client.unsafe(`
      insert into teams (id, organization_id, name)
      select t.id, ${org}, 'Team ' || t.ix from unnest(${uuidArray(teamIds)}) with ordinality as t(id, ix)`);
    const definitions = allProperties(properties);
    await db.insert(propertyDefinitions).values(
      definitions.map((property, position) => ({
        id: property.id,
        organizationId,
        name: property.name,
        appliesTo: property.appliesTo,
        type: property.type,
        position,
      })),
    );
    await db.insert(propertyOptions).values(
      definitions.flatMap((property) =>
        property.options.map((id, position) => ({ id, organizationId, propertyId: property.id, label: property.labels[position]!, position })),
      ),
    );
  });

  const u = properties.user;
  await step(`users (${size.users.toLocaleString("en")}), sites, teams`, async () => {
    // One row per user with its draws; the three users the benchmark reports on are then set explicitly.
    await client.unsafe(`
      create temp table bench_user as
      select ix, gen_random_uuid() as id,
        ${pick("r_role", ["'admin'", "'manager'", "'viewer'", "'shared_computer'"], [0.02, 0.2, 0.7, 0.08])}::user_role as role,
        bench_u(ix, 102) >= 0.03 as active,
        site1,
        case when bench_u(ix, 104) < 0.4 then ((site1 + floor(bench_u(ix, 105) * ${S - 1})::int) % ${S}) + 1 end as site2,
        case when bench_u(ix, 104) < 0.1 then ((site1 + floor(bench_u(ix, 106) * ${S - 1})::int) % ${S}) + 1 end as site3,
        case when bench_u(ix, 107) < 0.95 then 1 + floor(bench_u(ix, 108) * 8)::int end as department,
        ${pick("bench_u(ix, 109)", ["null::int", "1", "2", "3", "4"], [0.1, 0.36, 0.36, 0.135, 0.045])} as clearance,
        prog1,
        case when prog1 is not null and bench_u(ix, 110) < 0.25 then ((prog1 + floor(bench_u(ix, 111) * 19)::int) % 20) + 1 end as prog2,
        case when bench_u(ix, 112) < 0.5 then 1 + floor(bench_u(ix, 113) * ${size.teams})::int end as team
      from (
        select g as ix, bench_u(g, 101) as r_role,
          least(${S}, 1 + floor(${S} * power(bench_u(g, 103), 1.5))::int) as site1,
          case when bench_u(g, 114) < 0.4 then 1 + floor(bench_u(g, 115) * 20)::int end as prog1
        from generate_series(1, ${size.users}) g
      ) draws`);
    await client.unsafe(`update bench_user set role = 'admin', active = true, site1 = 1, site2 = null, site3 = null,
      department = 1, clearance = 4, prog1 = null, prog2 = null, team = null where ix = 1`);
    await client.unsafe(`update bench_user set role = 'shared_computer', active = true, site1 = ${narrowSite}, site2 = null,
      site3 = null, department = null, clearance = null, prog1 = null, prog2 = null, team = null where ix = 2`);
    await client.unsafe(`update bench_user set role = 'viewer', active = true, site1 = ${typicalSites[0]}, site2 = ${typicalSites[1]},
      site3 = null, department = 2, clearance = 2, prog1 = 1, prog2 = null, team = 1 where ix = 3`);
    await client.unsafe(`
      insert into users (id, organization_id, email, name, kind, role, sign_in_method, primary_site_id, properties, active, deactivated_at)
      select b.id, ${org}, 'bench-user-' || lpad(b.ix::text, 5, '0') || '@bench.example',
        case b.ix when 1 then 'Broad Admin' when 2 then 'Narrow Terminal' when 3 then 'Typical Viewer' else 'Bench user ' || b.ix end,
        (case when b.role = 'shared_computer' then 'shared' else 'person' end)::user_kind, b.role, 'password',
        (${sites})[b.site1],
        jsonb_strip_nulls(jsonb_build_object(
          ${lit(u.siteTag.id)}, ${optionAt(u.siteTag, "b.site1")},
          ${lit(u.department.id)}, ${optionAt(u.department, "b.department")},
          ${lit(u.clearance.id)}, ${optionAt(u.clearance, "b.clearance")},
          ${lit(u.programs.id)}, case when b.prog1 is null then null
            when b.prog2 is null then jsonb_build_array(${optionAt(u.programs, "b.prog1")})
            else jsonb_build_array(${optionAt(u.programs, "b.prog1")}, ${optionAt(u.programs, "b.prog2")}) end)),
        b.active, case when not b.active then now() end
      from bench_user b order by b.ix`);
    await client.unsafe(`
      insert into user_sites (organization_id, user_id, site_id)
      select ${org}, b.id, (${sites})[s.ix]
      from bench_user b cross join lateral (values (b.site1), (b.site2), (b.site3)) as s(ix)
      where s.ix is not null
      union all
      select ${org}, b.id, (${sites})[g] from bench_user b, generate_series(1, ${broadSites}) g where b.ix = 1
      on conflict do nothing`);
    await client.unsafe(`
      insert into team_members (organization_id, team_id, user_id)
      select ${org}, (${uuidArray(teamIds)})[b.team], b.id from bench_user b where b.team is not null`);
    await client.unsafe(`
      create temp table bench_creator as
      select row_number() over (order by ix)::int as cx, id from bench_user where role in ('admin', 'manager') and active`);
    await client.unsafe(`analyze bench_creator`);
  });

  const [{ creators } = { creators: 0 }] = await client<{ creators: number }[]>`select count(*)::int as creators from bench_creator`;
  const specialUsers = await client<{ ix: number; id: string }[]>`select ix, id from bench_user where ix <= 3 order by ix`;
  const [broad, narrow, typical] = specialUsers.map((row) => row.id);
  if (!broad || !narrow || !typical) throw new Error("The benchmark users were not created.");

  const indexes = await client<{ name: string; definition: string }[]>`
    select i.indexname as name, i.indexdef as definition
    from pg_indexes i
    where i.schemaname = 'public' and i.tablename in ('objects', 'object_scope_sites')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
    order by i.tablename, i.indexname`;
  await step(`drop ${indexes.length} secondary indexes for the load`, async () => {
    for (const index of indexes) await client.unsafe(`drop index "${index.name}"`);
  });

  const d = properties.document;
  const p = properties;
  const propertiesByType: Record<ObjectType, string> = {
    document: `jsonb_build_object(
        ${lit(d.siteTag.id)}, ${sometimes("bench_u(g, 30)", 0.95, optionAt(d.siteTag, "site"))},
        ${lit(d.department.id)}, ${sometimes("bench_u(g, 31)", 0.95, uniformOption(d.department, "bench_u(g, 32)"))},
        ${lit(d.confidentiality.id)}, ${weightedOption(d.confidentiality, "bench_u(g, 33)", [0.5, 0.3, 0.15, 0.05])},
        ${lit(d.kind.id)}, ${weightedOption(d.kind, "bench_u(g, 34)", [0.4, 0.25, 0.2, 0.147, 0.003])},
        ${lit(d.programs.id)}, case when bench_u(g, 35) < 0.5 then null
          when bench_u(g, 35) < 0.85 then jsonb_build_array(${optionAt(d.programs, "1 + floor(bench_u(g, 36) * 20)::int")})
          else jsonb_build_array(${optionAt(d.programs, "1 + floor(bench_u(g, 36) * 20)::int")},
            ${optionAt(d.programs, "1 + ((floor(bench_u(g, 36) * 20)::int + 1 + floor(bench_u(g, 37) * 19)::int) % 20)")}) end)`,
    part: `jsonb_build_object(
        ${lit(p.part.siteTag.id)}, ${sometimes("bench_u(g, 30)", 0.95, optionAt(p.part.siteTag, "site"))},
        ${lit(p.part.department.id)}, ${sometimes("bench_u(g, 31)", 0.95, uniformOption(p.part.department, "bench_u(g, 32)"))},
        ${lit(p.part.status.id)}, ${weightedOption(p.part.status, "bench_u(g, 33)", [0.3, 0.6, 0.1])},
        ${lit(p.part.makeOrBuy.id)}, ${uniformOption(p.part.makeOrBuy, "bench_u(g, 34)")})`,
    product: `jsonb_build_object(
        ${lit(p.product.productLine.id)}, ${uniformOption(p.product.productLine, "bench_u(g, 33)")},
        ${lit(p.product.department.id)}, ${sometimes("bench_u(g, 31)", 0.95, uniformOption(p.product.department, "bench_u(g, 32)"))})`,
    project: `jsonb_build_object(
        ${lit(p.project.program.id)}, ${uniformOption(p.project.program, "bench_u(g, 33)")},
        ${lit(p.project.department.id)}, ${sometimes("bench_u(g, 31)", 0.95, uniformOption(p.project.department, "bench_u(g, 32)"))})`,
    manufacturing_order: `jsonb_build_object(
        ${lit(p.manufacturingOrder.siteTag.id)}, ${sometimes("bench_u(g, 30)", 0.95, optionAt(p.manufacturingOrder.siteTag, "site"))},
        ${lit(p.manufacturingOrder.priority.id)}, ${weightedOption(p.manufacturingOrder.priority, "bench_u(g, 33)", [0.2, 0.5, 0.25, 0.05])})`,
    workflow: `jsonb_build_object(
        ${lit(p.workflow.impact.id)}, ${uniformOption(p.workflow.impact, "bench_u(g, 33)")},
        ${lit(p.workflow.department.id)}, ${sometimes("bench_u(g, 31)", 0.95, uniformOption(p.workflow.department, "bench_u(g, 32)"))})`,
  };
  const typeCase = (column: string, values: (type: ObjectType) => string) =>
    `case ${column} ${objectTypes.map((type) => `when '${type}' then ${values(type)}`).join(" ")} end`;

  await step(`objects (${size.objects.toLocaleString("en")})`, async () => {
    // The rows are built first, so that their property maps (which the trigger that sets them does not do under
    // session_replication_role = replica) are inserted before the objects that name them.
    await client.unsafe(`
      create temporary table bench_object_rows as
      select t.g, ${org} as organization_id, t.type, t.number,
        (${typeCase("t.type", (type) => lit(referencePrefixes[type]))}) || lpad(t.number::text, 6, '0') as reference,
        t.title, c.id as owner_id, (${sites})[t.site] as origin_site_id, t.scope_kind,
        array(select (${sites})[x] from unnest(scope.numbers) as x order by 1) as scope_site_ids,
        scope.numbers as scope_site_numbers,
        t.properties, c.id as created_by_id,
        case when t.trashed then t.created_at + interval '3 days' end as trashed_at,
        case when t.trashed then c.id end as trashed_by_id,
        t.created_at, t.created_at + bench_u(t.g, 8) * interval '30 days' as updated_at,
        atelier_properties_fingerprint(t.properties) as fingerprint
      from (
        select b.*, row_number() over (partition by b.type order by b.g)::int as number
        from (
          select g, type, site,
            ${pick("bench_u(g, 3)", ["'organization'", "'sites'", "'owner'"], [0.15, 0.75, 0.1])}::scope_kind as scope_kind,
            1 + floor(bench_u(g, 5) * ${creators})::int as creator,
            bench_u(g, 6) < 0.02 as trashed,
            initcap((${textArray(adjectives)})[1 + floor(bench_u(g, 10) * ${adjectives.length})::int]) || ' '
              || (${textArray(nouns)})[1 + floor(bench_u(g, 11) * ${nouns.length})::int] || ' '
              || lower(${typeCase("type", (type) => lit(titleWords[type]))})
              || ' ' || g as title,
            jsonb_strip_nulls(${typeCase("type", (type) => propertiesByType[type])}) as properties,
            (now() - interval '1826 days') + (g::double precision / ${size.objects}) * interval '1825 days'
              + bench_u(g, 7) * interval '1 hour' as created_at
          from (
            select g,
              ${pick("bench_u(g, 1)", typeShares.map(([type]) => `'${type}'`), typeShares.map(([, share]) => share))}::object_type as type,
              least(${S}, 1 + floor(${S} * power(bench_u(g, 2), 1.5))::int) as site
            from generate_series(1, ${size.objects}) g
          ) drawn
        ) b
      ) t
      join bench_creator c on c.cx = t.creator
      -- Sites-scoped objects: their origin site, a second one for half of them, a third for 15 %. Site n of the
      -- sites array is numbered n (see the sites insert).
      cross join lateral (
        select case when t.scope_kind = 'sites' then array(
          select distinct x
          from unnest(array[t.site,
            case when bench_u(t.g, 40) >= 0.5 then ((t.site + floor(bench_u(t.g, 41) * ${S - 1})::int) % ${S}) + 1 end,
            case when bench_u(t.g, 40) >= 0.85 then ((t.site + floor(bench_u(t.g, 42) * ${S - 1})::int) % ${S}) + 1 end]) x
          where x is not null order by 1) else '{}'::int[] end as numbers) as scope`);
    await client.unsafe(`
      insert into property_maps (organization_id, type, properties, fingerprint)
      select distinct on (type, fingerprint) ${org}, type, properties, fingerprint from bench_object_rows`);
    // Heap order follows creation time, as in a table that grows by appends.
    await client.unsafe(`
      insert into objects (organization_id, type, number, reference, title, owner_id, origin_site_id, scope_kind, scope_site_ids,
        scope_site_numbers, properties, property_map_id, created_by_id, trashed_at, trashed_by_id, created_at, updated_at)
      select r.organization_id, r.type, r.number, r.reference, r.title, r.owner_id, r.origin_site_id, r.scope_kind, r.scope_site_ids,
        r.scope_site_numbers, r.properties, m.id, r.created_by_id, r.trashed_at, r.trashed_by_id, r.created_at, r.updated_at
      from bench_object_rows r
      join property_maps m on m.organization_id = r.organization_id and m.type = r.type and m.fingerprint = r.fingerprint
      order by r.g`);
    await client.unsafe(`drop table bench_object_rows`);
  });

  await step("object_scope_sites (1–3 sites per sites-scoped object)", async () => {
    // The rows behind the copy the objects already hold (with the sync trigger off during the load, or finding
    // nothing to change).
    await client.unsafe(`
      insert into object_scope_sites (organization_id, object_id, site_id)
      select o.organization_id, o.id, s.site_id
      from objects o cross join unnest(o.scope_site_ids) as s(site_id)
      where o.scope_kind = 'sites'`);
    await client.unsafe(`
      insert into reference_counters (organization_id, object_type, last_number)
      select ${org}, type, max(number) from objects group by type`);
  });

  for (const index of indexes) {
    await step(`index ${index.name}`, () => client.unsafe(index.definition));
  }
  if (replica) await client.unsafe(`set session_replication_role = origin`);

  const namedUsers = await client<{ id: string }[]>`
    select id from bench_user where ix > 3 and active order by bench_u(ix, 999) limit ${5 * 300}`;
  await step(`access rules (${size.rules})`, async () => {
    const rules = benchRules({
      size,
      properties,
      siteIds,
      teamIds,
      narrowSite,
      namedUsers: (ruleIndex) =>
        Array.from({ length: 5 }, (_, k) => namedUsers[(ruleIndex * 5 + k) % Math.max(1, namedUsers.length)]?.id).filter(
          (id): id is string => id !== undefined,
        ),
    });
    await db.insert(accessRules).values(rules.map((rule, position) => ({ organizationId, ...rule, position, createdById: broad })));
  });

  await step("vacuum analyze", async () => {
    for (const table of ["objects", "object_scope_sites", "users", "user_sites", "team_members"]) {
      await client.unsafe(`vacuum (analyze) ${table}`);
    }
    await client.unsafe(`analyze`);
  });

  const counts = await client<{ name: string; rows: number }[]>`
    select 'objects' as name, count(*)::int as rows from objects
    union all select 'object_scope_sites', count(*)::int from object_scope_sites
    union all select 'users', count(*)::int from users
    union all select 'user_sites', count(*)::int from user_sites
    union all select 'team_members', count(*)::int from team_members
    union all select 'access_rules', count(*)::int from access_rules
    union all select 'property_options', count(*)::int from property_options`;
  await client.unsafe(`drop table bench_user, bench_creator`);

  const marker: BenchMarker = {
    layout: seedLayoutVersion,
    scale,
    size,
    organizationId,
    broadUserId: broad,
    narrowUserId: narrow,
    typicalUserId: typical,
    noRuleType: "part",
    searchTerm,
    seededAt: new Date().toISOString(),
    seedSeconds: Math.round((performance.now() - started) / 100) / 10,
    steps,
    rows: Object.fromEntries(counts.map(({ name, rows }) => [name, rows])),
  };
  await db.insert(appMeta).values({ key: markerKey, value: marker });
  return marker;
}
