import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { objects, type AccessLevel, type ObjectType, type Role } from "@/db/schema";
import { decideAccess, type ObjectAccessFacts } from "@/lib/authz/decide";
import type { EffectiveLevel } from "@/lib/authz/levels";
import { authorizeObject, loadObjectAccessFacts } from "@/lib/authz/object-access";
import { objectActions, type ObjectAction } from "@/lib/authz/object-actions";
import type { UserPlan } from "@/lib/authz/plan";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { loadAccessSubject, planFor, type AccessSubject } from "@/lib/authz/subject";
import { createOrganization } from "@/lib/organizations/create-organization";
import {
  choiceProperty,
  insertWorld,
  newId,
  optionId,
  type World,
  type WorldObject,
  type WorldProperty,
  type WorldRule,
  type WorldUser,
} from "../fixtures/authz-world";
import { createTestOrganization, uniqueEmail } from "../fixtures/organizations";
import { dataOf } from "../fixtures/results";

/*
 * The ORACLE: SPEC §2, §3 and §4 written down as data, independently of lib/authz (which is only imported for its
 * entry points and the action names, and is checked against the SPEC's action list below).
 */

const roles: readonly Role[] = ["shared_computer", "viewer", "manager", "admin"];

/** SPEC §2, literally: ✓ per role, in the order Shared computer, Viewer, Manager, Admin. */
const spec2 = {
  "view objects, download files (subject to scope + rules)": [true, true, true, true],
  "comment in activity feeds": [true, true, true, true],
  "be assigned a workflow task, sign documents": [false, true, true, true],
  "receive notifications": [false, true, true, true],
  "create / edit objects, change sharing, validate revisions": [false, false, true, true],
  "launch and manage workflows, be responsible for a workflow or document": [false, false, true, true],
  "analytics dashboard": [false, false, true, true],
  "admin panel: users, sites, properties, views, access rules, watermarks, integrations": [false, false, false, true],
  "exports and integration logs": [false, false, false, true],
  "edit, cancel or delete any workflow (also others')": [false, false, false, true],
} as const satisfies Record<string, readonly [boolean, boolean, boolean, boolean]>;
type Capability = keyof typeof spec2;

/** SPEC §4's level order, weakest first; "none" below them all. */
const levelOrder: readonly EffectiveLevel[] = ["none", "view_no_download", "view", "modify", "full"];
const rank = (level: EffectiveLevel) => levelOrder.indexOf(level);
const accessLevelList: readonly AccessLevel[] = ["view_no_download", "view", "modify", "full"];

/** SPEC §4's action table, one row per action: required level, "also needs role", and the SPEC §2 row behind it. */
const spec4: Record<ObjectAction, { level: AccessLevel; alsoNeeds: "any" | "Viewer+" | "Manager+"; capability: Capability }> = {
  view: { level: "view_no_download", alsoNeeds: "any", capability: "view objects, download files (subject to scope + rules)" },
  comment: { level: "view_no_download", alsoNeeds: "any", capability: "comment in activity feeds" },
  download: { level: "view", alsoNeeds: "any", capability: "view objects, download files (subject to scope + rules)" },
  edit: { level: "modify", alsoNeeds: "Manager+", capability: "create / edit objects, change sharing, validate revisions" },
  upload_revision: { level: "modify", alsoNeeds: "Manager+", capability: "create / edit objects, change sharing, validate revisions" },
  link: { level: "modify", alsoNeeds: "Manager+", capability: "create / edit objects, change sharing, validate revisions" },
  change_scope: { level: "modify", alsoNeeds: "Manager+", capability: "create / edit objects, change sharing, validate revisions" },
  validate_revision: { level: "full", alsoNeeds: "Manager+", capability: "create / edit objects, change sharing, validate revisions" },
  delete: { level: "full", alsoNeeds: "Manager+", capability: "create / edit objects, change sharing, validate revisions" },
  manage_workflows: { level: "full", alsoNeeds: "Manager+", capability: "launch and manage workflows, be responsible for a workflow or document" },
  be_assigned: { level: "view", alsoNeeds: "Viewer+", capability: "be assigned a workflow task, sign documents" },
  sign: { level: "view", alsoNeeds: "Viewer+", capability: "be assigned a workflow task, sign documents" },
};
const specActions = Object.keys(spec4) as ObjectAction[];

