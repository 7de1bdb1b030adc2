import fc from "fast-check";
import { and, eq, inArray, sql } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf, type Database, type Executor } from "@/db/client";
import {
  accessLevels,
  accessRules,
  objects,
  propertyDefinitions,
  propertyOptions,
  propertyTypes,
  roles,
  sites,
  teams,
  users,
  type AccessLevel,
  type ObjectType,
  type PropertyType,
  type Role,
  type RulePropertyMatch,
  type ScopeKind,
} from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { getAccessRule, listAllAccessRules } from "@/lib/access-rules/access-rule-records";
import { createAccessRule, deleteAccessRule, setAccessRuleEnabled, updateAccessRule } from "@/lib/access-rules/change-access-rules";
import { previewRuleChange, type RulePreview } from "@/lib/access-rules/preview-rule-change";
import type { AccessRuleFieldsInput, AccessRulePatch, RuleChangeInput } from "@/lib/access-rules/rule-schemas";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { Result } from "@/lib/result";
import { choiceProperty, insertWorld, newId, optionId, optionsOf, type World, type WorldProperty, type WorldRule } from "../fixtures/authz-world";
import type { DatabaseHandle } from "../fixtures/database";
import { createEmptyDatabase } from "../fixtures/empty-database";
import { createTestOrganization } from "../fixtures/organizations";
import { dataOf } from "../fixtures/results";
import { actingUserOf } from "../fixtures/users";
import { accessByLevel, expectedImpact, expectPreviewToMatch, type AccessByLevel, type ExpectedLevel } from "./access-rules-impact";

/*
 * The impact preview (previewRuleChange) must equal the brute-force difference of the app's SQL predicate before and
 * after the change, level by level, among the objects the previewing Admin can view — and among all objects when it is
 * called without one (see access-rules-impact.ts for the exact definitions of "users who gain L" and "objects on which
 * someone gains L"). The "after" side is computed by making the change with the very service that saves it, inside a
 * transaction that is rolled back: nothing a check does stays behind.
 */

type Change = Extract<RuleChangeInput, { kind: string }>;

/** Makes the change through the save services, with `db` an open transaction. */
async function saveChange(db: Executor, actor: ActingUser, change: Change): Promise<Result<unknown>> {
  if (change.kind === "create") return createAccessRule(db, actor, change.rule);
  const current = await getAccessRule(db, actor.organizationId, change.id);
  if (!current) throw new Error(`rule ${change.id} not found`);
  switch (change.kind) {
    case "update":
      return updateAccessRule(db, actor, { id: change.id, version: current.version, ...change.rule });
    case "disable":
    case "enable":
      return setAccessRuleEnabled(db, actor, { id: change.id, version: current.version, enabled: change.kind === "enable" });
    case "delete":
      return deleteAccessRule(db, actor, { id: change.id, version: current.version });
  }
}

class Rollback extends Error {}

/** The access after the change, computed inside a transaction that is then rolled back; null when the save refuses. */
async function accessAfter(db: Database, actor: ActingUser, change: Change): Promise<{ saved: Result<unknown>; after: AccessByLevel | null }> {
  let outcome: { saved: Result<unknown>; after: AccessByLevel | null } | null = null;
  try {
    await db.transaction(async (tx) => {
      const saved = await saveChange(tx, actor, change);
      outcome = { saved, after: saved.ok ? await accessByLevel(tx, actor.organizationId) : null };
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback) && !(error instanceof TransactionRollbackError)) throw error;
  }
  if (!outcome) throw new Error("the change was not made");
  return outcome;
}

interface CheckOutcome {
  /** The Admin's preview. */
  preview: RulePreview | null;
  /** What the preview without an Admin must report: every object counts. */
  expected: Map<AccessLevel, ExpectedLevel> | null;
  /** What the Admin's preview must report: only the objects they can view count. */
  expectedForActor: Map<AccessLevel, ExpectedLevel> | null;
}

/**
 * Previews the change as the Admin and without one, makes it (rolled back) and compares both. A change the preview
 * refuses must be refused by the save too, with the same field errors (prefixed `rule.` in the preview).
 */
async function checkChange(db: Database, actor: ActingUser, change: Change): Promise<CheckOutcome> {
  const organizationId = actor.organizationId;
  const before = await accessByLevel(db, organizationId);
  const previewed = await previewRuleChange(db, organizationId, change, { actor });
  const { saved, after } = await accessAfter(db, actor, change);
  if (!previewed.ok) {
    expect(saved.ok, `the preview refused ${JSON.stringify(previewed.error)}, the save did not`).toBe(false);
    if (!saved.ok) {
      expect(previewed.error.code).toBe(saved.error.code);
      const savedFields = Object.fromEntries(Object.entries(saved.error.fields ?? {}).map(([key, value]) => [`rule.${key}`, value]));
      if (change.kind === "create" || change.kind === "update") expect(previewed.error.fields ?? {}).toEqual(savedFields);
    }
    return { preview: null, expected: null, expectedForActor: null };
  }
  if (!saved.ok || !after) throw new Error(`the preview accepted a change the save refuses: ${JSON.stringify(saved)}`);
  const expectedForActor = expectedImpact(before, after, actor.id);
  await expectPreviewToMatch(db, organizationId, previewed.data, expectedForActor);
  const expected = expectedImpact(before, after, null);
  await expectPreviewToMatch(db, organizationId, dataOf(await previewRuleChange(db, organizationId, change)), expected);
  return { preview: previewed.data, expected, expectedForActor };
}

