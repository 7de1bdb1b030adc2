import fc from "fast-check";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as accessImpactRoute } from "@/app/api/v1/objects/[id]/access-impact/route";
import { getDb, type Database } from "@/db/client";
import { accessLevels, auditLog, integrations, objects, roles, users, type AccessLevel, type PropertyValues, type Role, type ScopeKind } from "@/db/schema";
import { decideAccess } from "@/lib/authz/decide";
import { levelRank, type EffectiveLevel } from "@/lib/authz/levels";
import { loadObjectAccessFacts } from "@/lib/authz/object-access";
import { loadAccessSubject, planFor } from "@/lib/authz/subject";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { changeObjectScope } from "@/lib/objects/change-object-scope";
import type { ObjectAccessImpact } from "@/lib/objects/object-access-impact";
import { previewObjectAccessChange as previewService } from "@/lib/objects/preview-object-access-change";
import { propertyInputName } from "@/lib/objects/property-form-values";
import { saveObjectEdit as saveObjectEditService } from "@/lib/objects/save-object-edit";
import { saveObjectScope as saveObjectScopeService } from "@/lib/objects/save-object-scope";
import { getObject } from "@/lib/objects/get-object";
import { updateObjectProperties } from "@/lib/objects/update-object-properties";
import type { ScopeChoice } from "@/lib/objects/scope-choice";
import { insertWorld, newId, optionsOf, type WorldProperty, type WorldRule, type WorldUser } from "../fixtures/authz-world";
import { createTestOrganization } from "../fixtures/organizations";
import { dataOf, inEnglish } from "../fixtures/results";
import { actingUserOf } from "../fixtures/users";
import { ObjectsWorld } from "./objects-world";

const previewObjectAccessChange = async (...args: Parameters<typeof previewService>) => inEnglish(await previewService(...args));
const saveObjectEdit = async (...args: Parameters<typeof saveObjectEditService>) => inEnglish(await saveObjectEditService(...args));
const saveObjectScope = async (...args: Parameters<typeof saveObjectScopeService>) => inEnglish(await saveObjectScopeService(...args));

/*
 * The access-change warning against a brute force: on random organisations, for random drafts of an object's property
 * values and scope, the users gaining and losing each level equal what `decideAccess` says of every user before and
 * after the change is actually saved — and the `object.access_changed` security event is written exactly by the saves
 * that change someone's level, with the same figures.
 */

const seed = 20_261_207;
const numRuns = 40;

// ——— The abstract world: indices into pools, turned into rows by `materialize`. ———

/** The document properties the rules read, one of each kind a rule can compare. */
const objectPropertyKinds = ["siteTag", "programmes", "code", "classNumber", "secret", "lead"] as const;
type ObjectPropertyKind = (typeof objectPropertyKinds)[number];

interface AbstractUser {
  role: Role;
  active: boolean;
  sites: number[];
  /** Index of the user's Site tag option (by label), or null. */
  siteTag: number | null;
  code: number | null;
}

interface AbstractRule {
  level: AccessLevel;
  all: boolean;
  sites: number[];
  roles: Role[];
  users: number[];
  userSiteTags: number[];
  types: ("document" | "part")[];
  conditions: { kind: ObjectPropertyKind; values: number[] }[];
  match: "none" | "siteTag" | "code";
}

/** Values of the document's properties: undefined = absent, null = cleared (in a draft), n = pool position. */
type AbstractValues = Partial<Record<ObjectPropertyKind, number | null>>;

interface AbstractScope {
  kind: ScopeKind;
  sites: number[];
}

interface AbstractWorld {
  siteCount: number;
  users: AbstractUser[];
  rules: AbstractRule[];
  object: { values: AbstractValues; scope: AbstractScope };
  draft: { values: AbstractValues | null; scope: AbstractScope | null };
}

const often = <T>(likely: T, unlikely: T, weight = 5) =>
  fc.oneof({ weight, arbitrary: fc.constant(likely) }, { weight: 1, arbitrary: fc.constant(unlikely) });
const sparse = <T>(arbitrary: fc.Arbitrary<T[]>) => fc.oneof({ weight: 3, arbitrary: fc.constant<T[]>([]) }, { weight: 2, arbitrary });
const poolIndex = fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(2) });
const valuesArb = (clearable: boolean): fc.Arbitrary<AbstractValues> =>
  fc.record(
    Object.fromEntries(objectPropertyKinds.map((kind) => [kind, clearable ? fc.option(poolIndex, { nil: null, freq: 4 }) : poolIndex])) as Record<
      ObjectPropertyKind,
      fc.Arbitrary<number | null>
    >,
    { requiredKeys: [] },
  );