function oracleRoleAllows(role: Role, action: ObjectAction): boolean {
  const { alsoNeeds } = spec4[action];
  if (alsoNeeds === "any") return true;
  if (alsoNeeds === "Viewer+") return role !== "shared_computer";
  return role === "manager" || role === "admin";
}

interface OracleSubject {
  id: string;
  siteIds: readonly string[];
}

/** SPEC §3 (+ §9 trash): the owner is always inside; organisation; sites ∩ the user's sites; trashed objects out. */
function oracleInScope(subject: OracleSubject, object: WorldObject): boolean {
  if (object.trashed) return false;
  if (object.ownerId === subject.id) return true;
  if (object.scopeKind === "organization") return true;
  if (object.scopeKind === "owner") return false;
  return (object.scopeSiteIds ?? []).some((siteId) => subject.siteIds.includes(siteId));
}

/** SPEC §4: an action is allowed iff the role allows it AND the user is in scope AND the best level reaches it. */
function oracleAllows(role: Role, inScope: boolean, ruleLevel: EffectiveLevel, action: ObjectAction): boolean {
  return oracleRoleAllows(role, action) && inScope && rank(ruleLevel) >= rank(spec4[action].level);
}

/*
 * THE WORLD. Sites A, B, C (C archived: its members keep their access, SPEC §9). Subjects: one user of each role
 * on site A, plus Bob (Manager on B), Dana (Viewer on B and C) and Ghost (a deactivated Admin on A).
 * Documents carry a "Grant" choice (none / vnd / view / modify / full) and a "Department"; the rules below give
 * each grade its level through a different way of matching users, over a universal lower rule, so that the best
 * matching rule level per (subject, grade) is the table `documentLevels` (highest wins).
 */

type SubjectKey = "shared" | "viewer" | "manager" | "admin" | "bob" | "dana" | "ghost";
const siteASubjects = ["shared", "viewer", "manager", "admin"] as const satisfies readonly SubjectKey[];
const activeSubjects = [...siteASubjects, "bob", "dana"] as const satisfies readonly SubjectKey[];
const subjectRole: Record<SubjectKey, Role> = {
  shared: "shared_computer",
  viewer: "viewer",
  manager: "manager",
  admin: "admin",
  bob: "manager",
  dana: "viewer",
  ghost: "admin",
};

const grades = ["none", "vnd", "view", "modify", "full", "full_sales"] as const;
type Grade = (typeof grades)[number];

/**
 * The best matching rule level of each subject on each grade of document, by construction of the rules:
 * - vnd: rule 1 (all users) — and rule 1 also matches every higher grade, the lower rule "highest wins" must beat;
 * - view: rule 2 (site A) or rule 3 (site C, archived: Dana); Bob (site B) keeps rule 1's vnd;
 * - modify: rule 4 (roles: shared computer, manager) or rule 5 (team T1: viewer, admin, Dana);
 * - full: rule 6 (users: shared, viewer), rule 7 (user property Clearance = high: manager, admin) or rule 8
 *   (user.Department = document.Department, both Engineering: Dana); Bob (Sales) keeps vnd;
 * - full_sales: a Grant=full document of the Sales department: rules 6 and 7 as above; rule 8 now matches Bob
 *   (Sales) and no longer Dana (Engineering).
 */