function touched(expected: Map<AccessLevel, ExpectedLevel> | null): boolean {
  return [...(expected?.values() ?? [])].some(({ gained, lost }) => gained.users.size + lost.users.size > 0);
}

/** Whether some object or user counted among all objects is left out among the Admin's. */
function hidesSome(all: Map<AccessLevel, ExpectedLevel> | null, actor: Map<AccessLevel, ExpectedLevel> | null): boolean {
  const size = (expected: Map<AccessLevel, ExpectedLevel> | null) =>
    [...(expected?.values() ?? [])].reduce((sum, { gained, lost }) => sum + gained.objects.size + lost.objects.size + gained.users.size + lost.users.size, 0);
  return size(all) > size(actor);
}

// ——— The seeded demo organisation. ———

describe("rule impact preview on the demo organisation", () => {
  let deployment: DatabaseHandle;
  let db: Database;
  let organizationId: string;
  let actor: ActingUser;
  const ids = {
    site: {} as Record<string, string>,
    team: {} as Record<string, string>,
    user: {} as Record<string, string>,
    property: {} as Record<string, string>,
    option: {} as Record<string, string>,
    rule: {} as Record<string, string>,
  };

  beforeAll(async () => {
    deployment = await createEmptyDatabase();
    await deployment.migrate();
    db = deployment.db;
    const seeded = await seedDemo(db, { password: "demo-password-for-tests", now: new Date() });
    organizationId = seeded.organizationId!;
    for (const row of await db.select().from(sites).where(eq(sites.organizationId, organizationId))) ids.site[row.name] = row.id;
    for (const row of await db.select().from(teams).where(eq(teams.organizationId, organizationId))) ids.team[row.name] = row.id;
    for (const row of await db.select().from(users).where(eq(users.organizationId, organizationId))) ids.user[row.email] = row.id;
    for (const row of await db.select().from(propertyDefinitions).where(eq(propertyDefinitions.organizationId, organizationId))) {
      ids.property[`${row.appliesTo}.${row.name}`] = row.id;
    }
    const options = await db
      .select({ id: propertyOptions.id, label: propertyOptions.label, appliesTo: propertyDefinitions.appliesTo, property: propertyDefinitions.name })
      .from(propertyOptions)
      .innerJoin(propertyDefinitions, eq(propertyDefinitions.id, propertyOptions.propertyId))
      .where(eq(propertyOptions.organizationId, organizationId));
    for (const row of options) ids.option[`${row.appliesTo}.${row.property}.${row.label}`] = row.id;
    for (const rule of await listAllAccessRules(db, organizationId)) ids.rule[rule.name] = rule.id;

    // Some trashed objects and a deactivated user, so the preview must leave them out like the predicate does.
    const someObjects = await db.select({ id: objects.id }).from(objects).where(eq(objects.organizationId, organizationId)).limit(400);
    await db
      .update(objects)
      .set({ trashedAt: new Date() })
      .where(inArray(objects.id, someObjects.filter((_row, index) => index % 17 === 3).map((row) => row.id)));
    await db.update(users).set({ active: false, deactivatedAt: new Date() }).where(eq(users.id, ids.user["hugo.lefevre@demo.test"]!));
    actor = await currentActor();
  });

  afterAll(async () => {
    await deployment?.close();
  });

  async function currentActor(): Promise<ActingUser> {
    const [admin] = await db.select().from(users).where(eq(users.id, ids.user["admin@demo.test"]!));
    return actingUserOf(db, admin!);
  }

  const noUser = { all: false, siteIds: [], roles: [], teamIds: [], userIds: [], properties: [] };
  const option = (key: string) => {
    const id = ids.option[key];
    if (!id) throw new Error(`no option ${key}`);
    return id;
  };
  const property = (key: string) => {
    const id = ids.property[key];
    if (!id) throw new Error(`no property ${key}`);
    return id;
  };
  const rule = (name: string) => {
    const id = ids.rule[name];
    if (!id) throw new Error(`no rule ${name}`);
    return id;
  };

  async function check(change: Change): Promise<RulePreview> {
    const { preview, expected } = await checkChange(db, actor, change);
    if (!preview) throw new Error(`the change was refused: ${JSON.stringify(change)}`);
    expect(touched(expected), `the change ${JSON.stringify(change)} should alter someone's access`).toBe(true);
    return preview;
  }

  it("creating rules: by site with an object property, by user-property = object-property match, by team, by named users, by role", async () => {
    await check({
      kind: "create",
      rule: {
        name: "Lyon — Full access — documents tagged Lyon",
        level: "full",
        users: { ...noUser, siteIds: [ids.site.Lyon!] },
        objects: { types: ["document"], properties: [{ propertyId: property("document.Site tag"), in: [option("document.Site tag.Lyon")] }] },
      },
    });
    const match = await check({
      kind: "create",
      rule: {
        name: "Everyone — Modify — documents of their department",
        level: "modify",
        users: { ...noUser, all: true },
        objects: { types: ["document"], properties: [] },
        match: [{ userPropertyId: property("user.Department"), objectPropertyId: property("document.Department") }],
      },
    });
    expect(match.change).toMatchObject({ kind: "create", ruleId: null, altersAccess: true });
    await check({
      kind: "create",
      rule: { name: "Quality team — Full — workflows", level: "full", users: { ...noUser, teamIds: [ids.team.Quality!] }, objects: { types: ["workflow"], properties: [] } },
    });
    await check({
      kind: "create",
      rule: { name: "Two people — Modify — everything", level: "modify", users: { ...noUser, userIds: [ids.user["viewer@demo.test"]!, ids.user["samuel.cote@demo.test"]!] } },
    });
    await check({
      kind: "create",
      rule: {
        name: "Viewers — Full — products they lead quality for",
        level: "full",
        users: { ...noUser, roles: ["viewer", "shared_computer"], properties: [{ propertyId: property("user.Site tag"), in: [option("user.Site tag.Toulouse"), option("user.Site tag.Lyon")] }] },
        objects: { types: ["product", "workflow"], properties: [] },
      },
    });
  });

  it("editing, disabling, enabling and deleting the demo rules", async () => {
    const toulouse = rule("Toulouse edits Toulouse documents");
    await check({ kind: "update", id: toulouse, rule: { level: "full" } });
    await check({
      kind: "update",
      id: toulouse,
      rule: {
        users: { ...noUser, properties: [{ propertyId: property("user.Site tag"), in: [option("user.Site tag.Lyon")] }] },
        objects: {
          types: ["document"],
          properties: [
            { propertyId: property("document.Site tag"), in: [option("document.Site tag.Lyon"), option("document.Site tag.Montréal")] },
            { propertyId: property("document.Document kind"), in: [option("document.Document kind.Drawing")] },
          ],
        },
      },
    });
    await check({ kind: "disable", id: rule("Everyone — View — all objects") });
    await check({ kind: "delete", id: rule("Admins — Full access — all objects") });
    const managers = rule("Managers — Modify — parts, products, projects, manufacturing orders, workflows");
    await check({ kind: "update", id: managers, rule: { objects: { types: ["document", "part"], properties: [] }, level: "full" } });

    // Enabling needs a disabled rule: disable it for real, preview its return, then put it back.
    const current = (await getAccessRule(db, organizationId, managers))!;
    dataOf(await setAccessRuleEnabled(db, actor, { id: managers, version: current.version, enabled: false }));
    actor = await currentActor();
    try {
      const enabling = await check({ kind: "enable", id: managers });
      expect(enabling.change).toMatchObject({ kind: "enable", ruleId: managers, altersAccess: true });
      const idle = dataOf(await previewRuleChange(db, organizationId, { kind: "disable", id: managers }, { actor }));
      expect(idle.change.altersAccess).toBe(false);
      expect(idle.levels.every(({ gained, lost }) => gained.users + gained.objects + lost.users + lost.objects === 0)).toBe(true);
    } finally {
      const disabled = (await getAccessRule(db, organizationId, managers))!;
      dataOf(await setAccessRuleEnabled(db, actor, { id: managers, version: disabled.version, enabled: true }));
      actor = await currentActor();
    }
  });
  it("a multi-valued property with more named values than one integer of the tuple's mask holds", async () => {
    // The preview codes a multi-valued property as one bit per named value, 31 to an integer: 40 options named by a
    // rule span two integers, and documents hold values on both sides of the 31st.
    const [definition] = await db
      .insert(propertyDefinitions)
      .values({ organizationId, name: "Programs", appliesTo: "document", type: "multi_choice" })
      .returning({ id: propertyDefinitions.id });
    const options = await db
      .insert(propertyOptions)
      .values(Array.from({ length: 40 }, (_unused, position) => ({ organizationId, propertyId: definition!.id, label: `Program ${position}`, position })))
      .returning({ id: propertyOptions.id, position: propertyOptions.position });
    const byPosition = options.sort((a, b) => a.position - b.position).map((row) => row.id);
    const documents = await db
      .select({ id: objects.id })
      .from(objects)
      .where(and(eq(objects.organizationId, organizationId), eq(objects.type, "document")))
      .orderBy(objects.reference);
    const held = [[0], [30], [31], [39], [2, 35], [38, 39], [1, 2, 3], []];
    for (const [index, document] of documents.entries()) {
      const programs = held[index % held.length]!.map((position) => byPosition[position]!);
      await db
        .update(objects)
        .set({ properties: sql`${objects.properties} || ${JSON.stringify({ [definition!.id]: programs })}::jsonb` })
        .where(eq(objects.id, document.id));
    }
    const programs = (positions: number[]) => [{ propertyId: definition!.id, in: positions.map((position) => byPosition[position]!) }];
    await check({
      kind: "create",
      rule: {
        name: "Viewers — Full — documents of most programs",
        level: "full",
        users: { ...noUser, roles: ["viewer"] },
        objects: { types: ["document"], properties: programs(Array.from({ length: 38 }, (_unused, position) => position + 2)) },
      },
    });
    await check({
      kind: "create",
      rule: {
        name: "Everyone — Modify — documents of the last programs",
        level: "modify",
        users: { ...noUser, all: true },
        objects: { types: ["document"], properties: programs([0, 31, 32, 33, 34, 35, 36, 37, 38, 39]) },
      },
    });
  });

  it("map ids far apart, as when organisations share the database: the preview looks them up by a join, same figures", async () => {
    // One site-scoped document gets properties no other object has: its new map comes a million ids after the
    // others, too sparse for the array lookup of reached-objects.ts.
    await db.execute(sql`select setval(pg_get_serial_sequence('property_maps', 'id'), (select max(id) from property_maps) + 1000000)`);
    const [document] = await db
      .select({ id: objects.id, properties: objects.properties })
      .from(objects)
      .where(and(eq(objects.organizationId, organizationId), eq(objects.type, "document"), eq(objects.scopeKind, "sites")))
      .orderBy(objects.reference)
      .limit(1);
    await db.update(objects).set({ properties: { ...document!.properties, [newId()]: "far" } }).where(eq(objects.id, document!.id));
    const [span] = rowsOf<{ span: number }>(
      await db.execute(sql`
        select max(property_map_id) - min(property_map_id) as span from objects where organization_id = ${organizationId} and type = 'document'`),
    );
    expect(Number(span!.span)).toBeGreaterThan(1_000_000);
    await check({
      kind: "create",
      rule: { name: "Lyon — Full — documents", level: "full", users: { ...noUser, siteIds: [ids.site.Lyon!] }, objects: { types: ["document"], properties: [] } },
    });
  });
});

