import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import {
  accessLevels,
  objects,
  objectTypes,
  propertyTypes,
  roles,
  type AccessLevel,
  type ObjectType,
  type PropertyType,
  type Role,
  type ScopeKind,
} from "@/db/schema";
import { decideAccess, effectiveLevel, type ObjectAccessFacts } from "@/lib/authz/decide";
import { levelRank } from "@/lib/authz/levels";
import { loadObjectAccessFacts } from "@/lib/authz/object-access";
import type { UserPlan } from "@/lib/authz/plan";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { loadAccessSubject, planFor, type AccessSubject } from "@/lib/authz/subject";
import {
  insertWorld,
  newId,
  optionsOf,
  type World,
  type WorldObject,
  type WorldProperty,
  type WorldRule,
  type WorldUser,
} from "../fixtures/authz-world";
import { createTestOrganization } from "../fixtures/organizations";

/*
 * The decision (`effectiveLevel`, in memory) and the predicate (`visibleObjectsFilter`, in SQL) are two halves of one
 * rule: on random organisations, for every (user, object) pair, the object is listed at a level iff its effective
 * level reaches that level — for the all-types query and the per-type query alike.
 */

const seed = 20_260_512;
const numRuns = 100;

// ——— The abstract world fast-check generates: indices and pool positions, turned into rows by `materialize`. ———

/** A property value: undefined = missing key, -1 = stored null, n = position in the type's value pool. */
type AbstractValue = number | undefined;

interface AbstractUser {
  role: Role;
  active: boolean;
  sites: number[];
  teams: number[];
  values: AbstractValue[];
}

interface AbstractCondition {
  /** Index into propertyTypes: which property (of the rule's side) the condition names. */
  property: number;
  values: number[];
  /** Names a property of the wrong side (a user property on the object side, or the reverse). */
  wrongSide: boolean;
}

interface AbstractRule {
  level: AccessLevel;
  enabled: boolean;
  all: boolean;
  sites: number[];
  roles: Role[];
  teams: number[];
  users: number[];
  userConditions: AbstractCondition[];
  types: ObjectType[];
  objectConditions: AbstractCondition[];
  match: { user: number; object: number }[];
}

interface AbstractObject {
  type: ObjectType;
  owner: number;
  scopeKind: ScopeKind;
  sites: number[];
  /** Scope-site rows also for a scope kind other than `sites` (inconsistent data the two halves must still agree on). */
  strayScopeRows: boolean;
  values: AbstractValue[];
  trashed: boolean;
}

interface AbstractWorld {
  siteCount: number;
  teamCount: number;
  /** The object type each object property (one per property type) applies to. */
  objectPropertyTargets: ObjectType[];
  users: AbstractUser[];
  rules: AbstractRule[];
  objects: AbstractObject[];
}

const often = <T>(likely: T, unlikely: T, weight = 5) =>
  fc.oneof({ weight, arbitrary: fc.constant(likely) }, { weight: 1, arbitrary: fc.constant(unlikely) });
const sparse = <T>(arbitrary: fc.Arbitrary<T[]>) => fc.oneof({ weight: 3, arbitrary: fc.constant<T[]>([]) }, { weight: 2, arbitrary });
// Position 0 of a stored pool and of a rule pool hold the same value: biasing both towards it makes matches common.
const poolIndexArb = fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.nat(11) });
const valueArb: fc.Arbitrary<AbstractValue> = fc.option(
  fc.oneof({ weight: 8, arbitrary: poolIndexArb }, { weight: 1, arbitrary: fc.constant(-1) }),
  { nil: undefined, freq: 4 },
);
const valuesArb = fc.array(valueArb, { minLength: propertyTypes.length, maxLength: propertyTypes.length });
const propertyIndexArb = fc.nat(propertyTypes.length - 1);
const conditionArb: fc.Arbitrary<AbstractCondition> = fc.record({
  property: propertyIndexArb,
  values: fc.array(poolIndexArb, { minLength: 1, maxLength: 3 }),
  wrongSide: often(false, true, 9),
});
const matchArb = fc.oneof(
  { weight: 4, arbitrary: propertyIndexArb.map((index) => ({ user: index, object: index })) },
  { weight: 1, arbitrary: fc.record({ user: propertyIndexArb, object: propertyIndexArb }) },
);