const documentLevels: Record<SubjectKey, Record<Grade, EffectiveLevel>> = {
  shared: { none: "none", vnd: "view_no_download", view: "view", modify: "modify", full: "full", full_sales: "full" },
  viewer: { none: "none", vnd: "view_no_download", view: "view", modify: "modify", full: "full", full_sales: "full" },
  manager: { none: "none", vnd: "view_no_download", view: "view", modify: "modify", full: "full", full_sales: "full" },
  admin: { none: "none", vnd: "view_no_download", view: "view", modify: "modify", full: "full", full_sales: "full" },
  bob: { none: "none", vnd: "view_no_download", view: "view_no_download", modify: "modify", full: "view_no_download", full_sales: "full" },
  dana: { none: "none", vnd: "view_no_download", view: "view", modify: "modify", full: "full", full_sales: "view_no_download" },
  // Only active users match a rule (SPEC §9), even a rule naming them.
  ghost: { none: "none", vnd: "none", view: "none", modify: "none", full: "none", full_sales: "none" },
};
/** Parts: rule 15 (view, every role), rule 16 (modify, Managers and Admins), rule 17 (full, site C: Dana). */
const partLevels: Record<SubjectKey, EffectiveLevel> = {
  shared: "view",
  viewer: "view",
  manager: "modify",
  admin: "modify",
  bob: "modify",
  dana: "full",
  ghost: "none",
};
/** Products: only rule 17 (site C: Dana). */
const productLevels: Record<SubjectKey, EffectiveLevel> = {
  shared: "none",
  viewer: "none",
  manager: "none",
  admin: "none",
  bob: "none",
  dana: "full",
  ghost: "none",
};

type ScopeSituation =
  | "owner"
  | "private to another"
  | "own site"
  | "other site"
  | "several sites incl. own"
  | "several sites excl. own"
  | "organization"
  | "trashed";
const scopeSituations: readonly ScopeSituation[] = [
  "owner",
  "private to another",
  "own site",
  "other site",
  "several sites incl. own",
  "several sites excl. own",
  "organization",
];

function situationOf(subject: OracleSubject, object: WorldObject): ScopeSituation {
  if (object.trashed) return "trashed";
  if (object.ownerId === subject.id) return "owner";
  if (object.scopeKind === "organization") return "organization";
  if (object.scopeKind === "owner") return "private to another";
  const scopeSites = object.scopeSiteIds ?? [];
  const own = scopeSites.some((siteId) => subject.siteIds.includes(siteId));
  if (scopeSites.length > 1) return own ? "several sites incl. own" : "several sites excl. own";
  return own ? "own site" : "other site";
}

interface TableObject extends WorldObject {
  label: string;
  /** Documents only. */
  grade?: Grade;
}

interface DecisionWorld {
  world: World;
  users: Record<SubjectKey, WorldUser>;
  objects: TableObject[];
}

