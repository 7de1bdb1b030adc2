import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { accessRules, auditLog, organizations, users } from "@/db/schema";
import { getAccessRule, listAccessRules as listAccessRulesService, listAllAccessRules } from "@/lib/access-rules/access-rule-records";
import * as changes from "@/lib/access-rules/change-access-rules";
import type { CreateAccessRuleInput } from "@/lib/access-rules/change-access-rules";
import { previewRuleChange as previewRuleChangeService } from "@/lib/access-rules/preview-rule-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { deleteProperty } from "@/lib/properties/delete-property";
import { deleteTeam } from "@/lib/teams/delete-team";
import { choiceProperty, insertWorld, newId, optionId, ruleObjects, ruleUsers, type WorldProperty } from "../fixtures/authz-world";
import { createTestOrganization } from "../fixtures/organizations";
import { dataOf, inEnglish } from "../fixtures/results";
import { actingUserOf } from "../fixtures/users";

// Every answer as an English-speaking Admin reads it.
const createAccessRule = async (...args: Parameters<typeof changes.createAccessRule>) => inEnglish(await changes.createAccessRule(...args));
const updateAccessRule = async (...args: Parameters<typeof changes.updateAccessRule>) => inEnglish(await changes.updateAccessRule(...args));
const setAccessRuleEnabled = async (...args: Parameters<typeof changes.setAccessRuleEnabled>) => inEnglish(await changes.setAccessRuleEnabled(...args));
const deleteAccessRule = async (...args: Parameters<typeof changes.deleteAccessRule>) => inEnglish(await changes.deleteAccessRule(...args));
const listAccessRules = async (...args: Parameters<typeof listAccessRulesService>) => inEnglish(await listAccessRulesService(...args));
const previewRuleChange = async (...args: Parameters<typeof previewRuleChangeService>) => inEnglish(await previewRuleChangeService(...args));

const invalid = (fields: Record<string, string>) => ({ ok: false, error: { code: "invalid", message: "Some fields need attention.", fields } });
const nameTaken = "Another access rule already has this name (names ignore case).";
const archivedSites = "Archived sites cannot be picked for rules: remove them.";
const deactivatedUsers = "Deactivated users never match rules: remove them.";