const scopeArb: fc.Arbitrary<AbstractScope> = fc.record({
  kind: fc.constantFrom<ScopeKind>("owner", "sites", "organization", "sites"),
  sites: fc.subarray([0, 1, 2], { minLength: 1 }),
});

const worldArb: fc.Arbitrary<AbstractWorld> = fc.record({
  siteCount: fc.integer({ min: 1, max: 3 }),
  users: fc.array(
    fc.record({
      role: fc.constantFrom(...roles),
      active: often(true, false),
      sites: fc.subarray([0, 1, 2]),
      siteTag: fc.option(fc.nat(2), { nil: null, freq: 4 }),
      code: fc.option(fc.nat(1), { nil: null, freq: 4 }),
    }),
    { minLength: 2, maxLength: 8 },
  ),
  rules: fc.array(
    fc.record({
      level: fc.constantFrom(...accessLevels),
      all: often(false, true, 2),
      sites: sparse(fc.subarray([0, 1, 2], { minLength: 1, maxLength: 2 })),
      roles: sparse(fc.subarray([...roles], { minLength: 1, maxLength: 2 })),
      users: sparse(fc.subarray([0, 1, 2, 3], { minLength: 1, maxLength: 2 })),
      userSiteTags: sparse(fc.subarray([0, 1, 2], { minLength: 1, maxLength: 2 })),
      types: fc.constantFrom<("document" | "part")[]>([], ["document"], ["part"], ["document", "part"]),
      conditions: sparse(
        fc.array(fc.record({ kind: fc.constantFrom(...objectPropertyKinds), values: fc.array(poolIndex, { minLength: 1, maxLength: 2 }) }), {
          minLength: 1,
          maxLength: 2,
        }),
      ),
      match: fc.constantFrom<AbstractRule["match"]>("none", "none", "siteTag", "code"),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  object: fc.record({ values: valuesArb(false), scope: scopeArb }),
  draft: fc
    .record({ values: fc.option(valuesArb(true), { nil: null, freq: 3 }), scope: fc.option(scopeArb, { nil: null, freq: 2 }) })
    .map((draft) => (draft.values === null && draft.scope === null ? { ...draft, values: { siteTag: 1 } } : draft)),
});

// ——— Rows. ———

interface Materialized {
  organizationId: string;
  actorId: string;
  objectId: string;
  userIds: string[];
  /** The draft as the services take it. */
  properties: Record<string, unknown> | undefined;
  scope: ScopeChoice | undefined;
}

async function materialize(db: Database, abstract: AbstractWorld): Promise<Materialized> {
  const organizationId = (await createTestOrganization(db, "Object access impact")).id;
  const sites = Array.from({ length: abstract.siteCount }, (_, index) => ({ id: newId(), name: `Site ${index}` }));
  const siteAt = (index: number) => sites[index % sites.length]!.id;
  const tagLabels = ["Lyon", "Toulouse", "Montréal"];
  const userSiteTag: WorldProperty = { id: newId(), name: "Site tag", appliesTo: "user", type: "single_choice", options: optionsOf(...tagLabels) };
  const userCode: WorldProperty = { id: newId(), name: "Code", appliesTo: "user", type: "text" };
  // Choices compare across a user and an object property by label, whatever the case.
  const objectProperties: Record<ObjectPropertyKind, WorldProperty> = {
    siteTag: { id: newId(), name: "Site tag", appliesTo: "document", type: "single_choice", options: optionsOf(...tagLabels.map((label) => label.toLowerCase())) },
    programmes: { id: newId(), name: "Programmes", appliesTo: "document", type: "multi_choice", options: optionsOf("Alpha", "Bravo", "Charlie") },
    code: { id: newId(), name: "Code", appliesTo: "document", type: "text" },
    classNumber: { id: newId(), name: "Class", appliesTo: "document", type: "number" },
    secret: { id: newId(), name: "Secret", appliesTo: "document", type: "boolean" },
    lead: { id: newId(), name: "Lead", appliesTo: "document", type: "relation", targetType: "user" },
  };
  const userIds = abstract.users.map(() => newId());
  const actorId = newId();
  const codes = ["alpha", "beta", "gamma"];
  const pools: Record<ObjectPropertyKind, (index: number) => unknown> = {
    siteTag: (index) => objectProperties.siteTag.options![index % 3]!.id,
    programmes: (index) => [objectProperties.programmes.options![index % 3]!.id, ...(index === 2 ? [objectProperties.programmes.options![0]!.id] : [])],
    code: (index) => codes[index % 3],
    classNumber: (index) => index + 1,
    secret: (index) => index % 2 === 0,
    lead: (index) => [userIds[index % userIds.length]!],
  };
  // A rule names a value: for multi-valued properties one element ("contains").
  const ruleValue = (kind: ObjectPropertyKind, index: number) => {
    const value = pools[kind](index);
    return Array.isArray(value) ? value[0] : value;
  };
  const valuesOf = (values: AbstractValues): Record<string, unknown> =>
    Object.fromEntries(
      objectPropertyKinds
        .filter((kind) => values[kind] !== undefined)
        .map((kind) => [objectProperties[kind].id, values[kind] === null ? null : pools[kind](values[kind]!)]),
    );

  const people: WorldUser[] = abstract.users.map((user, index) => ({
    id: userIds[index]!,
    name: `User ${index}`,
    role: user.role,
    active: user.active,
    siteIds: [...new Set(user.sites.map(siteAt))],
    properties: {
      ...(user.siteTag === null ? {} : { [userSiteTag.id]: userSiteTag.options![user.siteTag]!.id }),
      ...(user.code === null ? {} : { [userCode.id]: codes[user.code] }),
    },
  }));
  // The actor owns the object and has Full access to everything: the drafts never lock them out.
  people.push({ id: actorId, name: "Actor", role: "manager", siteIds: [sites[0]!.id] });
  const rules: WorldRule[] = abstract.rules.map((rule, index) => ({
    name: `Rule ${index}`,
    level: rule.level,
    users:
      rule.all || rule.match !== "none"
        ? rule.all
          ? { all: true }
          : { roles: rule.roles.length > 0 ? rule.roles : [...roles] }
        : {
            siteIds: rule.sites.map(siteAt),
            roles: rule.roles,
            userIds: rule.users.map((position) => userIds[position % userIds.length]!),
            properties: rule.userSiteTags.length > 0 ? [{ propertyId: userSiteTag.id, in: rule.userSiteTags.map((tag) => userSiteTag.options![tag]!.id) }] : [],
            ...(rule.sites.length + rule.roles.length + rule.users.length + rule.userSiteTags.length === 0 ? { all: true } : {}),
          },
    objects: {
      types: rule.types,
      properties: rule.conditions.map((condition) => ({
        propertyId: objectProperties[condition.kind].id,
        in: condition.values.map((value) => ruleValue(condition.kind, value)),
      })),
    },
    match:
      rule.match === "siteTag"
        ? [{ userPropertyId: userSiteTag.id, objectPropertyId: objectProperties.siteTag.id }]
        : rule.match === "code"
          ? [{ userPropertyId: userCode.id, objectPropertyId: objectProperties.code.id }]
          : [],
  }));
  rules.push({ name: "The actor has full access", level: "full", users: { userIds: [actorId] } });

  const objectId = newId();
  const scopeOf = (scope: AbstractScope): ScopeChoice =>
    scope.kind === "sites" ? { kind: "sites", siteIds: [...new Set(scope.sites.map(siteAt))] } : { kind: scope.kind };
  const objectScope = scopeOf(abstract.object.scope);
  await insertWorld(db, organizationId, {
    sites,
    properties: [userSiteTag, userCode, ...Object.values(objectProperties)],
    users: people,
    rules,
    objects: [
      {
        id: objectId,
        type: "document",
        ownerId: actorId,
        scopeKind: objectScope.kind,
        scopeSiteIds: objectScope.siteIds ?? [],
        properties: valuesOf(abstract.object.values) as PropertyValues,
      },
    ],
  });
  return {
    organizationId,
    actorId,
    objectId,
    userIds: [...userIds, actorId],
    properties: abstract.draft.values ? valuesOf(abstract.draft.values) : undefined,
    scope: abstract.draft.scope ? scopeOf(abstract.draft.scope) : undefined,
  };
}

// ——— The brute force: decideAccess for every user of the organisation. ———

async function levelsNow(db: Database, world: Materialized): Promise<Map<string, EffectiveLevel>> {
  const facts = await loadObjectAccessFacts(db, world.organizationId, world.objectId);
  if (!facts) throw new Error("the object vanished");
  const levels = new Map<string, EffectiveLevel>();
  for (const userId of world.userIds) {
    const subject = await loadAccessSubject(db, world.organizationId, userId);
    if (!subject) throw new Error(`no user ${userId}`);
    levels.set(userId, decideAccess(await planFor(db, subject), subject, facts).level);
  }
  return levels;
}

type Counts = Record<AccessLevel, number>;

function changes(before: Map<string, EffectiveLevel>, after: Map<string, EffectiveLevel>): { gained: Counts; lost: Counts } {
  const gained = Object.fromEntries(accessLevels.map((level) => [level, 0])) as Counts;
  const lost = { ...gained };
  for (const [userId, was] of before) {
    const will = after.get(userId)!;
    for (const level of accessLevels) {
      const rank = levelRank(level);
      if (levelRank(was) < rank && levelRank(will) >= rank) gained[level]++;
      if (levelRank(will) < rank && levelRank(was) >= rank) lost[level]++;
    }
  }
  return { gained, lost };
}

function reaching(levels: Map<string, EffectiveLevel>): Counts {
  return Object.fromEntries(accessLevels.map((level) => [level, [...levels.values()].filter((found) => levelRank(found) >= levelRank(level)).length])) as Counts;
}

function changed(counts: { gained: Counts; lost: Counts }): boolean {
  return accessLevels.some((level) => counts.gained[level] > 0 || counts.lost[level] > 0);
}

function nonZero(counts: Counts): Partial<Counts> {
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}

function expectImpactToMatch(impact: ObjectAccessImpact, before: Map<string, EffectiveLevel>, after: Map<string, EffectiveLevel>, context: string) {
  const expected = changes(before, after);
  const answered = {
    gained: Object.fromEntries(impact.levels.map((entry) => [entry.level, entry.gained])),
    lost: Object.fromEntries(impact.levels.map((entry) => [entry.level, entry.lost])),
  };
  expect(answered, context).toEqual(expected);
  expect(impact.changesAccess, context).toBe(changed(expected));
  // The groups tell the same counts, each level once.
  for (const direction of ["gained", "lost"] as const) {
    const told = impact[direction].flatMap((group) => group.levels.map((level) => [level, group.users] as const));
    expect(Object.fromEntries(told), context).toEqual(nonZero(expected[direction]));
  }
  if (impact.changesAccess) expect(impact.usersByLevel, context).toEqual({ before: reaching(before), after: reaching(after) });
}

async function actorOf(db: Database, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return actingUserOf(db, row!);
}

async function accessChangeEntries(db: Database, objectId: string) {
  return db
    .select({ after: auditLog.after, before: auditLog.before })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, objectId), eq(auditLog.action, "object.access_changed")))
    .orderBy(asc(auditLog.id));
}