function buildDecisionWorld(): DecisionWorld {
  const siteA = { id: newId(), name: "A (Toulouse)" };
  const siteB = { id: newId(), name: "B (Hamburg)" };
  const siteC = { id: newId(), name: "C (Seville)", archived: true };
  const siteName = new Map([siteA, siteB, siteC].map((site) => [site.id, site.name.slice(0, 1)]));
  const teamT1 = { id: newId(), name: "T1" };

  const clearance = choiceProperty("Clearance", "user", "standard", "high");
  const userDepartment = choiceProperty("Department", "user", "Engineering", "Sales");
  const nickname: WorldProperty = { id: newId(), name: "Nickname", appliesTo: "user", type: "text" };
  const grant = choiceProperty("Grant", "document", "none", "vnd", "view", "modify", "full");
  const documentDepartment = choiceProperty("Department", "document", "Engineering", "Sales");

  interface SubjectValues {
    clearance?: string;
    department?: string;
    teams?: string[];
    nickname?: string;
    active?: boolean;
  }
  const user = (key: SubjectKey, siteIds: string[], values: SubjectValues): WorldUser => ({
    id: newId(),
    role: subjectRole[key],
    name: key,
    active: values.active ?? true,
    siteIds,
    teamIds: values.teams ?? [],
    properties: {
      ...(values.clearance ? { [clearance.id]: optionId(clearance, values.clearance) } : {}),
      ...(values.department ? { [userDepartment.id]: optionId(userDepartment, values.department) } : {}),
      ...(values.nickname !== undefined ? { [nickname.id]: values.nickname } : {}),
    },
  });
  const engineeringOptionId = optionId(documentDepartment, "Engineering");
  const users: Record<SubjectKey, WorldUser> = {
    shared: user("shared", [siteA.id], { clearance: "standard", department: "Engineering" }),
    viewer: user("viewer", [siteA.id], { clearance: "standard", department: "Sales", teams: [teamT1.id] }),
    manager: user("manager", [siteA.id], { clearance: "high" }),
    admin: user("admin", [siteA.id], { clearance: "high", department: "Sales", teams: [teamT1.id] }),
    // Bob's nickname is, character for character, the document Department "Engineering" option id: rule 12 compares a
    // text with a choice, which never matches (SPEC §9), whatever the raw values.
    bob: user("bob", [siteB.id], { clearance: "standard", department: "Sales", nickname: engineeringOptionId }),
    dana: user("dana", [siteB.id, siteC.id], { department: "Engineering", teams: [teamT1.id] }),
    ghost: user("ghost", [siteA.id], { clearance: "high", department: "Engineering", teams: [teamT1.id], active: false }),
  };

  const graded = (...labels: string[]) => [{ propertyId: grant.id, in: labels.map((label) => optionId(grant, label)) }];
  const highClearance = [{ propertyId: clearance.id, in: [optionId(clearance, "high")] }];
  const rule = (name: string, level: AccessLevel, users: WorldRule["users"], objects: WorldRule["objects"] = {}): WorldRule => ({
    name,
    level,
    users,
    objects,
  });
  const rules: WorldRule[] = [
    rule("1 Everyone — vnd — graded objects", "view_no_download", { all: true }, { properties: graded("vnd", "view", "modify", "full") }),
    rule("2 Site A — view", "view", { siteIds: [siteA.id] }, { types: ["document"], properties: graded("view") }),
    rule("3 Site C — view", "view", { siteIds: [siteC.id] }, { types: ["document"], properties: graded("view") }),
    rule("4 Shared computers and Managers — modify", "modify", { roles: ["shared_computer", "manager"] }, {
      types: ["document"],
      properties: graded("modify"),
    }),
    rule("5 Team T1 — modify", "modify", { teamIds: [teamT1.id] }, { properties: graded("modify") }),
    rule("6 Named users — full", "full", { userIds: [users.shared.id, users.viewer.id, users.ghost.id] }, { properties: graded("full") }),
    rule("7 High clearance — full", "full", { properties: highClearance }, { properties: graded("full") }),
    {
      ...rule("8 Same department — full", "full", { all: true }, { types: ["document"], properties: graded("full") }),
      match: [{ userPropertyId: userDepartment.id, objectPropertyId: documentDepartment.id }],
    },
    // Rules that must match none of the subjects.
    rule("9 Site B Admins — full — everything", "full", { siteIds: [siteB.id], roles: ["admin"] }),
    { ...rule("10 Disabled — full — everything", "full", { all: true }), enabled: false },
    rule("11 Ghost — full — everything", "full", { userIds: [users.ghost.id] }),
    {
      ...rule("12 Nickname = Department (types differ) — full", "full", { all: true }),
      match: [{ userPropertyId: nickname.id, objectPropertyId: documentDepartment.id }],
    },
    rule("13 High clearance on site C — full — everything", "full", { siteIds: [siteC.id], properties: highClearance }),
    // Invalid (no user condition and all: false, SPEC §9): grants nobody anything.
    rule("14 No user condition — full — everything", "full", {}),
    rule("15 Every role — view — parts", "view", { roles: [...roles] }, { types: ["part"] }),
    rule("16 Managers and Admins — modify — parts", "modify", { roles: ["manager", "admin"] }, { types: ["part"] }),
    rule("17 Site C — full — parts and products", "full", { siteIds: [siteC.id] }, { types: ["part", "product"] }),
  ];

  const ownerName = new Map(Object.entries(users).map(([key, value]) => [value.id, key]));
  const tableObjects: TableObject[] = [];
  const scopeLabel = (object: WorldObject) =>
    object.scopeKind === "sites" ? `sites[${(object.scopeSiteIds ?? []).map((id) => siteName.get(id)).join(",")}]` : object.scopeKind;
  const add = (object: Omit<TableObject, "id" | "label">) => {
    const withId = { ...object, id: newId() };
    const grade = object.grade ? ` grade=${object.grade}` : "";
    const label = `${object.type}${grade} ${scopeLabel(withId)} owner=${ownerName.get(object.ownerId)}${object.trashed ? " (trashed)" : ""}`;
    tableObjects.push({ ...withId, label });
  };
  const document = (grade: Grade, ownerId: string, scopeKind: WorldObject["scopeKind"], scopeSiteIds: string[] = [], trashed = false) =>
    add({
      type: "document",
      grade,
      ownerId,
      scopeKind,
      scopeSiteIds,
      trashed,
      properties: {
        ...(grade === "none" ? {} : { [grant.id]: optionId(grant, grade === "full_sales" ? "full" : grade) }),
        [documentDepartment.id]: optionId(documentDepartment, grade === "full_sales" ? "Sales" : "Engineering"),
      },
    });

  // Owned by each site-A subject: Private, shared with a site the owner is not on, organisation.
  for (const key of siteASubjects) {
    for (const grade of grades) {
      document(grade, users[key].id, "owner");
      document(grade, users[key].id, "sites", [siteC.id]);
      document(grade, users[key].id, "organization");
    }
  }
  // Owned by Bob: every scope situation seen from site A (and from Bob and Dana themselves).
  const otherScopes: [WorldObject["scopeKind"], string[]][] = [
    ["owner", []],
    ["sites", [siteA.id]],
    ["sites", [siteB.id]],
    ["sites", [siteA.id, siteB.id]],
    ["sites", [siteB.id, siteC.id]],
    ["organization", []],
  ];
  for (const grade of grades) for (const [scopeKind, siteIds] of otherScopes) document(grade, users.bob.id, scopeKind, siteIds);
  for (const [scopeKind, scopeSiteIds] of otherScopes) add({ type: "part", ownerId: users.bob.id, scopeKind, scopeSiteIds });
  add({ type: "part", ownerId: users.shared.id, scopeKind: "owner" });
  add({ type: "product", ownerId: users.bob.id, scopeKind: "organization" });
  add({ type: "product", ownerId: users.admin.id, scopeKind: "sites", scopeSiteIds: [siteA.id] });
  // The Ghost's own document: an owner who is deactivated still gets nothing.
  document("full", users.ghost.id, "organization");
  // Trashed: invisible to everyone, the owner included (SPEC §9).
  document("full", users.bob.id, "organization", [], true);
  document("full", users.shared.id, "owner", [], true);
  document("full_sales", users.admin.id, "sites", [siteA.id], true);
  add({ type: "part", ownerId: users.manager.id, scopeKind: "organization", trashed: true });

  return {
    world: {
      sites: [siteA, siteB, siteC],
      teams: [teamT1],
      properties: [clearance, userDepartment, nickname, grant, documentDepartment],
      users: Object.values(users),
      rules,
      objects: tableObjects,
    },
    users,
    objects: tableObjects,
  };
}