// ——— Objects the previewing Admin cannot view (issue 14, finding 3). ———

describe("rule impact preview of an Admin who cannot view every object", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("counts only the objects the Admin can view: probing a hidden object's property value answers the same for every value", async () => {
    const organizationId = (await createTestOrganization(db, "Hidden from the Admin")).id;
    const programme = choiceProperty("Programme", "part", "Alpha", "Bravo", "Charlie");
    const [adminId, managerId, hiddenPartId, sharedPartId] = [newId(), newId(), newId(), newId()];
    await insertWorld(db, organizationId, {
      properties: [programme],
      users: [
        { id: adminId, role: "admin", name: "Ada Admin" },
        { id: managerId, role: "manager", name: "Max Manager" },
      ],
      rules: [{ name: "Everyone — View — all objects", level: "view", users: { all: true } }],
      objects: [
        // The manager's Private part: the Admin is outside its scope, so for them it does not exist (GET answers 404).
        { id: hiddenPartId, type: "part", ownerId: managerId, scopeKind: "owner", properties: { [programme.id]: optionId(programme, "Bravo") } },
        { id: sharedPartId, type: "part", ownerId: managerId, scopeKind: "organization", properties: { [programme.id]: optionId(programme, "Charlie") } },
      ],
    });
    const [adminRow] = await db.select().from(users).where(eq(users.id, adminId));
    const admin = await actingUserOf(db, adminRow!);
    const visibleToAdmin = (await accessByLevel(db, organizationId)).get("view_no_download")!.get(adminId)!;
    expect(visibleToAdmin.has(hiddenPartId)).toBe(false);
    expect(visibleToAdmin.has(sharedPartId)).toBe(true);

    const managerFullOn = (label: string): Change => ({
      kind: "create",
      rule: {
        name: `Max — Full access — ${label} parts`,
        level: "full",
        users: { all: false, siteIds: [], roles: [], teamIds: [], userIds: [managerId], properties: [] },
        objects: { types: ["part"], properties: [{ propertyId: programme.id, in: [optionId(programme, label)] }] },
      },
    });
    const figures = (preview: RulePreview) => preview.levels.map(({ level, gained, lost }) => ({ level, gained, lost }));
    const previewAs = async (label: string) => dataOf(await previewRuleChange(db, organizationId, managerFullOn(label), { actor: admin }));

    const bravo = await previewAs("Bravo");
    const alpha = await previewAs("Alpha");
    expect(figures(bravo)).toEqual(figures(alpha));
    expect(bravo.levels.every(({ gained, lost }) => gained.users + gained.objects + lost.users + lost.objects === 0)).toBe(true);

    // The same draft on a part the Admin can view is reported, and without a viewer the hidden part counts.
    const charlie = await previewAs("Charlie");
    expect(charlie.levels.find((entry) => entry.level === "full")!.gained).toMatchObject({ users: 1, objects: 1, sampleObjects: [{ id: sharedPartId }] });
    const unrestricted = dataOf(await previewRuleChange(db, organizationId, managerFullOn("Bravo")));
    expect(unrestricted.levels.find((entry) => entry.level === "full")!.gained).toMatchObject({ users: 1, objects: 1 });

    for (const label of ["Alpha", "Bravo", "Charlie"]) await checkChange(db, admin, managerFullOn(label));
  });
});