interface Tally {
  worlds: number;
  previewsThatChange: number;
  savesThatChange: number;
  saves: number;
}

async function checkWorld(db: Database, abstract: AbstractWorld, tally: Tally): Promise<void> {
  const world = await materialize(db, abstract);
  tally.worlds++;
  const actor = await actorOf(db, world.actorId);
  const context = JSON.stringify({ abstract, properties: world.properties, scope: world.scope });

  const before = await levelsNow(db, world);
  const preview = dataOf(await previewObjectAccessChange(db, actor, { id: world.objectId, properties: world.properties, scope: world.scope }));
  if (preview.changesAccess) tally.previewsThatChange++;

  // Saved as the forms save it: the property edit, then the scope change, each with its own security event.
  const expectedEntries: { gained: Partial<Counts>; lost: Partial<Counts> }[] = [];
  let previous = before;
  let version = 1;
  for (const step of ["properties", "scope"] as const) {
    if (step === "properties" && world.properties === undefined) continue;
    if (step === "scope" && world.scope === undefined) continue;
    const saved =
      step === "properties"
        ? await updateObjectProperties(db, actor, { id: world.objectId, version, properties: world.properties })
        : await changeObjectScope(db, actor, { id: world.objectId, version, ...world.scope! });
    version = dataOf(saved).version;
    tally.saves++;
    const now = await levelsNow(db, world);
    const counts = changes(previous, now);
    if (changed(counts)) {
      tally.savesThatChange++;
      expectedEntries.push({ gained: nonZero(counts.gained), lost: nonZero(counts.lost) });
    }
    previous = now;
  }

  expectImpactToMatch(preview, before, previous, context);
  const entries = await accessChangeEntries(db, world.objectId);
  expect(
    entries.map((entry) => {
      const after = entry.after as { gained: Partial<Counts>; lost: Partial<Counts> };
      return { gained: after.gained, lost: after.lost };
    }),
    context,
  ).toEqual(expectedEntries);
}