const worldArb: fc.Arbitrary<AbstractWorld> = fc.record({
  siteCount: fc.integer({ min: 0, max: 3 }),
  teamCount: fc.integer({ min: 0, max: 2 }),
  objectPropertyTargets: fc.array(fc.constantFrom(...objectTypes), { minLength: propertyTypes.length, maxLength: propertyTypes.length }),
  users: fc.array(
    fc.record({
      role: fc.constantFrom(...roles),
      active: often(true, false),
      sites: fc.subarray([0, 1, 2]),
      teams: fc.subarray([0, 1]),
      values: valuesArb,
    }),
    { minLength: 1, maxLength: 5 },
  ),
  rules: fc.array(
    fc.record({
      level: fc.constantFrom(...accessLevels),
      enabled: often(true, false),
      all: fc.boolean(),
      // Index 3 is a site that does not exist (a rule may name an id nobody holds).
      sites: sparse(fc.subarray([0, 1, 2, 3], { minLength: 1, maxLength: 2 })),
      roles: sparse(fc.subarray([...roles], { minLength: 1, maxLength: 3 })),
      teams: sparse(fc.subarray([0, 1], { minLength: 1 })),
      users: sparse(fc.subarray([0, 1, 2, 3, 4], { minLength: 1, maxLength: 2 })),
      userConditions: sparse(fc.array(conditionArb, { minLength: 1, maxLength: 2 })),
      types: sparse(fc.subarray([...objectTypes], { minLength: 1, maxLength: 3 })),
      objectConditions: sparse(fc.array(conditionArb, { minLength: 1, maxLength: 2 })),
      match: sparse(fc.array(matchArb, { minLength: 1, maxLength: 1 })),
    }),
    { maxLength: 8 },
  ),
  objects: fc.array(
    fc.record({
      type: fc.constantFrom(...objectTypes),
      owner: fc.nat(4),
      // Organisation-wide most often: out of scope, the rules' SQL is never consulted.
      scopeKind: fc.oneof(
        { weight: 3, arbitrary: fc.constant<ScopeKind>("organization") },
        { weight: 2, arbitrary: fc.constant<ScopeKind>("sites") },
        { weight: 1, arbitrary: fc.constant<ScopeKind>("owner") },
      ),
      sites: fc.subarray([0, 1, 2]),
      strayScopeRows: often(false, true, 9),
      values: valuesArb,
      trashed: often(false, true, 8),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

// ——— Value pools: what stored values and rule values look like, well-formed and not. ———

interface PoolContext {
  userIds: string[];
  objectId: string;
  /** Option ids of the choice property, and one of another property. */
  optionIds: string[];
  foreignOptionId: string;
}

function storedPool(type: PropertyType, ctx: PoolContext): unknown[] {
  const [o0, o1, o2] = ctx.optionIds as [string, string, string];
  const u = (index: number) => ctx.userIds[index % ctx.userIds.length]!;
  switch (type) {
    case "text":
      return ["alpha", "Alpha", "beta", "", "ünïcødé ✓", ["alpha"], 5, "1"];
    case "number":
      return [0, 1, 2.5, -3, 1e21, 0.1 + 0.2, "1", [1], true];
    case "date":
      return ["2024-05-01", "2024-12-31", "1999-01-01", "2024-05-01T10:00:00Z", 20240501];
    case "boolean":
      return [true, false, "true", 1, [true]];
    case "single_choice":
      return [o0, o1, o2, [o0], "Red", ctx.foreignOptionId];
    case "multi_choice":
      return [[o0], [o1, o2], [], [o0, o2], o0, [[o0]], [ctx.foreignOptionId, o1]];
    case "relation":
      return [[u(0)], [u(1), u(2)], [], [ctx.objectId], u(0), [u(0), ctx.objectId]];
  }
}

function rulePool(type: PropertyType, ctx: PoolContext): unknown[] {
  const [o0, o1, o2] = ctx.optionIds as [string, string, string];
  const u = (index: number) => ctx.userIds[index % ctx.userIds.length]!;
  switch (type) {
    case "text":
      return ["alpha", "beta", "Alpha", 5, "", "1"];
    case "number":
      return [0, 1, 2.5, "2.5", "abc", 1e21, "1", 0.1 + 0.2, -3];
    case "date":
      return ["2024-05-01", "2024-12-31T08:00:00Z", "not a date", "1999-01-01", 20240501];
    case "boolean":
      return [true, false, "true", "false", "yes", 1];
    case "single_choice":
    case "multi_choice":
      return [o0, o1, o2, "Red", ctx.foreignOptionId];
    case "relation":
      return [u(0), u(1), u(2), ctx.objectId];
  }
}

const pick = <T>(pool: readonly T[], index: number): T => pool[index % pool.length]!;

interface Materialized {
  world: World;
  users: WorldUser[];
  objects: WorldObject[];
}

function materialize(abstract: AbstractWorld): Materialized {
  const sites = Array.from({ length: abstract.siteCount }, (_, index) => ({ id: newId(), name: `Site ${index}` }));
  const teams = Array.from({ length: abstract.teamCount }, (_, index) => ({ id: newId(), name: `Team ${index}` }));
  const siteAt = (index: number) => (index < sites.length ? sites[index]!.id : newId());
  const property = (appliesTo: WorldProperty["appliesTo"], type: PropertyType, labels: string[]): WorldProperty => ({
    id: newId(),
    name: `${appliesTo} ${type}`,
    appliesTo,
    type,
    ...(type === "single_choice" || type === "multi_choice" ? { options: optionsOf(...labels) } : {}),
    ...(type === "relation" ? { targetType: "user" as const } : {}),
  });
  // Choices compare across a user and an object property by label: the two label lists overlap, case apart.
  const userProperties = propertyTypes.map((type) => property("user", type, ["Red", "Green", "Blue"]));
  const objectProperties = propertyTypes.map((type, index) => property(abstract.objectPropertyTargets[index]!, type, ["green", "Blue", "Grey"]));

  const userIds = abstract.users.map(() => newId());
  const objectIds = abstract.objects.map(() => newId());
  const contextOf = (properties: WorldProperty[], others: WorldProperty[], index: number): PoolContext => ({
    userIds,
    objectId: objectIds[0]!,
    optionIds: (properties[index]!.options ?? []).map((option) => option.id),
    foreignOptionId: others[index]!.options?.[0]?.id ?? newId(),
  });
  const valuesOf = (values: AbstractValue[], properties: WorldProperty[], others: WorldProperty[]) => {
    const stored: Record<string, unknown> = {};
    values.forEach((value, index) => {
      if (value === undefined) return;
      const type = propertyTypes[index]!;
      stored[properties[index]!.id] = value === -1 ? null : pick(storedPool(type, contextOf(properties, others, index)), value);
    });
    return stored;
  };

  const users: WorldUser[] = abstract.users.map((user, index) => ({
    id: userIds[index]!,
    role: user.role,
    active: user.active,
    siteIds: user.sites.filter((site) => site < sites.length).map((site) => sites[site]!.id),
    teamIds: user.teams.filter((team) => team < teams.length).map((team) => teams[team]!.id),
    properties: valuesOf(user.values, userProperties, objectProperties),
  }));

  const condition = (side: WorldProperty[], other: WorldProperty[], abstractCondition: AbstractCondition) => {
    const properties = abstractCondition.wrongSide ? other : side;
    const index = abstractCondition.property;
    const pool = rulePool(propertyTypes[index]!, contextOf(properties, abstractCondition.wrongSide ? side : other, index));
    return { propertyId: properties[index]!.id, in: abstractCondition.values.map((value) => pick(pool, value)) };
  };
  const rules: WorldRule[] = abstract.rules.map((rule, index) => ({
    name: `Rule ${index}`,
    level: rule.level,
    enabled: rule.enabled,
    users: rule.all
      ? { all: true }
      : {
          siteIds: rule.sites.map(siteAt),
          roles: rule.roles,
          teamIds: rule.teams.filter((team) => team < teams.length).map((team) => teams[team]!.id),
          userIds: rule.users.map((user) => userIds[user % userIds.length]!),
          properties: rule.userConditions.map((item) => condition(userProperties, objectProperties, item)),
        },
    objects: { types: rule.types, properties: rule.objectConditions.map((item) => condition(objectProperties, userProperties, item)) },
    match: rule.match.map(({ user, object }) => ({ userPropertyId: userProperties[user]!.id, objectPropertyId: objectProperties[object]!.id })),
  }));

  const worldObjects: WorldObject[] = abstract.objects.map((object, index) => ({
    id: objectIds[index]!,
    type: object.type,
    ownerId: userIds[object.owner % userIds.length]!,
    scopeKind: object.scopeKind,
    scopeSiteIds:
      object.scopeKind === "sites" || object.strayScopeRows
        ? object.sites.filter((site) => site < sites.length).map((site) => sites[site]!.id)
        : [],
    properties: valuesOf(object.values, objectProperties, userProperties),
    trashed: object.trashed,
  }));

  return {
    world: { sites, teams, properties: [...userProperties, ...objectProperties], users, rules, objects: worldObjects },
    users,
    objects: worldObjects,
  };
}

// ——— The check. ———

const queryTypes = [undefined, ...objectTypes] as const;

async function listedIds(
  db: Database,
  plan: UserPlan,
  subject: AccessSubject,
  minLevel: AccessLevel,
  type: ObjectType | undefined,
): Promise<Set<string>> {
  const filter = visibleObjectsFilter(plan, subject, { organizationId: subject.organizationId, minLevel, type });
  if (filter.never) return new Set();
  const rows = await db.select({ id: objects.id }).from(objects).where(filter.where);
  return new Set(rows.map((row) => row.id));
}

interface Tally {
  worlds: number;
  pairs: number;
  comparisons: number;
  visiblePairs: number;
  /** Pairs where a rule with a property condition or a property match grants the level. */
  grantedByPropertyPairs: number;
  /** (user, object) pairs checked against one planned rule with property conditions alone, and those it grants. */
  conditionalRulePairs: number;
  conditionalRuleGrants: number;
}

function describePair(subject: AccessSubject, plan: UserPlan, facts: ObjectAccessFacts, world: World): string {
  const planned = plan.rules.map((rule) => ({ ...rule, types: rule.types && [...rule.types] }));
  return JSON.stringify({ subject, plan: planned, facts, rules: world.rules, properties: world.properties }, null, 1);
}

/** Inserts the world in its own organisation and compares decision and predicate on every (user, object) pair. */
async function checkWorld(db: Database, abstract: AbstractWorld, tally: Tally): Promise<void> {
  const organizationId = (await createTestOrganization(db, "Authz agreement")).id;
  const { world, users, objects: worldObjects } = materialize(abstract);
  await insertWorld(db, organizationId, world);
  tally.worlds++;

  const facts = (await Promise.all(worldObjects.map((object) => loadObjectAccessFacts(db, organizationId, object.id)))).map((loaded) => {
    if (!loaded) throw new Error("an inserted object was not found");
    return loaded;
  });
  const worldIds = new Set(worldObjects.map((object) => object.id));
  for (const user of users) {
    const subject = await loadAccessSubject(db, organizationId, user.id);
    if (!subject) throw new Error(`user ${user.id} not found`);
    const plan = await planFor(db, subject);
    const listings = new Map<string, Set<string>>();
    await Promise.all(
      accessLevels.flatMap((minLevel) =>
        queryTypes.map(async (type) => listings.set(`${minLevel}:${type ?? "*"}`, await listedIds(db, plan, subject, minLevel, type))),
      ),
    );
    for (const [key, ids] of listings) {
      const stranger = [...ids].find((id) => !worldIds.has(id));
      if (stranger) throw new Error(`${key}: the predicate lists ${stranger}, which is not an object of this organisation`);
    }
    // Each planned rule alone, too: a broad rule must not hide what a narrow one's conditions do in SQL.
    const singleRuleListings = await Promise.all(
      plan.rules.map(async (rule) => {
        const single: UserPlan = { ...plan, rules: [rule] };
        return { single, ids: await listedIds(db, single, subject, "view_no_download", undefined) };
      }),
    );
    for (const { single, ids } of singleRuleListings) {
      const conditional = single.rules[0]!.conditions.length > 0;
      for (const objectFacts of facts) {
        tally.comparisons++;
        const level = effectiveLevel(single, subject, objectFacts);
        if (conditional) {
          tally.conditionalRulePairs++;
          if (level !== "none") tally.conditionalRuleGrants++;
        }
        if ((level !== "none") !== ids.has(objectFacts.id)) {
          throw new Error(
            `With the single rule ${single.rules[0]!.name}, effectiveLevel = ${level} but the predicate ` +
              `${ids.has(objectFacts.id) ? "lists" : "leaves out"} the object:\n${describePair(subject, single, objectFacts, world)}`,
          );
        }
      }
    }
    for (const objectFacts of facts) {
      tally.pairs++;
      const level = effectiveLevel(plan, subject, objectFacts);
      const decision = decideAccess(plan, subject, objectFacts);
      if (level !== "none") tally.visiblePairs++;
      const strongest = plan.rules.find((rule) => rule.ruleId === decision.grantingRules[0]?.ruleId);
      if (level !== "none" && strongest && strongest.conditions.length > 0) tally.grantedByPropertyPairs++;
      const decided = decision.level;
      if (decided !== level) {
        throw new Error(`decideAccess says ${decided}, effectiveLevel ${level}:\n${describePair(subject, plan, objectFacts, world)}`);
      }
      for (const minLevel of accessLevels) {
        const expected = levelRank(level) >= levelRank(minLevel);
        for (const type of queryTypes) {
          tally.comparisons++;
          const listed = listings.get(`${minLevel}:${type ?? "*"}`)!.has(objectFacts.id);
          const expectedHere = expected && (!type || type === objectFacts.type);
          if (listed !== expectedHere) {
            throw new Error(
              `effectiveLevel = ${level}, but the predicate (minLevel ${minLevel}, type ${type ?? "all"}) ` +
                `${listed ? "lists" : "leaves out"} the object:\n${describePair(subject, plan, objectFacts, world)}`,
            );
          }
        }
      }
    }
  }
}

describe("the decision and the SQL predicate agree", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("on random organisations, for every (user, object) pair and every level, all types and per type", async () => {
    const tally: Tally = {
      worlds: 0,
      pairs: 0,
      comparisons: 0,
      visiblePairs: 0,
      grantedByPropertyPairs: 0,
      conditionalRulePairs: 0,
      conditionalRuleGrants: 0,
    };
    await fc.assert(
      fc.asyncProperty(worldArb, (abstract) => checkWorld(db, abstract, tally)),
      { seed, numRuns },
    );
    console.info(
      `authz agreement: ${tally.worlds} organisations, ${tally.pairs} (user, object) pairs ` +
        `(${tally.visiblePairs} with some access, ${tally.grantedByPropertyPairs} through a property condition), ` +
        `${tally.conditionalRulePairs} pairs against a single rule with property conditions (${tally.conditionalRuleGrants} granted), ` +
        `${tally.comparisons} listing comparisons, no disagreement`,
    );
    // The generator must actually produce access, or the agreement is vacuous.
    expect(tally.visiblePairs).toBeGreaterThan(tally.pairs / 10);
  });
});