// ——— What roles cap (a Viewer granted Modify still only views). ———

describe("rule impact preview of levels a role cannot use", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("“Everyone — Full access”: each level gained by the same users on the same objects; Viewers and shared computers stop at View", async () => {
    const organizationId = (await createTestOrganization(db, "Roles cap levels")).id;
    const [adminId, managerId, viewerId, kioskId] = [newId(), newId(), newId(), newId()];
    await insertWorld(db, organizationId, {
      users: [
        { id: adminId, role: "admin", name: "Ada Admin" },
        { id: managerId, role: "manager", name: "Max Manager" },
        { id: viewerId, role: "viewer", name: "Vera Viewer" },
        { id: kioskId, role: "shared_computer", name: "Workshop kiosk" },
      ],
      rules: [{ name: "Admins — Full access — all objects", level: "full", users: { roles: ["admin"] } }],
      objects: [{ id: newId(), type: "part", ownerId: managerId, scopeKind: "organization" }],
    });
    const [adminRow] = await db.select().from(users).where(eq(users.id, adminId));
    const admin = await actingUserOf(db, adminRow!);
    const { preview } = await checkChange(db, admin, {
      kind: "create",
      rule: { name: "Everyone — Full access — all objects", level: "full", users: { all: true, siteIds: [], roles: [], teamIds: [], userIds: [], properties: [] } },
    });

    const gained = new Map(preview!.levels.map(({ level, gained: figures }) => [level, figures]));
    const gainers = [
      { id: managerId, name: "Max Manager", role: "manager" },
      { id: viewerId, name: "Vera Viewer", role: "viewer" },
      { id: kioskId, name: "Workshop kiosk", role: "shared_computer" },
    ];
    for (const level of accessLevels) expect(gained.get(level)).toMatchObject({ users: 3, objects: 1, sampleUsers: gainers });
    expect(gained.get("view_no_download")!.roleLimits).toEqual([]);
    expect(gained.get("view")!.roleLimits).toEqual([]);
    expect(gained.get("modify")!.roleLimits).toEqual([{ level: "view", users: 2 }]);
    expect(gained.get("full")!.roleLimits).toEqual([{ level: "view", users: 2 }]);
  });
});