describe("the access-change warning (previewObjectAccessChange)", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("agrees with decideAccess for every user, before and after random drafts are saved; the security event is written exactly when access changes", async () => {
    const tally: Tally = { worlds: 0, previewsThatChange: 0, savesThatChange: 0, saves: 0 };
    await fc.assert(
      fc.asyncProperty(worldArb, (abstract) => checkWorld(db, abstract, tally)),
      { seed, numRuns },
    );
    console.info(
      `object access impact: ${tally.worlds} organisations, ${tally.previewsThatChange} drafts that change access, ` +
        `${tally.saves} saves of which ${tally.savesThatChange} changed access (audited), no disagreement`,
    );
    // Both answers must be common, or the agreement is vacuous.
    expect(tally.previewsThatChange).toBeGreaterThan(numRuns / 4);
    expect(tally.previewsThatChange).toBeLessThan(numRuns);
  });

  /** Lyon and Toulouse; "Toulouse edits Toulouse documents" matches the users' Site tag to the document's. */
  async function siteTags() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [{ name: "Everyone views", level: "view", users: { all: true } }],
    });
    const userTag = await world.addProperty("user", "Site tag", "single_choice", { labels: ["Lyon", "Toulouse"] });
    const documentTag = await world.addProperty("document", "Site tag", "single_choice", { labels: ["Lyon", "Toulouse"] });
    await world.setRules([
      { name: "Everyone views", level: "view", users: { all: true } },
      { name: "Tagged users edit their documents", level: "modify", users: { all: true }, match: [{ userPropertyId: userTag.id, objectPropertyId: documentTag.id }] },
      { name: "Admins have full access", level: "full", users: { roles: ["admin"] } },
    ]);
    const admin = await world.actor({ role: "admin", sites: ["Lyon"], name: "Ada" });
    for (const name of ["Tom", "Théa", "Théo"]) await world.addUser({ sites: ["Toulouse"], name, properties: { [userTag.id]: userTag.option.Toulouse! } });
    for (const name of ["Léa", "Luc"]) await world.addUser({ sites: ["Lyon"], name, properties: { [userTag.id]: userTag.option.Lyon! } });
    await world.addUser({ role: "viewer", sites: ["Lyon"], name: "Victor", properties: { [userTag.id]: userTag.option.Lyon! } });
    await world.addUser({ sites: ["Lyon"], name: "Gone", active: false, properties: { [userTag.id]: userTag.option.Lyon! } });
    const document = await world.createObject(await world.refresh(admin), {
      title: "Pump drawing",
      scope: { kind: "organization" },
      properties: { [documentTag.id]: documentTag.option.Toulouse! },
    });
    return { world, admin: await world.refresh(admin), documentTag, document };
  }

  it("tells who gains and loses which level when a property a rule reads changes, and audits the save as a security event", async () => {
    const { admin, documentTag, document } = await siteTags();
    const draft = { properties: { [documentTag.id]: documentTag.option.Lyon! } };
    const impact = dataOf(await previewObjectAccessChange(db, admin, { id: document.id, ...draft }));
    expect(impact.changesAccess).toBe(true);
    expect(impact.levels).toEqual([
      { level: "view_no_download", gained: 0, lost: 0 },
      { level: "view", gained: 0, lost: 0 },
      { level: "modify", gained: 3, lost: 3 },
      { level: "full", gained: 0, lost: 0 },
    ]);
    // The Lyon Viewer gains Modify too, but their role stops them at viewing.
    expect(impact.gained).toEqual([
      {
        levels: ["modify"],
        users: 3,
        sampleUsers: [expect.objectContaining({ name: "Léa" }), expect.objectContaining({ name: "Luc" }), expect.objectContaining({ name: "Victor", role: "viewer" })],
        roleLimits: [{ level: "view", users: 1 }],
      },
    ]);
    expect(impact.lost.map((group) => [group.levels, group.sampleUsers.map((user) => user.name)])).toEqual([[["modify"], ["Théa", "Théo", "Tom"]]]);
    expect(impact.you).toEqual({ before: "full", after: "full" });

    dataOf(await updateObjectProperties(db, admin, { id: document.id, version: document.version, ...draft }));
    const [entry, ...more] = await accessChangeEntries(db, document.id);
    expect(more).toEqual([]);
    expect(entry).toEqual({
      before: { usersByLevel: { view_no_download: 7, view: 7, modify: 4, full: 1 } },
      after: {
        usersByLevel: { view_no_download: 7, view: 7, modify: 4, full: 1 },
        gained: { modify: 3 },
        lost: { modify: 3 },
        cause: { kind: "properties", propertyIds: [documentTag.id] },
      },
    });
  });

  it("saves without a security event when no rule reads what changed, and answers without deciding anyone", async () => {
    const { world, admin, document } = await siteTags();
    const note = await world.addProperty("document", "Note", "text");
    const refreshed = await world.refresh(admin);
    const impact = dataOf(await previewObjectAccessChange(db, refreshed, { id: document.id, properties: { [note.id]: "see drawing B" } }));
    expect(impact).toMatchObject({ changesAccess: false, gained: [], lost: [], usersDecided: 0, you: { before: "full", after: "full" } });
    dataOf(await updateObjectProperties(db, refreshed, { id: document.id, version: document.version, properties: { [note.id]: "see drawing B" } }));
    expect(await accessChangeEntries(db, document.id)).toEqual([]);
  });

  it("counts a scope change: narrowing to Lyon takes every level from the Toulouse users", async () => {
    const { world, admin, document } = await siteTags();
    const scope = { kind: "sites" as const, siteIds: [world.site("Lyon")] };
    const impact = dataOf(await previewObjectAccessChange(db, admin, { id: document.id, scope }));
    expect(impact.lost).toEqual([expect.objectContaining({ levels: ["view_no_download", "view", "modify"], users: 3 })]);
    expect(impact.gained).toEqual([]);
    dataOf(await changeObjectScope(db, admin, { id: document.id, version: document.version, ...scope }));
    const entries = await accessChangeEntries(db, document.id);
    expect(entries.map((entry) => (entry.after as { lost: unknown; cause: unknown }).lost)).toEqual([{ view_no_download: 3, view: 3, modify: 3 }]);
    expect((entries[0]!.after as { cause: unknown }).cause).toEqual({ kind: "scope", scope });
  });

  it("refuses a scope that would lock the caller out, in the preview as in the save, and audits no access change", async () => {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true } },
        { name: "Managers modify", level: "modify", users: { roles: ["manager"] } },
      ],
    });
    const owner = await world.actor({ sites: ["Lyon"] });
    const colleague = await world.actor({ sites: ["Lyon"] });
    const document = await world.createObject(owner, { scope: { kind: "organization" } });
    const refusal = {
      ok: false,
      error: {
        code: "invalid",
        message: "This change would remove your own access to this object.",
        fields: { "scope.siteIds": "None of these sites is yours: you would lose your access. Include one of your sites." },
      },
    };
    const toulouseOnly = { kind: "sites" as const, siteIds: [world.site("Toulouse")] };
    expect(await previewObjectAccessChange(db, colleague, { id: document.id, scope: toulouseOnly })).toEqual(refusal);
    expect(await previewObjectAccessChange(db, colleague, { id: document.id, scope: { kind: "owner" } })).toMatchObject({
      ok: false,
      error: { fields: { "scope.kind": "Only the owner would be in scope: you would lose your access. Keep a scope that includes you." } },
    });
    expect(inEnglish(await changeObjectScope(db, colleague, { id: document.id, ...toulouseOnly }))).toMatchObject({
      ok: false,
      error: { message: "This change would remove your own access to this object.", fields: { siteIds: refusal.error.fields["scope.siteIds"] } },
    });
    expect(await accessChangeEntries(db, document.id)).toEqual([]);
    // The owner is always in scope: they may narrow it to the other site.
    expect(dataOf(await previewObjectAccessChange(db, owner, { id: document.id, scope: toulouseOnly })).you).toEqual({ before: "modify", after: "modify" });
  });

  it("validates the draft as the save would, and needs Modify: not_found for an object the caller cannot view", async () => {
    const { world, admin, documentTag, document } = await siteTags();
    expect(await previewObjectAccessChange(db, admin, { id: document.id, properties: { [documentTag.id]: "not an option" } })).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { [`properties.${documentTag.id}`]: "Pick one of this property's options." } },
    });
    expect(await previewObjectAccessChange(db, admin, { id: document.id })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await previewObjectAccessChange(db, admin, { id: document.id, scope: { kind: "sites" } })).toMatchObject({
      ok: false,
      error: { fields: { "scope.siteIds": "Pick at least one site." } },
    });
    expect(await previewObjectAccessChange(db, admin, { id: document.id, extra: 1 } as never)).toMatchObject({ ok: false, error: { code: "invalid" } });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    expect(await previewObjectAccessChange(db, viewer, { id: document.id, scope: { kind: "organization" } })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    const hidden = await world.createObject(admin, { scope: { kind: "owner" } });
    const manager = await world.actor({ sites: ["Lyon"] });
    expect(await previewObjectAccessChange(db, manager, { id: hidden.id, scope: { kind: "organization" } })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });

  it("decides a few thousand users at once", async () => {
    const organizationId = (await createTestOrganization(db, "Many users")).id;
    const lyon = { id: newId(), name: "Lyon" };
    const toulouse = { id: newId(), name: "Toulouse" };
    const people: WorldUser[] = Array.from({ length: 3000 }, (_, index) => ({
      id: newId(),
      role: index % 10 === 0 ? "viewer" : "manager",
      siteIds: [index % 3 === 0 ? toulouse.id : lyon.id],
    }));
    const actorId = people[1]!.id;
    const objectId = newId();
    await insertWorld(db, organizationId, {
      sites: [lyon, toulouse],
      users: people,
      rules: [{ name: "Everyone modifies", level: "modify", users: { all: true } }],
      objects: [{ id: objectId, type: "part", ownerId: actorId, scopeKind: "sites", scopeSiteIds: [lyon.id] }],
    });
    const actor = await actorOf(db, actorId);
    const impact = dataOf(await previewObjectAccessChange(db, actor, { id: objectId, scope: { kind: "organization" } }));
    expect(impact.usersDecided).toBe(3000);
    expect(impact.gained).toEqual([expect.objectContaining({ levels: ["view_no_download", "view", "modify"], users: 1000 })]);
    console.info(`object access impact: 3,000 users decided in ${impact.computedInMs} ms`);
    // Three queries load them all; deciding them in memory takes a fraction of a second (a loose bound on a busy machine).
    expect(impact.computedInMs).toBeLessThan(5000);
  });
});

