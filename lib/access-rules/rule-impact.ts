import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accessLevels, organizations, sites, type AccessLevel, type Role } from "@/db/schema";
import { loadAuthzContext, type AuthzContext } from "@/lib/authz/authz-context";
import type { RuleSubject } from "@/lib/authz/plan";
import { members } from "./impact/bitset";
import { computeGains, vectorTable, type ComboGains, type VectorTable } from "./impact/gains";
import { loadObjectTuples, matchVectors } from "./impact/object-tuples";
import { reachedInSiteSets, sampleObjects, type ComboWork, type ImpactSampleObject, type ObjectPass } from "./impact/reached-objects";
import { pendingReachedUsers } from "./impact/reached-users";
import { roleLimits, type RoleLimit } from "./impact/role-limits";
import { siteSetsOf, type OwnerClassRow } from "./impact/scope-tables";
import { classifyUsers, combos, loadActiveUsers, sameAnswerAs, type ChangedRule, type Combo, type ImpactUser, type UserClass } from "./impact/user-classes";
import { impactViewer } from "./impact/viewer";

export type { ImpactSampleObject } from "./impact/reached-objects";
export type { RoleLimit } from "./impact/role-limits";

/*
 * The impact of one rule change: for each level, which users gain or lose it, on which objects. Exact — it equals,
 * user by user, "visibleObjectsFilter after AND NOT visibleObjectsFilter before" (tested against that brute force in
 * tests/integration/admin-access-rules-preview.test.ts) — but computed per class of users and per tuple of objects,
 * so that it stays within a couple of seconds on a million objects:
 *
 * 1. Users → classes (impact/user-classes.ts): per direction and level, users with the same granting instance of the
 *    changed rule and the same rival instances.
 * 2. Objects → tuples (impact/object-tuples.ts): the candidates' property maps (those the viewer may see, when there
 *    is one) are grouped by the values the instances read, and the objects (in the viewer's scope) counted per map and
 *    scope; each tuple's vector (the instances it matches) is decided in memory.
 * 3. Classes × vectors (impact/gains.ts): which vectors each class gains on.
 * 4. Scope (impact/reached-objects.ts, impact/reached-users.ts): organisation-scoped objects reach every class member,
 *    private ones their owner, site-scoped ones the members of their sites — settled from the tuples when every site
 *    reaches a vector, else object by object in one parallel pass that tests their site numbers against bit masks.
 *
 * A user gains level L when some object reaches L for them after the change and not before; an object is counted
 * when some user gains L on it. Losing is the same with before and after swapped. With a viewer (the previewing
 * Admin), "some object" is one they can view now, and only those are counted (impact/viewer.ts): users are not hidden,
 * but a user who gains only on objects the viewer cannot view is not shown either.
 */

export interface ImpactSampleUser {
  id: string;
  name: string;
  role: Role;
}

export interface ImpactFigures {
  /** Active users who gain (or lose) the level on at least one object (one the viewer can view, when there is one). */
  users: number;
  /** Objects on which at least one user gains (or loses) the level (among those the viewer can view). */
  objects: number;
  /** The first 5 of those users, by name. */
  sampleUsers: ImpactSampleUser[];
  /** Up to 5 of those objects. */
  sampleObjects: ImpactSampleObject[];
  /**
   * Those of the users whose role cannot use the level (SPEC §2), by the level their role stops at: a Viewer who
   * gains Modify still only views, so the change alters what they may do less than the level says.
   */
  roleLimits: RoleLimit[];
}

export interface LevelImpact {
  level: AccessLevel;
  gained: ImpactFigures;
  lost: ImpactFigures;
}

export interface RuleImpact {
  levels: LevelImpact[];
  /** How many user classes were evaluated, over all levels and both directions. */
  classes: number;
  computedInMs: number;
}