// ——— Random organisations. ———

const seed = 20_260_601;
const numRuns = 150;
/** Few types, so rules and objects meet often. */
const worldTypes = ["document", "part", "product"] as const satisfies readonly ObjectType[];

interface AbstractCondition {
  /** Index into propertyTypes: the property of that type (on the condition's side). */
  property: number;
  values: number[];
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
  /** Indexes into propertyTypes: the user and object properties of that type are matched. */
  match: number[];
}

interface AbstractUser {
  name: number;
  role: Role;
  active: boolean;
  sites: number[];
  teams: number[];
  values: (number | undefined)[];
}

interface AbstractObject {
  type: ObjectType;
  owner: number;
  scopeKind: ScopeKind;
  sites: number[];
  values: (number | undefined)[];
  trashed: boolean;
}

const patchFields = ["name", "level", "enabled", "users", "objects", "match"] as const;
type PatchField = (typeof patchFields)[number];

type AbstractChange =
  | { kind: "create"; rule: AbstractRule }
  | { kind: "update"; target: number; rule: AbstractRule; fields: PatchField[] }
  | { kind: "disable" | "enable" | "delete"; target: number };

interface AbstractWorld {
  siteCount: number;
  firstSiteArchived: boolean;
  teamCount: number;
  objectPropertyTargets: ObjectType[];
  users: AbstractUser[];
  rules: AbstractRule[];
  objects: AbstractObject[];
  change: AbstractChange;
  /** The object side of a rule for Admins (never the one changed): the previewing Admin sees some objects, not all. */
  adminRule: AbstractRule | null;
}

const often = <T>(likely: T, unlikely: T, weight = 5) =>
  fc.oneof({ weight, arbitrary: fc.constant(likely) }, { weight: 1, arbitrary: fc.constant(unlikely) });