describe("the edit and scope forms save through the warning", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function taggedPart() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [{ name: "Everyone views", level: "view", users: { all: true } }],
    });
    const userTag = await world.addProperty("user", "Site tag", "single_choice", { labels: ["Lyon", "Toulouse"] });
    const partTag = await world.addProperty("part", "Site tag", "single_choice", { labels: ["Lyon", "Toulouse"] });
    const supplier = await world.addProperty("part", "Supplier", "text");
    const drawing = await world.addProperty("part", "Drawing", "relation", { targetType: "document" });
    await world.setRules([
      { name: "Everyone views", level: "view", users: { all: true } },
      { name: "Tagged users edit their parts", level: "modify", users: { all: true }, match: [{ userPropertyId: userTag.id, objectPropertyId: partTag.id }] },
      { name: "Managers modify documents", level: "modify", users: { roles: ["manager"] }, objects: { types: ["document"] } },
    ]);
    const editor = await world.actor({ sites: ["Lyon"], properties: { [userTag.id]: userTag.option.Lyon! } });
    // Someone else owns the part: the owner is always in scope, the editor is not.
    const creator = await world.actor({ sites: ["Lyon"], properties: { [userTag.id]: userTag.option.Lyon! } });
    await world.addUser({ sites: ["Toulouse"], properties: { [userTag.id]: userTag.option.Toulouse! } });
    // A drawing only its owner sees: the editor's form cannot list it, and must not lose it.
    const stranger = await world.actor({ sites: ["Toulouse"] });
    const hiddenDrawing = await world.createObject(stranger, { type: "document", scope: { kind: "owner" } });
    const part = await world.createObject(await world.refresh(creator), {
      type: "part",
      title: "Bracket",
      scope: { kind: "organization" },
      properties: { [partTag.id]: partTag.option.Lyon!, [supplier.id]: "Acme" },
    });
    await db.update(objects).set({ properties: { ...part.properties, [drawing.id]: [hiddenDrawing.id] } }).where(eq(objects.id, part.id));
    return { world, editor: await world.refresh(editor), partTag, supplier, drawing, hiddenDrawing, part: { ...part, version: part.version } };
  }

  /** The edit form's posted values: every field, as the form posts them. */
  function editForm(part: { id: string; version: number }, fields: Record<string, string>, extra: Record<string, string> = {}) {
    return { id: part.id, version: String(part.version), title: "Bracket", ...fields, ...extra };
  }

  it("asks before saving an edit that changes access, saves on the confirmation of the same counts, and writes the security event", async () => {
    const { editor, partTag, supplier, drawing, hiddenDrawing, part } = await taggedPart();
    const values = editForm(part, {
      [propertyInputName(partTag.id)]: partTag.option.Toulouse!,
      [propertyInputName(supplier.id)]: "Acme",
      [propertyInputName(drawing.id)]: hiddenDrawing.id,
    });
    const asked = dataOf(await saveObjectEdit(db, editor, values));
    if (asked.status !== "confirm") throw new Error("expected the warning");
    expect(asked.impact.levels.find((entry) => entry.level === "modify")).toEqual({ level: "modify", gained: 1, lost: 2 });
    expect(asked.impact.you).toEqual({ before: "modify", after: "view" });
    expect(dataOf(await getObject(db, editor, { id: part.id })).version).toBe(part.version);

    // Another count than the one confirmed is asked again.
    expect(dataOf(await saveObjectEdit(db, editor, { ...values, confirmedAccessChange: "something else" })).status).toBe("confirm");
    const saved = dataOf(await saveObjectEdit(db, editor, { ...values, confirmedAccessChange: asked.token }));
    if (saved.status !== "saved") throw new Error("expected a save");
    // Only the changed value was sent on: the hidden drawing and the supplier are kept as they were.
    expect(saved.saved.properties).toEqual({ [partTag.id]: partTag.option.Toulouse!, [supplier.id]: "Acme", [drawing.id]: [hiddenDrawing.id] });
    const [entry] = await accessChangeEntries(db, part.id);
    expect(entry!.after).toMatchObject({ gained: { modify: 1 }, lost: { modify: 2 }, cause: { kind: "properties", propertyIds: [partTag.id] } });
  });

  it("saves an edit that changes nobody's access at once, and refuses a stale one before anything else", async () => {
    const { editor, partTag, supplier, drawing, hiddenDrawing, part } = await taggedPart();
    const values = editForm(part, {
      [propertyInputName(partTag.id)]: partTag.option.Lyon!,
      [propertyInputName(supplier.id)]: "Acme Industries",
      [propertyInputName(drawing.id)]: hiddenDrawing.id,
    }, { title: "Bracket, left" });
    const saved = dataOf(await saveObjectEdit(db, editor, values));
    if (saved.status !== "saved") throw new Error("expected a save");
    expect(saved.saved).toMatchObject({ title: "Bracket, left", version: part.version + 1 });
    expect(await accessChangeEntries(db, part.id)).toEqual([]);

    // The page still shows the old version: refused as stale, even for a change that would need the warning.
    const stale = await saveObjectEdit(db, editor, { ...values, [propertyInputName(partTag.id)]: partTag.option.Toulouse! });
    expect(stale).toEqual({
      ok: false,
      error: { code: "conflict", message: "This object was changed by someone else since you opened it. Reload it to see the changes." },
    });
  });

  it("shows property errors under their field before any warning", async () => {
    const { editor, partTag, part } = await taggedPart();
    expect(await saveObjectEdit(db, editor, editForm(part, { [propertyInputName(partTag.id)]: "no such option" }))).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { [`properties.${partTag.id}`]: "Pick one of this property's options." } },
    });
  });

  it("changes the scope through the warning, and refuses one that would lock the user out beside the sites", async () => {
    const { world, editor, part } = await taggedPart();
    const base = { id: part.id, version: String(part.version) };
    expect(await saveObjectScope(db, editor, { ...base, kind: "sites", [`site:${world.site("Toulouse")}`]: "on" })).toEqual({
      ok: false,
      error: {
        code: "invalid",
        message: "This change would remove your own access to this object.",
        fields: { siteIds: "None of these sites is yours: you would lose your access. Include one of your sites." },
      },
    });
    expect(await saveObjectScope(db, editor, { ...base, kind: "sites" })).toMatchObject({ ok: false, error: { fields: { siteIds: "Pick at least one site." } } });
    const lyonOnly = { ...base, kind: "sites", [`site:${world.site("Lyon")}`]: "on" };
    const asked = dataOf(await saveObjectScope(db, editor, lyonOnly));
    if (asked.status !== "confirm") throw new Error("expected the warning");
    expect(asked.impact.lost).toEqual([expect.objectContaining({ levels: ["view_no_download", "view"], users: 2 })]);
    const saved = dataOf(await saveObjectScope(db, editor, { ...lyonOnly, confirmedAccessChange: asked.token }));
    if (saved.status !== "saved") throw new Error("expected a save");
    expect(saved.saved.scope).toEqual({ kind: "sites", siteIds: [world.site("Lyon")] });
    expect(await accessChangeEntries(db, part.id)).toHaveLength(1);
  });
});