export interface RuleImpactRequest extends ChangedRule {
  organizationId: string;
  /**
   * Figures and samples cover only the objects this user can view under the current rules (the previewing Admin, SPEC
   * §3 and §8); every object when absent (the benchmark's unrestricted mode).
   */
  viewer?: RuleSubject | null;
  /** The organisation's rules and properties now; loaded fresh from the database when absent. */
  context?: AuthzContext;
}

const sampleSize = 5;

function emptyFigures(): ImpactFigures {
  return { users: 0, objects: 0, sampleUsers: [], sampleObjects: [], roleLimits: [] };
}

function impactOf(figures: ReadonlyMap<number, ImpactFigures>, classes: number, started: number): RuleImpact {
  return {
    levels: accessLevels.map((level, levelIndex) => ({
      level,
      gained: figures.get(levelIndex * 2) ?? emptyFigures(),
      lost: figures.get(levelIndex * 2 + 1) ?? emptyFigures(),
    })),
    classes,
    computedInMs: Math.round(performance.now() - started),
  };
}

async function currentContext(db: Executor, organizationId: string): Promise<AuthzContext> {
  const [organization] = await db.select({ authzVersion: organizations.authzVersion }).from(organizations).where(eq(organizations.id, organizationId));
  return loadAuthzContext(db, organizationId, organization?.authzVersion ?? 0);
}

/**
 * The impact of replacing `before` by `after` (either may be null) among the organisation's rules: for each level,
 * the users who gain or lose it on at least one object and the objects concerned, with samples. Read-only; one
 * REPEATABLE READ transaction, so that its statements, which read the objects several times, all see one snapshot of
 * them and of the sites (whose numbers size the site masks).
 */