const sparse = <T>(arbitrary: fc.Arbitrary<T[]>) => fc.oneof({ weight: 3, arbitrary: fc.constant<T[]>([]) }, { weight: 2, arbitrary });
const poolIndex = fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.nat(5) });
const valuesArb = fc.array(fc.option(poolIndex, { nil: undefined, freq: 3 }), { minLength: propertyTypes.length, maxLength: propertyTypes.length });
const propertyIndex = fc.nat(propertyTypes.length - 1);
const conditionArb: fc.Arbitrary<AbstractCondition> = fc.record({ property: propertyIndex, values: fc.array(poolIndex, { minLength: 1, maxLength: 2 }) });

const ruleArb: fc.Arbitrary<AbstractRule> = fc.record({
  level: fc.constantFrom(...accessLevels),
  enabled: often(true, false),
  all: often(false, true, 2),
  sites: sparse(fc.subarray([0, 1, 2, 3, 4], { minLength: 1, maxLength: 2 })),
  roles: sparse(fc.subarray([...roles], { minLength: 1, maxLength: 2 })),
  teams: sparse(fc.subarray([0, 1], { minLength: 1 })),
  users: sparse(fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1, maxLength: 2 })),
  userConditions: sparse(fc.array(conditionArb, { minLength: 1, maxLength: 2 })),
  types: sparse(fc.subarray([...worldTypes], { minLength: 1, maxLength: 2 })),
  objectConditions: sparse(fc.array(conditionArb, { minLength: 1, maxLength: 2 })),
  match: sparse(fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1, maxLength: 2 })),
});

const changeArb: fc.Arbitrary<AbstractChange> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("create" as const), rule: ruleArb }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("update" as const), target: fc.nat(7), rule: ruleArb, fields: fc.subarray([...patchFields], { minLength: 1 }) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom("disable" as const, "enable" as const, "delete" as const), target: fc.nat(7) }) },
);

const worldArb: fc.Arbitrary<AbstractWorld> = fc.record({
  siteCount: fc.integer({ min: 0, max: 5 }),
  firstSiteArchived: often(false, true, 4),
  teamCount: fc.integer({ min: 0, max: 2 }),
  objectPropertyTargets: fc.array(fc.constantFrom(...worldTypes), { minLength: propertyTypes.length, maxLength: propertyTypes.length }),
  users: fc.array(
    fc.record({
      name: fc.nat(4),
      role: fc.constantFrom(...roles),
      active: often(true, false, 4),
      sites: fc.subarray([0, 1, 2, 3, 4], { maxLength: 2 }),
      teams: fc.subarray([0, 1]),
      values: valuesArb,
    }),
    { minLength: 1, maxLength: 8 },
  ),
  rules: fc.array(ruleArb, { maxLength: 6 }),
  objects: fc.array(
    fc.record({
      type: fc.constantFrom(...worldTypes),
      owner: fc.nat(5),
      scopeKind: fc.oneof(
        { weight: 2, arbitrary: fc.constant<ScopeKind>("organization") },
        { weight: 3, arbitrary: fc.constant<ScopeKind>("sites") },
        { weight: 1, arbitrary: fc.constant<ScopeKind>("owner") },
      ),
      sites: fc.subarray([0, 1, 2, 3, 4], { minLength: 1, maxLength: 3 }),
      values: valuesArb,
      trashed: often(false, true, 8),
    }),
    { minLength: 1, maxLength: 24 },
  ),
  change: changeArb,
  adminRule: fc.option(ruleArb, { nil: null, freq: 3 }),
});

interface Materialized {
  world: World;
  /** The Admin making the change (the first user, made an active Admin). */
  actorId: string;
  change: Change;
}

const userNames = ["Anne", "Bruno", "anne", "Chloé", "Bruno"];