function oracleRuleLevel(key: SubjectKey, object: TableObject): EffectiveLevel {
  if (object.type === "document") return documentLevels[key][object.grade!];
  if (object.type === "part") return partLevels[key];
  if (object.type === "product") return productLevels[key];
  return "none";
}

async function visibleIds(db: Database, plan: UserPlan, subject: AccessSubject, minLevel: AccessLevel, type?: ObjectType): Promise<string[]> {
  const filter = visibleObjectsFilter(plan, subject, { organizationId: subject.organizationId, minLevel, type });
  if (filter.never) return [];
  const rows = await db.select({ id: objects.id }).from(objects).where(filter.where);
  return rows.map((row) => row.id).sort();
}

describe("access decisions: the SPEC §2–§4 decision table", () => {
  let db: Database;
  let table: DecisionWorld;
  let organizationId: string;
  const subjects = new Map<SubjectKey, AccessSubject>();
  const plans = new Map<SubjectKey, UserPlan>();
  const facts = new Map<string, ObjectAccessFacts>();
  let otherOrganizationObjectId: string;

  beforeAll(async () => {
    db = await getDb();
    organizationId = (await createTestOrganization(db, "Decision table")).id;
    table = buildDecisionWorld();
    await insertWorld(db, organizationId, table.world);

    // Another organisation, with an organisation-wide part and a Full rule for everyone: it must never show up here.
    const other = await createTestOrganization(db, "Decision table (other)");
    const otherOwner = { id: newId(), role: "admin" as const };
    otherOrganizationObjectId = newId();
    await insertWorld(db, other.id, {
      users: [otherOwner],
      rules: [{ name: "Everyone — full", level: "full", users: { all: true } }],
      objects: [{ id: otherOrganizationObjectId, type: "part", ownerId: otherOwner.id, scopeKind: "organization" }],
    });

    for (const key of Object.keys(table.users) as SubjectKey[]) {
      const subject = await loadAccessSubject(db, organizationId, table.users[key].id);
      if (!subject) throw new Error(`subject ${key} not found`);
      subjects.set(key, subject);
      plans.set(key, await planFor(db, subject));
    }
    for (const object of table.objects) {
      const loaded = await loadObjectAccessFacts(db, organizationId, object.id);
      if (!loaded) throw new Error(`object ${object.label} not found`);
      facts.set(object.id, loaded);
    }
  });

  const subjectOf = (key: SubjectKey) => subjects.get(key)!;
  const planOf = (key: SubjectKey) => plans.get(key)!;
  const oracleSubjectOf = (key: SubjectKey): OracleSubject => ({ id: table.users[key].id, siteIds: table.users[key].siteIds ?? [] });

  it("has the SPEC §4 actions and roles consistent with SPEC §2 (checks the oracle itself)", () => {
    expect([...objectActions].sort()).toEqual([...specActions].sort());
    for (const action of specActions) {
      const row = spec2[spec4[action].capability];
      roles.forEach((role, index) => {
        expect({ action, role, allowed: oracleRoleAllows(role, action) }).toEqual({ action, role, allowed: row[index] });
      });
    }
  });

  it("covers every role × scope situation × best rule level", () => {
    const covered = new Set<string>();
    for (const key of siteASubjects) {
      for (const object of table.objects) {
        covered.add(`${subjectRole[key]} | ${situationOf(oracleSubjectOf(key), object)} | ${oracleRuleLevel(key, object)}`);
      }
    }
    const missing = roles.flatMap((role) =>
      scopeSituations.flatMap((situation) => levelOrder.map((level) => `${role} | ${situation} | ${level}`)).filter((cell) => !covered.has(cell)),
    );
    expect(missing).toEqual([]);
  });

  it("decides every (subject, object, action) as SPEC §2–§4 say", () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const key of Object.keys(table.users) as SubjectKey[]) {
      const subject = subjectOf(key);
      for (const object of table.objects) {
        const decision = decideAccess(planOf(key), subject, facts.get(object.id)!);
        const inScope = oracleInScope(oracleSubjectOf(key), object);
        const ruleLevel = oracleRuleLevel(key, object);
        const level = inScope ? ruleLevel : "none";
        if (decision.level !== level) mismatches.push(`${key} on ${object.label}: level ${decision.level}, SPEC says ${level}`);
        if (decision.scope.ok !== inScope) mismatches.push(`${key} on ${object.label}: scope ${decision.scope.ok}, SPEC says ${inScope}`);
        if (decision.ruleLevel !== ruleLevel) mismatches.push(`${key} on ${object.label}: rule level ${decision.ruleLevel}, SPEC says ${ruleLevel}`);
        for (const action of specActions) {
          checked++;
          const allowed = oracleAllows(subjectRole[key], inScope, ruleLevel, action);
          if (decision.actions[action].allowed !== allowed) {
            const actual = decision.actions[action].allowed;
            mismatches.push(`${key} (${subjectRole[key]}) ${action} on ${object.label}: allowed ${actual}, SPEC says ${allowed}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(7 * table.objects.length * specActions.length);
  });

  it("lists through the SQL predicate exactly the objects SPEC makes visible, at each level, for all types and per type", async () => {
    const mismatches: string[] = [];
    const label = new Map(table.objects.map((object) => [object.id, object.label]));
    for (const key of Object.keys(table.users) as SubjectKey[]) {
      for (const minLevel of accessLevelList) {
        for (const type of [undefined, "document", "part", "product", "workflow"] as const) {
          const expected = table.objects
            .filter((object) => (!type || object.type === type) && oracleInScope(oracleSubjectOf(key), object))
            .filter((object) => rank(oracleRuleLevel(key, object)) >= rank(minLevel))
            .map((object) => object.id)
            .sort();
          const actual = await visibleIds(db, planOf(key), subjectOf(key), minLevel, type);
          for (const id of actual.filter((id) => !expected.includes(id))) {
            mismatches.push(`${key} ≥${minLevel} ${type ?? "all types"}: lists ${label.get(id) ?? `unexpected object ${id}`}`);
          }
          for (const id of expected.filter((id) => !actual.includes(id))) {
            mismatches.push(`${key} ≥${minLevel} ${type ?? "all types"}: misses ${label.get(id)}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("answers authorizeObject with not_found for what a subject cannot view, forbidden for a disallowed action, ok otherwise", async () => {
    const mismatches: string[] = [];
    const notFoundMessages = new Set<string>();
    for (const key of activeSubjects) {
      const subject = subjectOf(key);
      const oracleSubject = oracleSubjectOf(key);
      await Promise.all(
        table.objects.map(async (object, index) => {
          const inScope = oracleInScope(oracleSubject, object);
          const ruleLevel = oracleRuleLevel(key, object);
          const visible = oracleAllows(subjectRole[key], inScope, ruleLevel, "view");
          // "view" on every object, and each other action on a rotating share of them.
          for (const action of new Set<ObjectAction>(["view", specActions[index % specActions.length]!])) {
            const expected = !visible ? "not_found" : oracleAllows(subjectRole[key], inScope, ruleLevel, action) ? "ok" : "forbidden";
            const result = await authorizeObject(db, subject, object.id, action);
            const actual = result.ok ? "ok" : result.error.code;
            if (actual !== expected) mismatches.push(`${key} ${action} on ${object.label}: ${actual}, SPEC says ${expected}`);
            if (!result.ok && result.error.code === "not_found") notFoundMessages.add(result.error.message);
          }
        }),
      );
      for (const [name, id] of [
        ["another organisation's object", otherOrganizationObjectId],
        ["a random uuid", randomUUID()],
        ["a malformed id", "not-an-id"],
      ] as const) {
        for (const action of ["view", "delete"] as const) {
          const result = await authorizeObject(db, subject, id, action);
          const actual = result.ok ? "ok" : result.error.code;
          if (actual !== "not_found") mismatches.push(`${key} ${action} on ${name}: ${actual}, SPEC says not_found`);
          else notFoundMessages.add(result.ok ? "" : result.error.message);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // An existing object one cannot view and an id that names nothing get the same answer: nothing tells it exists.
    expect(notFoundMessages.size).toBe(1);
  });

  it("hides trashed objects from everyone, their owners included", async () => {
    const trashed = table.objects.filter((object) => object.trashed);
    expect(trashed.length).toBeGreaterThan(0);
    for (const key of activeSubjects) {
      const all = await visibleIds(db, planOf(key), subjectOf(key), "view_no_download");
      for (const object of trashed) {
        expect(all).not.toContain(object.id);
        expect(decideAccess(planOf(key), subjectOf(key), facts.get(object.id)!).level).toBe("none");
        const result = await authorizeObject(db, subjectOf(key), object.id, "view");
        expect(result.ok ? "ok" : result.error.code).toBe("not_found");
      }
    }
  });

  it("gives a deactivated user nothing, not even on what they own or what a rule grants them by name", async () => {
    const ghost = subjectOf("ghost");
    expect(ghost.active).toBe(false);
    for (const minLevel of accessLevelList) expect(await visibleIds(db, planOf("ghost"), ghost, minLevel)).toEqual([]);
    for (const object of table.objects) {
      const decision = decideAccess(planOf("ghost"), ghost, facts.get(object.id)!);
      expect(decision.level).toBe("none");
      expect(specActions.filter((action) => decision.actions[action].allowed)).toEqual([]);
    }
    const owned = table.objects.find((object) => object.ownerId === ghost.id && !object.trashed)!;
    const result = await authorizeObject(db, ghost, owned.id, "view");
    expect(result.ok ? "ok" : result.error.code).toBe("not_found");
  });
});

describe("access decisions in a new organisation (default rule)", () => {
  it("gives every user Full on every object in their scope, and leaves role and scope to govern", async () => {
    const db = await getDb();
    const created = dataOf(await createOrganization(db, { name: `Default rule ${randomUUID()}`, adminEmail: uniqueEmail("admin") }));
    const organizationId = created.organization.id;
    const siteA = { id: newId(), name: "A" };
    const siteB = { id: newId(), name: "B" };
    const users: WorldUser[] = [
      { id: newId(), role: "shared_computer", siteIds: [siteA.id] },
      { id: newId(), role: "viewer", siteIds: [siteA.id] },
      { id: newId(), role: "manager", siteIds: [siteA.id, siteB.id] },
      { id: newId(), role: "admin", siteIds: [siteB.id] },
    ];
    const owners = [...users.map((user) => user.id), created.admin.id];
    const scopes: [WorldObject["scopeKind"], string[]][] = [
      ["owner", []],
      ["sites", [siteA.id]],
      ["sites", [siteB.id]],
      ["sites", [siteA.id, siteB.id]],
      ["organization", []],
    ];
    const worldObjects: WorldObject[] = owners.flatMap((ownerId, index) =>
      scopes.map(([scopeKind, scopeSiteIds], scopeIndex) => ({
        id: newId(),
        type: (["document", "part", "product", "project", "manufacturing_order", "workflow"] as const)[(index + scopeIndex) % 6]!,
        ownerId,
        scopeKind,
        scopeSiteIds,
      })),
    );
    worldObjects.push({ id: newId(), type: "document", ownerId: users[0]!.id, scopeKind: "organization", trashed: true });
    await insertWorld(db, organizationId, { sites: [siteA, siteB], users, objects: worldObjects });

    const everyone: OracleSubject[] = [...users.map((user) => ({ id: user.id, siteIds: user.siteIds ?? [] })), { id: created.admin.id, siteIds: [] }];
    const mismatches: string[] = [];
    for (const person of everyone) {
      const subject = (await loadAccessSubject(db, organizationId, person.id))!;
      const plan = await planFor(db, subject);
      const inScope = worldObjects.filter((object) => oracleInScope(person, object)).map((object) => object.id).sort();
      for (const object of worldObjects) {
        const decision = decideAccess(plan, subject, (await loadObjectAccessFacts(db, organizationId, object.id))!);
        const expectedLevel = oracleInScope(person, object) ? "full" : "none";
        const where = `${subject.role} on ${object.type} ${object.scopeKind}${object.trashed ? " (trashed)" : ""}`;
        if (decision.level !== expectedLevel) mismatches.push(`${where}: ${decision.level}, expected ${expectedLevel}`);
        for (const action of specActions) {
          const allowed = oracleAllows(subject.role, oracleInScope(person, object), "full", action);
          if (decision.actions[action].allowed !== allowed) mismatches.push(`${where}, ${action}: ${decision.actions[action].allowed}`);
        }
      }
      for (const minLevel of accessLevelList) {
        const listed = await visibleIds(db, plan, subject, minLevel);
        if (JSON.stringify(listed) !== JSON.stringify(inScope)) {
          mismatches.push(`${subject.role} ≥${minLevel}: lists ${listed.length} objects, ${inScope.length} in scope`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