export function computeRuleImpact(db: Executor, request: RuleImpactRequest): Promise<RuleImpact> {
  return db.transaction(
    async (tx) => {
      // Grouping a few hundred thousand property maps by tuple fits in memory with this much room.
      await tx.execute(sql`set local work_mem = '64MB'`);
      // The planner has no statistics on the tables sent with the queries (parameters): it would loop over them for
      // each object, or sort where it can hash. Hash joins, hash aggregation and parallel scans are right for every
      // statement here.
      await tx.execute(sql`set local enable_nestloop = off`);
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local parallel_tuple_cost = 0.01`);
      // Joins keep the order they are written in: objects first, then the tables sent as parameters, whose sizes and
      // keys the planner cannot know (reached-objects.ts).
      await tx.execute(sql`set local join_collapse_limit = 1`);
      // Compiling the statements' expressions costs more than it saves on each of them.
      await tx.execute(sql`set local jit = off`);
      return computeInTransaction(tx, request);
    },
    { isolationLevel: "repeatable read" },
  );
}

/** Per class member, their class's granting and excluded instances: SQL decides with them what an owner reaches. */
function ownerRows(position: number, classes: readonly UserClass[]): OwnerClassRow[] {
  return classes.flatMap((userClass) => userClass.members.map((user) => ({ c: position, owner: user.id, g: userClass.granting, x: userClass.excluded })));
}

/** Organisation-scoped objects of the live vectors, private ones reached by their owner, site-scoped ones. */
function reachedObjectCount(work: ComboWork, table: VectorTable, reachedInSets: ReadonlyMap<number, number>): number {
  let count = work.gains.privateObjects + work.completeSiteScoped;
  for (const vector of members(work.gains.live)) count += table.organizationScoped[vector]!;
  for (const set of work.siteSets) count += reachedInSets.get(set.id) ?? 0;
  return count;
}

async function computeInTransaction(db: Executor, request: RuleImpactRequest): Promise<RuleImpact> {
  const started = performance.now();
  const { organizationId } = request;
  if (!request.before && !request.after) return impactOf(new Map(), 0, started);
  const [context, activeUsers, siteRows] = await Promise.all([
    request.context ?? currentContext(db, organizationId),
    loadActiveUsers(db, organizationId),
    db.select({ id: sites.id, number: sites.number }).from(sites).where(eq(sites.organizationId, organizationId)),
  ]);
  // Sites are known by their numbers (sites.number), the bits of the site masks SQL tests objects against.
  const siteNumber = new Map(siteRows.map((row) => [row.id, row.number!]));
  const siteNumberWidth = Math.max(0, ...siteNumber.values()) + 1;

  const viewer = request.viewer ? impactViewer(request.viewer, context, siteNumber, siteNumberWidth) : null;

  // 1. Users → classes; levels whose classes are another level's share its answer.
  const { instances, byCombo } = classifyUsers(context, request, activeUsers);
  const classCount = [...byCombo.values()].reduce((sum, list) => sum + list.length, 0);
  // A viewer no rule lets see anything sees no change either.
  if (classCount === 0 || viewer?.rules.length === 0) return impactOf(new Map(), classCount, started);
  const sameAs = sameAnswerAs(byCombo);
  const computed: { combo: Combo; classes: UserClass[] }[] = combos
    .filter((combo) => byCombo.has(combo.index) && !sameAs.has(combo.index))
    .map((combo) => ({ combo, classes: byCombo.get(combo.index)! }));

  // 2. Objects → tuples → vectors.
  const allClasses = computed.flatMap(({ classes }) => classes);
  const members = new Map(allClasses.flatMap((userClass) => userClass.members.map((user) => [user.id, user] as const)));
  const tupleSet = await loadObjectTuples(db, organizationId, {
    instances: instances.list,
    granting: [...new Set(allClasses.map((userClass) => userClass.granting))].map((index) => instances.list[index]!),
    members: [...members.values()],
    viewer,
  });
  const { vectors, vectorOfTuple } = matchVectors(tupleSet, instances.list);
  const table = vectorTable(vectors, vectorOfTuple, tupleSet.tuples, instances.list.length);

  // 3. Classes × vectors.
  const gainsByPosition: ComboGains[] = computed.map(({ classes }) => computeGains(table, classes, siteNumber, siteNumberWidth));

  // 4. Scope: users of classes that reach no organisation-scoped object, then objects.
  await pendingReachedUsers(db, tupleSet, table, gainsByPosition);
  let nextSetId = 0;
  const works: ComboWork[] = gainsByPosition.map((gains, position) => {
    const { completeSiteScoped, siteSets } = siteSetsOf(gains, table, tupleSet.tuples, position, siteNumber.size, nextSetId);
    nextSetId += siteSets.length;
    return { position, gains, completeSiteScoped, siteSets, owners: ownerRows(position, gains.classes) };
  });
  const pass: ObjectPass = {
    db,
    tupleSet,
    vectors,
    vectorOfTuple,
    table,
    siteNumberWidth,
  };
  const reachedInSets = await reachedInSiteSets(pass, works);

  const figures = new Map<number, ImpactFigures>();
  const reachedUsers = new Map<number, ImpactUser[]>();
  for (const [position, { combo }] of computed.entries()) {
    const work = works[position]!;
    const objectCount = reachedObjectCount(work, table, reachedInSets);
    const people = [...work.gains.reachedUsers.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    reachedUsers.set(combo.index, people);
    figures.set(combo.index, {
      users: people.length,
      objects: objectCount,
      sampleUsers: people.slice(0, sampleSize).map(({ id, name, role }) => ({ id, name, role })),
      sampleObjects: objectCount > 0 ? await sampleObjects(pass, work) : [],
      roleLimits: roleLimits(people, combo.level),
    });
  }
  // The same users and objects as an earlier level; what their roles cap depends on this one.
  for (const [comboIndex, first] of sameAs) {
    figures.set(comboIndex, { ...figures.get(first)!, roleLimits: roleLimits(reachedUsers.get(first)!, combos[comboIndex]!.level) });
  }
  return impactOf(figures, classCount, started);
}