function materialize(abstract: AbstractWorld): Materialized {
  const siteList = Array.from({ length: abstract.siteCount }, (_, index) => ({
    id: newId(),
    name: `Site ${index}`,
    archived: index === 0 && abstract.firstSiteArchived,
  }));
  const teamList = Array.from({ length: abstract.teamCount }, (_, index) => ({ id: newId(), name: `Team ${index}` }));
  const userIds = abstract.users.map(() => newId());
  const property = (appliesTo: WorldProperty["appliesTo"], type: PropertyType, labels: string[]): WorldProperty => ({
    id: newId(),
    name: `${appliesTo} ${type}`,
    appliesTo,
    type,
    ...(type === "single_choice" || type === "multi_choice" ? { options: optionsOf(...labels) } : {}),
    ...(type === "relation" ? { targetType: "user" as const } : {}),
  });
  // Choice matches compare labels: Green ↔ green and Blue ↔ Blue meet, Red and Grey never do.
  const userProperties = propertyTypes.map((type) => property("user", type, ["Red", "Green", "Blue"]));
  const objectProperties = propertyTypes.map((type, index) => property(abstract.objectPropertyTargets[index]!, type, ["green", "Blue", "Grey"]));

  const pick = <T>(pool: readonly T[], index: number): T => pool[index % pool.length]!;
  const options = (property: WorldProperty) => (property.options ?? []).map((option) => option.id);
  const storedPool = (property: WorldProperty): unknown[] => {
    const [o0, o1, o2] = options(property) as [string, string, string];
    const u = (index: number) => userIds[index % userIds.length]!;
    switch (property.type) {
      case "text":
        return ["alpha", "Alpha", "beta", "gamma"];
      case "number":
        return [0, 1, 2.5, 7, "1"];
      case "date":
        return ["2024-05-01", "2024-12-31", "1999-01-01"];
      case "boolean":
        return [true, false];
      case "single_choice":
        return [o0, o1, o2, [o0]];
      case "multi_choice":
        return [[o0], [o1, o2], [o0, o2], [], o0];
      case "relation":
        return [[u(0)], [u(1), u(2)], [], [u(0), u(1)]];
    }
  };
  const rulePool = (property: WorldProperty): unknown[] => {
    switch (property.type) {
      case "text":
        return ["alpha", "beta", "Alpha"];
      case "number":
        return [0, 1, 2.5];
      case "date":
        return ["2024-05-01", "2024-12-31"];
      case "boolean":
        return [true, false];
      case "single_choice":
      case "multi_choice":
        return options(property);
      case "relation":
        return userIds.slice(0, 3);
    }
  };
  const valuesOf = (values: (number | undefined)[], properties: WorldProperty[]) => {
    const stored: Record<string, unknown> = {};
    values.forEach((value, index) => {
      if (value !== undefined) stored[properties[index]!.id] = pick(storedPool(properties[index]!), value);
    });
    return stored;
  };

  const worldUsers = abstract.users.map((user, index) => ({
    id: userIds[index]!,
    name: pick(userNames, user.name),
    role: index === 0 ? ("admin" as const) : user.role,
    active: index === 0 ? true : user.active,
    siteIds: user.sites.filter((site) => site < siteList.length).map((site) => siteList[site]!.id),
    teamIds: user.teams.filter((team) => team < teamList.length).map((team) => teamList[team]!.id),
    properties: valuesOf(user.values, userProperties),
  }));

  const condition = (properties: WorldProperty[], abstractCondition: AbstractCondition) => {
    const chosen = properties[abstractCondition.property]!;
    const pool = rulePool(chosen);
    return { propertyId: chosen.id, in: [...new Set(abstractCondition.values.map((value) => pick(pool, value)))] };
  };
  /** The rule's fields, consistent: every object property it names applies to one of its types (when it has some). */
  const concreteRule = (rule: AbstractRule, name: string) => {
    const objectConditions = rule.objectConditions.map((item) => condition(objectProperties, item));
    const match: RulePropertyMatch[] = rule.match.map((index) => ({ userPropertyId: userProperties[index]!.id, objectPropertyId: objectProperties[index]!.id }));
    const types = rule.types.length === 0 ? [] : [...new Set([...rule.types, ...rule.objectConditions.map((item) => abstract.objectPropertyTargets[item.property]!), ...rule.match.map((index) => abstract.objectPropertyTargets[index]!)])];
    const lists = {
      siteIds: rule.sites.filter((site) => site < siteList.length).map((site) => siteList[site]!.id),
      roles: rule.roles,
      teamIds: rule.teams.filter((team) => team < teamList.length).map((team) => teamList[team]!.id),
      userIds: [...new Set(rule.users.map((user) => userIds[user % userIds.length]!))],
      properties: rule.userConditions.map((item) => condition(userProperties, item)),
    };
    const stated = lists.siteIds.length + lists.roles.length + lists.teamIds.length + lists.userIds.length + lists.properties.length > 0;
    const users = rule.all || !stated ? { all: true, siteIds: [], roles: [], teamIds: [], userIds: [], properties: [] } : { all: false, ...lists };
    return { name, level: rule.level, enabled: rule.enabled, users, objects: { types, properties: objectConditions }, match };
  };

  const worldRules: WorldRule[] = abstract.rules.map((rule, index) => ({ id: newId(), ...concreteRule(rule, `Rule ${index}`) }));
  const adminRules: WorldRule[] = abstract.adminRule
    ? [{ id: newId(), ...concreteRule({ ...abstract.adminRule, enabled: true, all: false, sites: [], roles: ["admin"], teams: [], users: [], userConditions: [] }, "Admins") }]
    : [];
  const worldObjects = abstract.objects.map((object) => {
    const scopeSites = object.sites.filter((site) => site < siteList.length).map((site) => siteList[site]!.id);
    // A scope by sites always names at least one site (the scope service refuses none).
    const scopeKind: ScopeKind = object.scopeKind === "sites" && scopeSites.length === 0 ? "owner" : object.scopeKind;
    return {
      id: newId(),
      type: object.type,
      ownerId: userIds[object.owner % userIds.length]!,
      scopeKind,
      scopeSiteIds: scopeKind === "sites" ? scopeSites : [],
      properties: valuesOf(object.values, objectProperties),
      trashed: object.trashed,
    };
  });

  let change: Change;
  // Enabling a rule needs a disabled one, and the other changes mostly an enabled one: look for one from `index` on.
  const target = (index: number, enabled = true) => {
    for (let step = 0; step < worldRules.length; step++) {
      const rule = worldRules[(index + step) % worldRules.length]!;
      if ((rule.enabled ?? true) === enabled) return rule;
    }
    return worldRules[index % worldRules.length]!;
  };
  const abstractChange = worldRules.length === 0 && abstract.change.kind !== "create" ? { kind: "create" as const, rule: abstract.rules[0] ?? ruleArbFallback } : abstract.change;
  if (abstractChange.kind === "create") {
    change = { kind: "create", rule: concreteRule(abstractChange.rule, "The new rule") as AccessRuleFieldsInput };
  } else if (abstractChange.kind === "update") {
    const current = target(abstractChange.target);
    const fields = concreteRule(abstractChange.rule, "Renamed rule");
    const patch: AccessRulePatch = {};
    for (const field of abstractChange.fields) Object.assign(patch, { [field]: fields[field] });
    // Keep the merged rule's types consistent with the properties it names, as an editor would.
    const mergedObjects = patch.objects ?? current.objects!;
    const mergedMatch = patch.match ?? current.match ?? [];
    const types = mergedObjects.types ?? [];
    if (types.length > 0) {
      const targets = [
        ...(mergedObjects.properties ?? []).map((item) => objectProperties.find((candidate) => candidate.id === item.propertyId)!.appliesTo as ObjectType),
        ...mergedMatch.map((item) => objectProperties.find((candidate) => candidate.id === item.objectPropertyId)!.appliesTo as ObjectType),
      ];
      const missing = targets.filter((type) => !types.includes(type));
      if (missing.length > 0) patch.objects = { types: [...new Set([...types, ...missing])], properties: mergedObjects.properties ?? [] };
    }
    change = { kind: "update", id: current.id!, rule: patch };
  } else {
    change = { kind: abstractChange.kind, id: target(abstractChange.target, abstractChange.kind !== "enable").id! };
  }

  return {
    world: { sites: siteList, teams: teamList, properties: [...userProperties, ...objectProperties], users: worldUsers, rules: [...worldRules, ...adminRules], objects: worldObjects },
    actorId: userIds[0]!,
    change,
  };
}