describe("POST /api/v1/objects/{id}/access-impact", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("answers the warning's figures to a Manager's token; strict input; 404 for an object out of sight, 403 for a Viewer", async () => {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true } },
        { name: "Managers modify", level: "modify", users: { roles: ["manager"] } },
      ],
    });
    const owner = await world.actor({ sites: ["Lyon"] });
    await world.addUser({ role: "viewer", sites: ["Toulouse"] });
    const document = await world.createObject(owner, { title: "Spec", scope: { kind: "sites", siteIds: [world.site("Lyon")] } });
    const hidden = await world.createObject(owner, { title: "Private", scope: { kind: "owner" } });
    const tokenFor = async (role: Role) => {
      const account = await world.addUser({ role, sites: ["Lyon"] });
      await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, account.id));
      const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: `Tool ${role}`, serviceUserId: account.id }).returning();
      return (await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" })).token;
    };
    const post = (id: string, body: unknown, token: string) =>
      accessImpactRoute(
        new Request(`http://atelier.test/api/v1/objects/${id}/access-impact`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": "en" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id }) },
      );
    const manager = await tokenFor("manager");

    const answered = await post(document.id, { scope: { kind: "organization" } }, manager);
    expect(answered.status).toBe(200);
    const impact = (await answered.json()) as ObjectAccessImpact;
    expect(impact).toMatchObject({ objectId: document.id, changesAccess: true });
    expect(impact.gained).toEqual([expect.objectContaining({ levels: ["view_no_download", "view"], users: 1 })]);

    const unknownField = await post(document.id, { scope: { kind: "organization" }, version: 1 }, manager);
    expect(unknownField.status).toBe(422);
    expect(JSON.stringify(await unknownField.json())).toContain("version");
    expect((await post(hidden.id, { scope: { kind: "organization" } }, manager)).status).toBe(404);
    expect((await post(document.id, { scope: { kind: "organization" } }, await tokenFor("viewer"))).status).toBe(403);
  });
});
