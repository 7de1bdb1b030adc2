import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { objects, sites, type AccessLevel, type ObjectType } from "@/db/schema";
import { uuidArray } from "@/db/array-parameters";
import { levelRank } from "./levels";
import type { PlannedCondition, PlannedRule, UserPlan } from "./plan";

/** What to filter: objects the subject reaches at least `minLevel` on, optionally of one type. */
export interface VisibilityQuery {
  organizationId: string;
  minLevel: AccessLevel;
  type?: ObjectType;
  /**
   * Which objects: live ones (every list, search, count and write) or, for the trash only, trashed ones reached as if
   * they were live — so restoring needs exactly the level that deleting needed.
   */
  lifecycle?: "live" | "trashed";
  /**
   * What the statement does with the rows: a `list` (the default) may walk the newest-first index of the type; a
   * `count` of a subject whose rules read properties tests the type in the row, where no index serves it. A rule's
   * properties belong to one type, so the type cannot narrow the rules' GIN bitmap, but the planner does not know it
   * and would AND a bitmap of every object of the type (400,000 documents in the benchmark) into a few thousand
   * candidates (docs/authorization.md §7.3).
   */
  use?: "list" | "count";
}

/**
 * The predicate, or `never` when no rule can grant the level on that type — callers skip the query entirely
 * (a page of a type the user has no rule for costs nothing).
 */
export type VisibilityFilter = { never: true } | { never: false; where: SQL };

function conditionSql(condition: PlannedCondition): SQL {
  // jsonb containment, served by the GIN (jsonb_path_ops) index on objects.properties; it answers exactly what
  // storedValueMatches answers in memory.
  const tests = condition.candidates.map(
    (candidate) =>
      sql`${objects.properties} @> ${JSON.stringify({ [condition.propertyId]: condition.multiValued ? [candidate] : candidate })}::jsonb`,
  );
  return tests.length === 1 ? tests[0]! : sql`(${sql.join(tests, sql` or `)})`;
}

/** The rule part: a disjunction of the relevant planned rules, or null when one of them covers everything. */
function rulesSql(rules: readonly PlannedRule[], type: ObjectType | undefined): SQL | null {
  const branches: SQL[] = [];
  for (const rule of rules) {
    const parts: SQL[] = [];
    if (!type && rule.types) parts.push(inArray(objects.type, [...rule.types]));
    parts.push(...rule.conditions.map(conditionSql));
    if (parts.length === 0) return null;
    branches.push(parts.length === 1 ? parts[0]! : and(...parts)!);
  }
  return branches.length === 1 ? branches[0]! : or(...branches)!;
}

/**
 * Which copy of an object's scope sites the scope test reads (both kept by the database, migrations 0005 and 0006):
 * - `ids` (`scope_site_ids`) against the subject's site ids, constants the planner estimates from its statistics
 *   (and, for several sites, the GIN index `objects_scope_sites_gin` can serve) — for subjects whose rules read the
 *   object's properties, so that the row is read anyway;
 * - `numbers` (`scope_site_numbers`) against the numbers of the subject's sites, looked up once per statement: the
 *   newest-first index of each type holds the numbers with the scope kind and the owner (migration 0012), so where
 *   the rules leave scope alone to decide, a count reads that index and never the table.
 */
type SiteColumn = "ids" | "numbers";

/** The numbers (`sites.number`) of the organisation's sites among (or, `among: false`, not among) the subject's. */
function siteNumbersSql(siteIds: readonly string[], organizationId: string, among: boolean): SQL {
  const test = sql`${sites.id} = any(${uuidArray(siteIds)})`;
  return sql`(select coalesce(array_agg(${sites.number}), '{}') from ${sites} where ${sites.organizationId} = ${organizationId} and ${among ? test : sql`not ${test}`})`;
}

/**
 * Whether one of the object's scope sites is one of the subject's, by site numbers. `&&` compares every pair, so for a
 * subject on most of the organisation's sites the same test is made against the shorter list: no site outside theirs
 * (`<@` the others), negated — an object's scope sites are always sites of its organisation. Both lists are looked up
 * once per statement; the broad user's exact count takes a third less CPU (docs/authorization.md §7.2).
 */
function onMySiteNumbersSql(siteIds: readonly string[], organizationId: string): SQL {
  const mine = siteNumbersSql(siteIds, organizationId, true);
  const others = siteNumbersSql(siteIds, organizationId, false);
  return sql`(case when cardinality(${mine}) <= cardinality(${others}) then ${objects.scopeSiteNumbers} && ${mine} else not (${objects.scopeSiteNumbers} <@ ${others}) end)`;
}

/** Scope (SPEC §3): organisation-wide, or owned by the subject, or shared with one of the subject's sites. */
export function scopeSql(subject: { id: string; siteIds: readonly string[] }, organizationId: string, sitesBy: SiteColumn): SQL {
  // The object's own copy of its sites is tested in the row: a few comparisons per row, where a set of the site's
  // object ids would be read and hashed by every statement. For one site the test is `= any`, which no index serves,
  // as the set was: with the GIN's `&&` the planner may AND a bitmap of every organisation-wide object of the type
  // (60,000 in the benchmark) into a narrow user's few thousand candidates (docs/authorization.md §7.3).
  const [onlySite] = subject.siteIds.length === 1 ? subject.siteIds : [];
  const onMySites =
    sitesBy === "numbers"
      ? onMySiteNumbersSql(subject.siteIds, organizationId)
      : onlySite !== undefined
        ? sql`${onlySite}::uuid = any(${objects.scopeSiteIds})`
        : sql`${objects.scopeSiteIds} && ${uuidArray(subject.siteIds)}`;
  const sharedWithMySites = subject.siteIds.length > 0 ? and(eq(objects.scopeKind, "sites"), onMySites) : undefined;
  return or(eq(objects.scopeKind, "organization"), eq(objects.ownerId, subject.id), sharedWithMySites)!;
}

/** The type test; written `(…) is true` where no index may serve it (`VisibilityQuery.use`). */
function typeSql(type: ObjectType, byIndex: boolean): SQL {
  return byIndex ? eq(objects.type, type) : sql`(${eq(objects.type, type)}) is true`;
}

/**
 * The SQL twin of `effectiveLevel(plan, subject, object) >= minLevel`: live objects of the organisation, in the
 * subject's scope, matched by at least one planned rule of that level. Used by every list, search and count, and in
 * the WHERE of every write. Built from the same plan as the in-memory decision, so the two cannot disagree.
 */
export function visibleObjectsFilter(plan: UserPlan, subject: { id: string; siteIds: readonly string[] }, query: VisibilityQuery): VisibilityFilter {
  const relevant = plan.rules.filter(
    (rule) => levelRank(rule.level) >= levelRank(query.minLevel) && (!query.type || !rule.types || rule.types.has(query.type)),
  );
  if (relevant.length === 0) return { never: true };
  const rules = rulesSql(relevant, query.type);
  const where = and(
    eq(objects.organizationId, query.organizationId),
    query.lifecycle === "trashed" ? isNotNull(objects.trashedAt) : isNull(objects.trashedAt),
    query.type ? typeSql(query.type, !(rules && query.use === "count")) : undefined,
    scopeSql(subject, query.organizationId, rules ? "ids" : "numbers"),
    rules ?? undefined,
  )!;
  return { never: false, where };
}