const ruleArbFallback: AbstractRule = {
  level: "view",
  enabled: true,
  all: true,
  sites: [],
  roles: [],
  teams: [],
  users: [],
  userConditions: [],
  types: [],
  objectConditions: [],
  match: [],
};

describe("rule impact preview on random organisations", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("equals the difference of the SQL predicate before and after, for every kind of change", async () => {
    const tally = { runs: 0, refused: 0, touched: 0, touchedForActor: 0, hiddenFromActor: 0, byKind: {} as Record<string, number> };
    await fc.assert(
      fc.asyncProperty(worldArb, async (abstract) => {
        const organizationId = (await createTestOrganization(db, "Rule impact")).id;
        const { world, actorId, change } = materialize(abstract);
        await insertWorld(db, organizationId, world);
        const [admin] = await db.select().from(users).where(and(eq(users.id, actorId), eq(users.organizationId, organizationId)));
        const actor = await actingUserOf(db, admin!);
        const { preview, expected, expectedForActor } = await checkChange(db, actor, change);
        tally.runs++;
        if (!preview) tally.refused++;
        if (touched(expected)) tally.touched++;
        if (touched(expectedForActor)) tally.touchedForActor++;
        if (touched(expectedForActor) && hidesSome(expected, expectedForActor)) tally.hiddenFromActor++;
        tally.byKind[change.kind] = (tally.byKind[change.kind] ?? 0) + 1;
        // The rules themselves are untouched by a preview.
        expect((await db.select({ id: accessRules.id }).from(accessRules).where(eq(accessRules.organizationId, organizationId))).length).toBe(world.rules!.length);
      }),
      { seed, numRuns },
    );
    console.info(`rule impact preview: ${JSON.stringify(tally)}`);
    // The generator must produce changes that are valid and alter access, or the agreement is vacuous.
    expect(tally.refused).toBeLessThan(tally.runs / 4);
    expect(tally.touched).toBeGreaterThan(tally.runs / 3);
    // And the Admin's view must both show changes and hide some of them.
    expect(tally.touchedForActor).toBeGreaterThan(tally.runs / 8);
    expect(tally.hiddenFromActor).toBeGreaterThan(tally.runs / 20);
  });
});