describe("admin: access rules", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /**
   * An organisation of its own: an Admin (the actor), a Manager, a deactivated Viewer; sites Lyon, Toulouse and an
   * archived one; a team; user and document properties (Department as choices on both sides, a number on users, a
   * relation from documents to parts); a part nobody but its owner can see.
   */
  async function organization() {
    const organizationId = (await createTestOrganization(db, "Access rules")).id;
    const site = { lyon: newId(), toulouse: newId(), closed: newId() };
    const team = newId();
    const userDepartment = choiceProperty("Department", "user", "Engineering", "Quality");
    const documentDepartment = choiceProperty("Department", "document", "engineering", "Quality", "Sales");
    const seniority: WorldProperty = { id: newId(), name: "Seniority", appliesTo: "user", type: "number" };
    const partRef: WorldProperty = { id: newId(), name: "Main part", appliesTo: "document", type: "relation", targetType: "part" };
    const people = { admin: newId(), manager: newId(), gone: newId() };
    const hiddenPart = newId();
    await insertWorld(db, organizationId, {
      sites: [
        { id: site.lyon, name: "Lyon" },
        { id: site.toulouse, name: "Toulouse" },
        { id: site.closed, name: "Closed plant", archived: true },
      ],
      teams: [{ id: team, name: "Quality circle" }],
      properties: [userDepartment, documentDepartment, seniority, partRef],
      users: [
        { id: people.admin, role: "admin", name: "Ada Admin", siteIds: [site.lyon] },
        { id: people.manager, role: "manager", name: "Marc Manager", siteIds: [site.toulouse] },
        { id: people.gone, role: "viewer", name: "Gone Away", active: false },
      ],
      rules: [{ name: "Everyone — View — documents", level: "view", users: { all: true }, objects: { types: ["document"] } }],
      objects: [{ id: hiddenPart, type: "part", ownerId: people.manager, scopeKind: "owner" }],
    });
    const actorOf = async (id: string) => {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return actingUserOf(db, row!);
    };
    const admin = await actorOf(people.admin);
    return { organizationId, site, team, userDepartment, documentDepartment, seniority, partRef, people, hiddenPart, admin, actorOf };
  }
  type Organization = Awaited<ReturnType<typeof organization>>;

  async function authzVersion(organizationId: string): Promise<number> {
    const [row] = await db.select({ version: organizations.authzVersion }).from(organizations).where(eq(organizations.id, organizationId));
    return row!.version;
  }

  async function audited(organizationId: string) {
    return db
      .select({ actorId: auditLog.actorId, action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId)))
      .orderBy(auditLog.id);
  }

  function qualityRule(org: Organization): CreateAccessRuleInput {
    return {
      name: "  Quality edits quality documents ",
      level: "modify",
      users: {
        siteIds: [org.site.lyon, org.site.lyon],
        roles: ["manager", "admin"],
        teamIds: [org.team],
        userIds: [org.people.manager],
        properties: [{ propertyId: org.userDepartment.id, in: [optionId(org.userDepartment, "Quality")] }],
      },
      objects: { types: ["document"], properties: [{ propertyId: org.documentDepartment.id, in: [optionId(org.documentDepartment, "Quality")] }] },
      match: [{ userPropertyId: org.userDepartment.id, objectPropertyId: org.documentDepartment.id }],
    };
  }

  it("creates a rule at the end of the list, in canonical form, audited, bumping the authorization version", async () => {
    const org = await organization();
    const before = await authzVersion(org.organizationId);
    const rule = dataOf(await createAccessRule(db, org.admin, qualityRule(org), { clientAddress: "2001:db8::1" }));
    expect(rule).toMatchObject({
      name: "Quality edits quality documents",
      level: "modify",
      enabled: true,
      users: {
        all: false,
        siteIds: [org.site.lyon],
        roles: ["manager", "admin"],
        teamIds: [org.team],
        userIds: [org.people.manager],
        properties: [{ propertyId: org.userDepartment.id, in: [optionId(org.userDepartment, "Quality")] }],
      },
      objects: { types: ["document"], properties: [{ propertyId: org.documentDepartment.id, in: [optionId(org.documentDepartment, "Quality")] }] },
      match: [{ userPropertyId: org.userDepartment.id, objectPropertyId: org.documentDepartment.id }],
      position: 1,
      version: 1,
    });
    expect(await getAccessRule(db, org.organizationId, rule.id)).toEqual(rule);
    expect(await authzVersion(org.organizationId)).toBe(before + 1);
    const { createdAt: _createdAt, updatedAt: _updatedAt, ...snapshot } = rule;
    expect(await audited(org.organizationId)).toEqual([
      { actorId: org.admin.id, action: "access_rules.create", targetType: "access_rule", targetId: rule.id, before: null, after: snapshot },
    ]);

    // A disabled rule and one for every user; "all" with no other condition.
    const everyone = dataOf(
      await createAccessRule(db, org.admin, { name: "Everyone — Full — parts", level: "full", enabled: false, users: { all: true }, objects: { types: ["part"] } }),
    );
    expect(everyone).toMatchObject({ enabled: false, position: 2, users: { all: true, siteIds: [], roles: [], teamIds: [], userIds: [], properties: [] }, match: [] });
    expect((await listAllAccessRules(db, org.organizationId)).map((entry) => entry.name)).toEqual([
      "Everyone — View — documents",
      "Quality edits quality documents",
      "Everyone — Full — parts",
    ]);
  });

  it("edits a rule: the fields sent replace the current ones; audited before and after; stale versions are refused", async () => {
    const org = await organization();
    const rule = dataOf(await createAccessRule(db, org.admin, qualityRule(org)));
    const versionBefore = await authzVersion(org.organizationId);

    const edited = dataOf(
      await updateAccessRule(db, org.admin, { id: rule.id, version: rule.version, level: "full", users: { roles: ["manager"] }, position: 7 }),
    );
    expect(edited).toMatchObject({
      name: rule.name,
      level: "full",
      users: { all: false, siteIds: [], roles: ["manager"], teamIds: [], userIds: [], properties: [] },
      objects: rule.objects,
      match: rule.match,
      position: 7,
      version: 2,
    });
    expect(await authzVersion(org.organizationId)).toBe(versionBefore + 1);
    const entries = await audited(org.organizationId);
    expect(entries.at(-1)).toMatchObject({
      action: "access_rules.update",
      actorId: org.admin.id,
      targetId: rule.id,
      before: { level: "modify", version: 1, position: rule.position, users: rule.users },
      after: { level: "full", version: 2, position: 7, users: edited.users },
    });

    const stale = await updateAccessRule(db, org.admin, { id: rule.id, version: rule.version, name: "Too late" });
    expect(stale).toEqual({ ok: false, error: { code: "conflict", message: "This rule was changed by someone else since you opened it. Reload it to see the changes." } });
    expect((await getAccessRule(db, org.organizationId, rule.id))!.name).toBe(rule.name);

    // Sending what is already there changes nothing: no write, no audit entry, no version bump.
    const entriesBefore = (await audited(org.organizationId)).length;
    const same = dataOf(await updateAccessRule(db, org.admin, { id: rule.id, version: 2, level: "full", name: ` ${rule.name} ` }));
    expect(same).toEqual(edited);
    expect((await audited(org.organizationId)).length).toBe(entriesBefore);
    expect(await authzVersion(org.organizationId)).toBe(versionBefore + 1);

    expect(await updateAccessRule(db, org.admin, { id: rule.id, version: 2 })).toEqual(invalid({ form: "Change at least one field of the rule." }));
    expect(await updateAccessRule(db, org.admin, { id: newId(), version: 1, level: "view" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("disables and enables a rule, audited as such", async () => {
    const org = await organization();
    const rule = dataOf(await createAccessRule(db, org.admin, qualityRule(org)));
    const versionBefore = await authzVersion(org.organizationId);
    const disabled = dataOf(await setAccessRuleEnabled(db, org.admin, { id: rule.id, version: rule.version, enabled: false }));
    expect(disabled).toMatchObject({ enabled: false, version: 2 });
    const enabled = dataOf(await setAccessRuleEnabled(db, org.admin, { id: rule.id, version: 2, enabled: true }));
    expect(enabled).toMatchObject({ enabled: true, version: 3 });
    expect(await authzVersion(org.organizationId)).toBe(versionBefore + 2);
    const entries = (await audited(org.organizationId)).slice(-2);
    expect(entries.map(({ action, before, after }) => [action, (before as { enabled: boolean }).enabled, (after as { enabled: boolean }).enabled])).toEqual([
      ["access_rules.disable", true, false],
      ["access_rules.enable", false, true],
    ]);
    expect(await setAccessRuleEnabled(db, org.admin, { id: rule.id, version: 3 } as never)).toEqual(invalid({ enabled: "Send true or false." }));
    expect(await setAccessRuleEnabled(db, org.admin, { id: rule.id, version: 2, enabled: false })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("deletes a rule: the audit entry keeps it whole; a stale confirmation and unknown or foreign ids are refused", async () => {
    const org = await organization();
    const other = await organization();
    const rule = dataOf(await createAccessRule(db, org.admin, qualityRule(org)));
    const edited = dataOf(await updateAccessRule(db, org.admin, { id: rule.id, version: 1, level: "view" }));
    expect(await deleteAccessRule(db, org.admin, { id: rule.id, version: 1 })).toMatchObject({ ok: false, error: { code: "conflict" } });
    for (const id of [newId(), "not-a-uuid"]) {
      const refused = await deleteAccessRule(db, org.admin, { id });
      expect(refused.ok).toBe(false);
    }
    // Another organisation's Admin cannot see, edit or delete it.
    expect(await deleteAccessRule(db, other.admin, { id: rule.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await updateAccessRule(db, other.admin, { id: rule.id, version: 2, level: "full" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await getAccessRule(db, other.organizationId, rule.id)).toBeNull();

    const versionBefore = await authzVersion(org.organizationId);
    expect(dataOf(await deleteAccessRule(db, org.admin, { id: rule.id, version: 2 }))).toEqual({ id: rule.id, deleted: true });
    expect(await getAccessRule(db, org.organizationId, rule.id)).toBeNull();
    expect(await authzVersion(org.organizationId)).toBe(versionBefore + 1);
    const { createdAt: _createdAt, updatedAt: _updatedAt, ...snapshot } = edited;
    expect((await audited(org.organizationId)).at(-1)).toEqual({
      actorId: org.admin.id,
      action: "access_rules.delete",
      targetType: "access_rule",
      targetId: rule.id,
      before: snapshot,
      after: null,
    });
    expect(await deleteAccessRule(db, org.admin, { id: rule.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("refuses bad input field by field, saving, auditing and bumping nothing", async () => {
    const org = await organization();
    const other = await organization();
    const versionBefore = await authzVersion(org.organizationId);
    const auditBefore = (await audited(org.organizationId)).length;
    const base = { name: "Rule", level: "view" as const, users: { all: true } };
    const cases: [CreateAccessRuleInput, Record<string, string>][] = [
      [{ ...base, users: { all: true, roles: ["viewer"] } }, { "users.all": "“Everyone” cannot be combined with other user conditions: clear them, or pick users matching conditions." }],
      [{ ...base, users: {} }, { users: "Say whom the rule grants: everyone, or at least one condition (sites, roles, teams, users or user properties)." }],
      [{ ...base, users: { siteIds: [newId()] } }, { "users.siteIds": "Pick existing sites of the organisation." }],
      [{ ...base, users: { siteIds: [other.site.lyon] } }, { "users.siteIds": "Pick existing sites of the organisation." }],
      [{ ...base, users: { siteIds: [org.site.closed] } }, { "users.siteIds": archivedSites }],
      [{ ...base, users: { teamIds: [other.team, "nope"] } }, { "users.teamIds": "Pick existing teams of the organisation." }],
      [{ ...base, users: { userIds: [other.people.admin] } }, { "users.userIds": "Pick existing users of the organisation." }],
      [{ ...base, users: { userIds: [org.people.gone] } }, { "users.userIds": deactivatedUsers }],
      [{ ...base, users: { roles: ["owner" as never] } }, { "users.roles.0": "Unknown role." }],
      [{ ...base, users: { properties: [{ propertyId: newId(), in: ["x"] }] } }, { "users.properties.0.propertyId": "Pick a user property." }],
      [{ ...base, users: { properties: [{ propertyId: org.documentDepartment.id, in: [optionId(org.documentDepartment, "Quality")] }] } }, { "users.properties.0.propertyId": "Pick a user property." }],
      [{ ...base, users: { properties: [{ propertyId: other.userDepartment.id, in: [optionId(other.userDepartment, "Quality")] }] } }, { "users.properties.0.propertyId": "Pick a user property." }],
      [{ ...base, users: { properties: [{ propertyId: org.userDepartment.id, in: [optionId(org.documentDepartment, "Quality")] }] } }, { "users.properties.0.in": "Pick options of this property." }],
      [{ ...base, users: { properties: [{ propertyId: org.userDepartment.id, in: [] }] } }, { "users.properties.0.in": "Pick at least one value." }],
      [{ ...base, users: { properties: [{ propertyId: org.seniority.id, in: ["ten"] }] } }, { "users.properties.0.in": "Enter numbers." }],
      [{ ...base, objects: { properties: [{ propertyId: org.userDepartment.id, in: [optionId(org.userDepartment, "Quality")] }] } }, { "objects.properties.0.propertyId": "Pick an object property." }],
      [
        { ...base, objects: { types: ["part"], properties: [{ propertyId: org.documentDepartment.id, in: [optionId(org.documentDepartment, "Quality")] }] } },
        { "objects.properties.0.propertyId": "This property is not one of the rule's object types: pick a property of those types, or add its type." },
      ],
      [{ ...base, objects: { properties: [{ propertyId: org.partRef.id, in: [org.hiddenPart] }] } }, { "objects.properties.0.in": "Pick existing records: some of these do not exist, or you do not have access to them." }],
      [{ ...base, objects: { types: ["spaceship" as never] } }, { "objects.types.0": "Unknown object type." }],
      [{ ...base, match: [{ userPropertyId: org.seniority.id, objectPropertyId: org.documentDepartment.id }] }, { "match.0.objectPropertyId": "These two properties are of different types: a match compares properties of the same type." }],
      [{ ...base, match: [{ userPropertyId: org.documentDepartment.id, objectPropertyId: org.userDepartment.id }] }, { "match.0.userPropertyId": "Pick a user property.", "match.0.objectPropertyId": "Pick an object property." }],
      [{ ...base, match: [{ userPropertyId: other.userDepartment.id, objectPropertyId: other.documentDepartment.id }] }, { "match.0.userPropertyId": "Pick a user property.", "match.0.objectPropertyId": "Pick an object property." }],
      [{ ...base, name: "   " }, { name: "Give the rule a name." }],
      [{ ...base, level: "owner" as never }, { level: "Pick a level: view_no_download, view, modify or full." }],
    ];
    for (const [input, fields] of cases) {
      expect(await createAccessRule(db, org.admin, input), JSON.stringify(input)).toEqual(invalid(fields));
    }
    // The preview validates the draft exactly like the save, with the fields under `rule.`.
    const [input, fields] = cases[4]!;
    expect(await previewRuleChange(db, org.organizationId, { kind: "create", rule: input as never }, { actor: org.admin })).toEqual(
      invalid(Object.fromEntries(Object.entries(fields).map(([key, value]) => [`rule.${key}`, value]))),
    );
    expect(await listAllAccessRules(db, org.organizationId)).toHaveLength(1);
    expect((await audited(org.organizationId)).length).toBe(auditBefore);
    expect(await authzVersion(org.organizationId)).toBe(versionBefore);
  });

  it("keeps an archived site or a deactivated user a rule already names, but refuses adding them", async () => {
    const org = await organization();
    const [rule] = await db
      .insert(accessRules)
      .values({
        organizationId: org.organizationId,
        name: "Old plant",
        level: "view",
        users: ruleUsers({ siteIds: [org.site.closed], userIds: [org.people.gone] }),
        objects: ruleObjects(),
        position: 5,
      })
      .returning();
    const renamed = dataOf(await updateAccessRule(db, org.admin, { id: rule!.id, version: 1, name: "Closed plant" }));
    expect(renamed.users).toMatchObject({ siteIds: [org.site.closed], userIds: [org.people.gone] });
    const fresh = await createAccessRule(db, org.admin, { name: "Copy", level: "view", users: renamed.users });
    expect(fresh.ok || fresh.error.fields).toEqual({
      "users.siteIds": archivedSites,
      "users.userIds": deactivatedUsers,
    });
  });

  it("refuses every change and the preview to anyone but an Admin", async () => {
    const org = await organization();
    const rule = dataOf(await createAccessRule(db, org.admin, qualityRule(org)));
    const manager: ActingUser = await org.actorOf(org.people.manager);
    const forbidden = { ok: false, error: { code: "forbidden", message: "Only Admins manage access rules." } };
    expect(await createAccessRule(db, manager, qualityRule(org))).toEqual(forbidden);
    expect(await updateAccessRule(db, manager, { id: rule.id, version: 1, level: "full" })).toEqual(forbidden);
    expect(await setAccessRuleEnabled(db, manager, { id: rule.id, version: 1, enabled: false })).toEqual(forbidden);
    expect(await deleteAccessRule(db, manager, { id: rule.id })).toEqual(forbidden);
    expect(await previewRuleChange(db, org.organizationId, { kind: "delete", id: rule.id }, { actor: manager })).toEqual(forbidden);
    expect(await getAccessRule(db, org.organizationId, rule.id)).toEqual(rule);
  });

  it("lists rules in order, a page at a time, with an opaque cursor", async () => {
    const org = await organization();
    for (const name of ["B", "C", "D", "E"]) dataOf(await createAccessRule(db, org.admin, { name, level: "view", users: { all: true } }));
    dataOf(await createAccessRule(db, org.admin, { name: "A first", level: "view", users: { all: true }, position: 0 }));
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = dataOf(await listAccessRules(db, org.organizationId, { limit: 2, cursor }));
      expect(page.items.length).toBeLessThanOrEqual(2);
      names.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    // Position 0 twice: creation order breaks the tie.
    expect(names).toEqual(["Everyone — View — documents", "A first", "B", "C", "D", "E"]);
    expect(dataOf(await listAccessRules(db, org.organizationId, {})).items).toHaveLength(6);
    expect(await listAccessRules(db, org.organizationId, { cursor: "garbage" })).toEqual(invalid({ cursor: "This cursor is not valid: start again from the first page." }));
    expect(await listAccessRules(db, org.organizationId, { limit: 0 })).toEqual(invalid({ limit: "Send limit as a whole number from 1 to 200." }));
    expect(await listAccessRules(db, org.organizationId, { limit: "201" })).toEqual(invalid({ limit: "Send limit as a whole number from 1 to 200." }));
  });

  it("refuses a name another rule has, in any case, in the preview as at the save, even when two saves race", async () => {
    const org = await organization();
    const rule = dataOf(await createAccessRule(db, org.admin, qualityRule(org)));
    const taken = { name: "QUALITY EDITS QUALITY DOCUMENTS", level: "view" as const, users: { all: true } };
    expect(await createAccessRule(db, org.admin, taken)).toEqual(invalid({ name: nameTaken }));
    expect(await previewRuleChange(db, org.organizationId, { kind: "create", rule: taken }, { actor: org.admin })).toEqual(invalid({ "rule.name": nameTaken }));
    expect(await updateAccessRule(db, org.admin, { id: rule.id, version: 1, name: "everyone — view — documents" })).toEqual(invalid({ name: nameTaken }));
    // A rule keeps its own name, in another case too.
    expect(dataOf(await updateAccessRule(db, org.admin, { id: rule.id, version: 1, name: "Quality Edits Quality Documents" })).name).toBe("Quality Edits Quality Documents");

    const raced = await Promise.all(["Night shift", "NIGHT SHIFT"].map((name) => createAccessRule(db, org.admin, { name, level: "view", users: { all: true } })));
    expect(raced.filter((result) => result.ok)).toHaveLength(1);
    expect(raced.find((result) => !result.ok)).toEqual(invalid({ name: nameTaken }));
  });

  it("never saves a rule naming a property or a team deleted at the same moment", async () => {
    for (let round = 0; round < 10; round++) {
      const org = await organization();
      const namingProperty = {
        name: "Quality documents",
        level: "view" as const,
        users: { all: true },
        objects: { types: ["document" as const], properties: [{ propertyId: org.documentDepartment.id, in: [optionId(org.documentDepartment, "Quality")] }] },
      };
      const [saved, deleted] = await Promise.all([
        createAccessRule(db, org.admin, namingProperty),
        deleteProperty(db, org.admin, { id: org.documentDepartment.id }),
      ]);
      expect([saved.ok, deleted.ok].filter(Boolean)).toHaveLength(1);

      const [teamRule, teamDeleted] = await Promise.all([
        createAccessRule(db, org.admin, { name: "Circle", level: "view", users: { teamIds: [org.team] } }),
        deleteTeam(db, org.admin, { id: org.team }),
      ]);
      expect([teamRule.ok, teamDeleted.ok].filter(Boolean)).toHaveLength(1);
    }
  });
});
