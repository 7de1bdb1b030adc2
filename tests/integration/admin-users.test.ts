import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import {
  accessRules,
  auditLog,
  objects,
  organizations,
  propertyDefinitions,
  propertyOptions,
  sites,
  usageSessions,
  userSites,
  users,
  type ObjectType,
  type PropertyTarget,
  type PropertyType,
  type PropertyValues,
  type ScopeKind,
} from "@/db/schema";
import { defaultOrganizationRule } from "@/lib/access-rules/default-rules";
import type { ActingUser } from "@/lib/auth/acting-user";
import { verifyPassword } from "@/lib/auth/password";
import { bumpAuthzVersion } from "@/lib/authz/bump-authz-version";
import { allocateReferenceNumbers } from "@/lib/objects/allocate-reference-numbers";
import { formatReference } from "@/lib/objects/object-references";
import { createUser, type CreateUserInput } from "@/lib/users/create-user";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { getUser } from "@/lib/users/get-user";
import { listUsers, listUsersForAdmin } from "@/lib/users/list-users";
import { updateUser, type UpdateUserInput } from "@/lib/users/update-user";
import { listObjectsRelatedToUser, loadUserDetails } from "@/lib/users/user-details";
import { createTestOrganization, uniqueEmail } from "../fixtures/organizations";
import { dataOf, inEnglish } from "../fixtures/results";
import { actingUserOf, createTestUser, type TestUser, type TestUserOptions } from "../fixtures/users";

const strongPassword = "correct horse battery staple 42";

// The refusals as an English-speaking Admin reads them.
const duplicateEmailMessage = "Another account already uses this e-mail address.";
const kindChangeMessage =
  "A shared-computer account cannot become a personal account, or the other way round: create a new account and deactivate this one.";
const serviceKindChangeMessage = "An integration's service account cannot become a shared-computer account.";
const staleUserMessage = "This account was changed by someone else since you opened it. Reload and try again.";
const lastAdminMessage = "This is the organisation's last active Admin: make another user Admin before deactivating or demoting this one.";
const archivedSitesMessage = "Archived sites take no new members: pick sites that are not archived.";

describe("admin users", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  // --- The data each test needs, made exactly -------------------------------------------------------------------

  interface Org {
    id: string;
    admin: TestUser;
    actor: ActingUser;
    site: (name: string, options?: { archived?: boolean }) => Promise<string>;
    user: (options?: TestUserOptions & { siteIds?: string[] }) => Promise<TestUser>;
    property: (type: PropertyType, options?: { appliesTo?: PropertyTarget; labels?: string[]; targetType?: PropertyTarget; name?: string }) => Promise<{ id: string; option: Record<string, string> }>;
  }

  /** An organisation of its own, with the default "Everyone — Full" rule and one active personal Admin, the actor. */
  async function organization(label = "Users admin"): Promise<Org> {
    const id = (await createTestOrganization(db, label)).id;
    await db.insert(accessRules).values({ organizationId: id, ...defaultOrganizationRule });
    const admin = await createTestUser(db, id, { role: "admin", name: "Ada Admin" });
    return {
      id,
      admin,
      actor: await actingUserOf(db, admin),
      async site(name, options = {}) {
        const [row] = await db
          .insert(sites)
          .values({ organizationId: id, name, archivedAt: options.archived ? new Date() : null })
          .returning({ id: sites.id });
        return row!.id;
      },
      async user(options = {}) {
        const user = await createTestUser(db, id, options);
        if (options.siteIds?.length) {
          await db.insert(userSites).values(options.siteIds.map((siteId) => ({ organizationId: id, userId: user.id, siteId })));
          await db.update(users).set({ primarySiteId: options.siteIds[0] }).where(eq(users.id, user.id));
        }
        return (await userRow(user.id))!;
      },
      async property(type, options = {}) {
        const [definition] = await db
          .insert(propertyDefinitions)
          .values({ organizationId: id, appliesTo: options.appliesTo ?? "user", name: options.name ?? `${type} ${randomUUID().slice(0, 8)}`, type, targetType: options.targetType ?? null })
          .returning({ id: propertyDefinitions.id });
        const option: Record<string, string> = {};
        for (const [position, label] of (options.labels ?? []).entries()) {
          const [row] = await db
            .insert(propertyOptions)
            .values({ organizationId: id, propertyId: definition!.id, label, position })
            .returning({ id: propertyOptions.id });
          option[label] = row!.id;
        }
        return { id: definition!.id, option };
      },
    };
  }

  async function userRow(id: string): Promise<TestUser | undefined> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  }

  async function siteIdsOf(userId: string): Promise<string[]> {
    const rows = await db.select({ siteId: userSites.siteId }).from(userSites).where(eq(userSites.userId, userId));
    return rows.map((row) => row.siteId).sort();
  }

  async function authzVersion(organizationId: string): Promise<number> {
    const [row] = await db.select({ v: organizations.authzVersion }).from(organizations).where(eq(organizations.id, organizationId));
    return row!.v;
  }

  async function audited(organizationId: string, action: string) {
    return db
      .select({ actorId: auditLog.actorId, targetId: auditLog.targetId, before: auditLog.before, after: auditLog.after, clientAddress: auditLog.clientAddress })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, action)))
      .orderBy(auditLog.id);
  }

  async function userCount(organizationId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(users).where(eq(users.organizationId, organizationId));
    return row!.n;
  }

  async function insertObject(organizationId: string, type: ObjectType, ownerId: string, scopeKind: ScopeKind, properties: PropertyValues = {}) {
    const number = await allocateReferenceNumbers(db, organizationId, type);
    const [row] = await db
      .insert(objects)
      .values({ organizationId, type, number, reference: formatReference(type, number), title: `${type} ${number}`, ownerId, scopeKind, properties, createdById: ownerId })
      .returning({ id: objects.id });
    return row!.id;
  }

  function newUser(overrides: Partial<CreateUserInput> = {}): CreateUserInput {
    return { email: uniqueEmail("new"), name: "Nora New", role: "viewer", signInMethod: "password", password: strongPassword, siteIds: [], properties: {}, ...overrides };
  }

  /** A refusal leaves the account, its memberships, the authorization version and the audit log as they were. */
  async function expectUnchanged(org: Org, user: TestUser, versionBefore: number, updatesAudited = 0) {
    const row = await userRow(user.id);
    expect(row).toMatchObject({ role: user.role, name: user.name, version: user.version, primarySiteId: user.primarySiteId, properties: user.properties });
    expect(await authzVersion(org.id)).toBe(versionBefore);
    expect(await audited(org.id, "user.updated")).toHaveLength(updatesAudited);
  }

  // --- Creating accounts ----------------------------------------------------------------------------------------

  describe("createUser", () => {
    it("creates a password account: e-mail lower-cased, password hashed, sites with a primary, canonical properties, audited", async () => {
      const org = await organization();
      const lyon = await org.site("Lyon");
      const toulouse = await org.site("Toulouse");
      const department = await org.property("single_choice", { labels: ["Quality", "Production"] });
      const badge = await org.property("number");
      const before = await authzVersion(org.id);
      const email = uniqueEmail("Mixed.Case").replace("mixed", "Mixed");

      const created = dataOf(
        await createUser(
          db,
          org.actor,
          newUser({ email: `  ${email.toUpperCase()} `, siteIds: [toulouse, lyon], properties: { [department.id]: department.option.Quality, [badge.id]: "42" } }),
          { clientAddress: "203.0.113.9" },
        ),
      );

      expect(created).toMatchObject({
        email: email.toLowerCase(),
        name: "Nora New",
        role: "viewer",
        kind: "person",
        signInMethod: "password",
        primarySiteId: toulouse,
        properties: { [department.id]: department.option.Quality, [badge.id]: 42 },
        active: true,
        version: 1,
      });
      expect(created.siteIds.sort()).toEqual([lyon, toulouse].sort());
      expect(created).not.toHaveProperty("passwordHash");
      const row = (await userRow(created.id))!;
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.passwordHash).not.toContain(strongPassword);
      expect(await verifyPassword(row.passwordHash!, strongPassword)).toBe(true);
      expect(await siteIdsOf(created.id)).toEqual([lyon, toulouse].sort());

      expect(await authzVersion(org.id)).toBe(before + 1);
      const [entry, ...more] = await audited(org.id, "user.created");
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ actorId: org.admin.id, targetId: created.id, before: null, clientAddress: "203.0.113.9" });
      expect(entry!.after).toMatchObject({ email: email.toLowerCase(), role: "viewer", kind: "person", primarySiteId: toulouse });
      expect(JSON.stringify(entry)).not.toMatch(/argon2|passwordHash|correct horse/);
    });

    it("gives the shared-computer role the shared kind, and every other role the personal kind", async () => {
      const org = await organization();
      const kiosk = dataOf(await createUser(db, org.actor, newUser({ role: "shared_computer" })));
      expect(kiosk).toMatchObject({ role: "shared_computer", kind: "shared" });
      for (const role of ["viewer", "manager", "admin"] as const) {
        expect(dataOf(await createUser(db, org.actor, newUser({ role })))).toMatchObject({ role, kind: "person" });
      }
    });

    it("creates a single sign-on account without a password, and refuses one given a password", async () => {
      const org = await organization();
      const sso = dataOf(await createUser(db, org.actor, newUser({ signInMethod: "sso", password: undefined })));
      expect(sso.signInMethod).toBe("sso");
      expect((await userRow(sso.id))!.passwordHash).toBeNull();

      expect(inEnglish(await createUser(db, org.actor, newUser({ signInMethod: "sso", password: strongPassword })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { password: expect.stringContaining("single sign-on") } },
      });
    });

    it("refuses an initial password outside the policy, or none, and creates nothing", async () => {
      const org = await organization();
      const before = await authzVersion(org.id);
      const cases: [string | undefined, RegExp][] = [
        [undefined, /initial password/],
        ["", /initial password/],
        ["short one", /at least 12/],
        ["x".repeat(129), /at most 128/],
        ["password1234", /most common/],
      ];
      for (const [password, message] of cases) {
        expect(inEnglish(await createUser(db, org.actor, newUser({ password })))).toMatchObject({
          ok: false,
          error: { code: "invalid", fields: { password: expect.stringMatching(message) } },
        });
      }
      expect(await userCount(org.id)).toBe(1);
      expect(await authzVersion(org.id)).toBe(before);
      expect(await audited(org.id, "user.created")).toEqual([]);
    });

    it("refuses a second account with the same e-mail in any case, here or in another organisation", async () => {
      const org = await organization();
      const other = await organization("Elsewhere");
      const email = uniqueEmail("taken");
      dataOf(await createUser(db, org.actor, newUser({ email })));

      for (const [actor, again] of [
        [org.actor, email.toUpperCase()],
        [org.actor, ` ${email.replace("taken", "TaKeN")}`],
        [other.actor, email],
      ] as const) {
        expect(inEnglish(await createUser(db, actor, newUser({ email: again })))).toEqual({
          ok: false,
          error: { code: "conflict", message: duplicateEmailMessage, fields: { email: duplicateEmailMessage } },
        });
      }
      expect(await userCount(org.id)).toBe(2);
      expect(await userCount(other.id)).toBe(1);
      expect(await audited(org.id, "user.created")).toHaveLength(1);
    });

    it("refuses bad input field by field: e-mail, name, role (service accounts are not made here), sign-in method", async () => {
      const org = await organization();
      const result = await createUser(db, org.actor, { email: "not-an-e-mail", name: " ", role: "owner", signInMethod: "ldap" } as unknown as CreateUserInput);
      expect(result).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { email: expect.any(String), name: expect.any(String), role: expect.any(String), signInMethod: expect.any(String) } },
      });
      expect(await userCount(org.id)).toBe(1);
    });

    it("refuses sites of another organisation, archived sites, unknown ids and a primary site outside the chosen ones", async () => {
      const org = await organization();
      const other = await organization("Elsewhere");
      const lyon = await org.site("Lyon");
      const toulouse = await org.site("Toulouse");
      const archived = await org.site("Old plant", { archived: true });
      const foreign = await other.site("Foreign");
      const before = await authzVersion(org.id);

      for (const siteIds of [[foreign], [lyon, foreign], [randomUUID()], ["not-a-uuid"]]) {
        expect(inEnglish(await createUser(db, org.actor, newUser({ siteIds })))).toMatchObject({
          ok: false,
          error: { code: "invalid", fields: { siteIds: "Pick sites of this organisation." } },
        });
      }
      expect(inEnglish(await createUser(db, org.actor, newUser({ siteIds: [lyon, archived] })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { siteIds: archivedSitesMessage } },
      });
      expect(inEnglish(await createUser(db, org.actor, newUser({ siteIds: [lyon], primarySiteId: toulouse })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { primarySiteId: expect.any(String) } },
      });
      expect(inEnglish(await createUser(db, org.actor, newUser({ siteIds: [], primarySiteId: lyon })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { primarySiteId: expect.any(String) } },
      });
      expect(await userCount(org.id)).toBe(1);
      expect(await authzVersion(org.id)).toBe(before);

      // No site at all is fine: no primary either.
      expect(dataOf(await createUser(db, org.actor, newUser()))).toMatchObject({ siteIds: [], primarySiteId: null });
      expect(dataOf(await createUser(db, org.actor, newUser({ siteIds: [lyon, toulouse], primarySiteId: lyon })))).toMatchObject({ primarySiteId: lyon });
    });

    it("checks property values per type, and relations against the organisation's users", async () => {
      const org = await organization();
      const other = await organization("Elsewhere");
      const choice = await org.property("single_choice", { labels: ["A"] });
      const many = await org.property("multi_choice", { labels: ["X", "Y"] });
      const date = await org.property("date");
      const flag = await org.property("boolean");
      const mentor = await org.property("relation", { targetType: "user" });
      const objectOnly = await org.property("text", { appliesTo: "document" });
      const colleague = await org.user();

      const refused = await createUser(
        db,
        org.actor,
        newUser({
          properties: {
            [choice.id]: randomUUID(),
            [many.id]: [many.option.X, "nope"],
            [date.id]: "2026-02-30",
            [flag.id]: "maybe",
            [mentor.id]: [other.admin.id],
            [objectOnly.id]: "text",
            [randomUUID()]: "?",
          },
        }),
      );
      expect(refused).toMatchObject({ ok: false, error: { code: "invalid" } });
      const fields = !refused.ok ? refused.error.fields! : {};
      for (const id of [choice.id, many.id, date.id, flag.id, mentor.id, objectOnly.id]) expect(fields[`properties.${id}`]).toEqual(expect.any(String));
      expect(await userCount(org.id)).toBe(2);

      const created = dataOf(
        await createUser(
          db,
          org.actor,
          newUser({
            properties: {
              [choice.id]: choice.option.A,
              [many.id]: [many.option.Y, many.option.X, many.option.Y],
              [date.id]: "2026-02-28",
              [flag.id]: "true",
              [mentor.id]: [colleague.id],
            },
          }),
        ),
      );
      expect(created.properties).toEqual({
        [choice.id]: choice.option.A,
        [many.id]: [many.option.Y, many.option.X],
        [date.id]: "2026-02-28",
        [flag.id]: true,
        [mentor.id]: [colleague.id],
      });
    });

    it("refuses a non-Admin, and an Admin demoted or deactivated since their request began", async () => {
      const org = await organization();
      for (const role of ["manager", "viewer", "shared_computer"] as const) {
        const actor = await actingUserOf(db, await org.user({ role }));
        expect(inEnglish(await createUser(db, actor, newUser()))).toMatchObject({ ok: false, error: { code: "forbidden" } });
      }
      const demoted = await org.user({ role: "admin" });
      const demotedActor = await actingUserOf(db, demoted);
      await db.update(users).set({ role: "manager" }).where(eq(users.id, demoted.id));
      expect(inEnglish(await createUser(db, demotedActor, newUser()))).toMatchObject({ ok: false, error: { code: "forbidden" } });
      const gone = await org.user({ role: "admin" });
      const goneActor = await actingUserOf(db, gone);
      await db.update(users).set({ active: false }).where(eq(users.id, gone.id));
      expect(inEnglish(await createUser(db, goneActor, newUser()))).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await audited(org.id, "user.created")).toEqual([]);
    });
  });

  // --- Editing accounts -----------------------------------------------------------------------------------------

  describe("updateUser", () => {
    function edit(user: TestUser, changes: Partial<UpdateUserInput>): UpdateUserInput {
      return { id: user.id, version: user.version, ...changes };
    }

    it("changes name, role, sites, primary site and properties; bumps the row and authorization versions; audits what changed", async () => {
      const org = await organization();
      const lyon = await org.site("Lyon");
      const toulouse = await org.site("Toulouse");
      const montreal = await org.site("Montréal");
      const department = await org.property("single_choice", { labels: ["Quality", "Production"] });
      const nickname = await org.property("text");
      const target = await org.user({ role: "viewer", siteIds: [lyon, toulouse], properties: { [nickname.id]: "Jo" } });
      const before = await authzVersion(org.id);

      const updated = dataOf(
        await updateUser(
          db,
          org.actor,
          edit(target, {
            name: "Jo Renamed",
            role: "manager",
            siteIds: [toulouse, montreal],
            primarySiteId: montreal,
            properties: { [department.id]: department.option.Production, [nickname.id]: "" },
          }),
          { clientAddress: "198.51.100.7" },
        ),
      );
      expect(updated).toMatchObject({ name: "Jo Renamed", role: "manager", kind: "person", primarySiteId: montreal, version: target.version + 1 });
      expect(updated.properties).toEqual({ [department.id]: department.option.Production });
      expect(await siteIdsOf(target.id)).toEqual([toulouse, montreal].sort());
      expect(await authzVersion(org.id)).toBe(before + 1);

      const [entry, ...more] = await audited(org.id, "user.updated");
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        actorId: org.admin.id,
        targetId: target.id,
        clientAddress: "198.51.100.7",
        before: { version: target.version, name: target.name, role: "viewer", siteIds: [lyon, toulouse].sort(), primarySiteId: lyon, properties: { [nickname.id]: "Jo" } },
        after: { version: target.version + 1, name: "Jo Renamed", role: "manager", siteIds: [toulouse, montreal].sort(), primarySiteId: montreal },
      });
      expect(JSON.stringify(entry)).not.toMatch(/passwordHash|argon2/);

      // The user's next request reads the change (nothing is cached past the authorization version).
      const next = await actingUserOf(db, (await userRow(target.id))!);
      expect(next).toMatchObject({ role: "manager", name: "Jo Renamed" });
      expect(next.siteIds.sort()).toEqual([toulouse, montreal].sort());
    });

    it("keeps the primary site while it stays one of the sites, else moves it to the first one", async () => {
      const org = await organization();
      const [a, b, c] = [await org.site("A"), await org.site("B"), await org.site("C")];
      const target = await org.user({ siteIds: [b, a] });
      const kept = dataOf(await updateUser(db, org.actor, edit(target, { siteIds: [a, b, c] })));
      expect(kept.primarySiteId).toBe(b);
      const moved = dataOf(await updateUser(db, org.actor, { id: target.id, version: kept.version, siteIds: [c, a] }));
      expect(moved.primarySiteId).toBe(c);
      const none = dataOf(await updateUser(db, org.actor, { id: target.id, version: moved.version, siteIds: [] }));
      expect(none).toMatchObject({ siteIds: [], primarySiteId: null });
    });

    it("changes nothing, bumps nothing and audits nothing when nothing differs", async () => {
      const org = await organization();
      const lyon = await org.site("Lyon");
      const target = await org.user({ siteIds: [lyon], name: "Same" });
      const before = await authzVersion(org.id);
      const same = dataOf(await updateUser(db, org.actor, edit(target, { name: "Same", role: "viewer", siteIds: [lyon], primarySiteId: lyon, properties: {} })));
      expect(same.version).toBe(target.version);
      expect(await authzVersion(org.id)).toBe(before);
      expect(await audited(org.id, "user.updated")).toEqual([]);
    });

    it("refuses an edit made on a stale version, with nothing changed", async () => {
      const org = await organization();
      const target = await org.user({ name: "Before" });
      dataOf(await updateUser(db, org.actor, edit(target, { name: "First edit" })));
      const afterFirst = (await userRow(target.id))!;
      const version = await authzVersion(org.id);

      expect(inEnglish(await updateUser(db, org.actor, edit(target, { name: "Second edit", role: "manager" })))).toEqual({
        ok: false,
        error: { code: "conflict", message: staleUserMessage },
      });
      expect(await userRow(target.id)).toMatchObject({ name: "First edit", role: "viewer", version: afterFirst.version });
      expect(await authzVersion(org.id)).toBe(version);
      expect(await audited(org.id, "user.updated")).toHaveLength(1);
    });

    it("refuses turning a shared computer into a personal account, and the other way round", async () => {
      const org = await organization();
      const kiosk = await org.user({ role: "shared_computer" });
      const person = await org.user({ role: "manager" });
      const before = await authzVersion(org.id);
      for (const role of ["viewer", "manager", "admin"] as const) {
        expect(inEnglish(await updateUser(db, org.actor, edit(kiosk, { role })))).toEqual({
          ok: false,
          error: { code: "conflict", message: kindChangeMessage, fields: { role: kindChangeMessage } },
        });
      }
      expect(inEnglish(await updateUser(db, org.actor, edit(person, { role: "shared_computer" })))).toEqual({
        ok: false,
        error: { code: "conflict", message: kindChangeMessage, fields: { role: kindChangeMessage } },
      });
      await expectUnchanged(org, kiosk, before);
      await expectUnchanged(org, person, before);
    });

    it("refuses making a service account a shared computer, but lets its other roles change", async () => {
      const org = await organization();
      const service = await org.user({ role: "viewer", kind: "service", password: null });
      expect(inEnglish(await updateUser(db, org.actor, edit(service, { role: "shared_computer" })))).toMatchObject({
        ok: false,
        error: { code: "conflict", message: serviceKindChangeMessage },
      });
      expect(dataOf(await updateUser(db, org.actor, edit(service, { role: "manager" })))).toMatchObject({ role: "manager", kind: "service" });
    });

    it("refuses demoting the last active Admin (service accounts and deactivated Admins do not count)", async () => {
      const org = await organization();
      await org.user({ role: "admin", kind: "service", password: null });
      await org.user({ role: "admin", active: false });
      const other = await org.user({ role: "admin" });
      const otherActor = await actingUserOf(db, other);
      // With two personal Admins, one may demote the other…
      const demoted = dataOf(await updateUser(db, org.actor, edit(other, { role: "manager" })));
      expect(demoted.role).toBe("manager");
      const before = await authzVersion(org.id);

      // …but the last one cannot be demoted, by themselves or by anyone.
      for (const role of ["manager", "viewer"] as const) {
        expect(inEnglish(await updateUser(db, org.actor, edit(org.admin, { role })))).toEqual({
          ok: false,
          error: { code: "conflict", message: lastAdminMessage, fields: { role: lastAdminMessage } },
        });
      }
      // The former Admin's request began while they were one: refused as no longer an Admin.
      expect(inEnglish(await updateUser(db, otherActor, edit(org.admin, { role: "viewer" })))).toMatchObject({ ok: false, error: { code: "forbidden" } });
      await expectUnchanged(org, org.admin, before, 1);
    });

    it("refuses a demotion that a concurrent one would make fatal: one Admin always remains", async () => {
      const pairs = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const org = await organization();
          const second = await org.user({ role: "admin" });
          return { org, second, secondActor: await actingUserOf(db, second) };
        }),
      );
      await Promise.all(
        pairs.map(async ({ org, second, secondActor }) => {
          const results = await Promise.all([
            updateUser(db, org.actor, edit(second, { role: "manager" })),
            updateUser(db, secondActor, edit(org.admin, { role: "manager" })),
          ]);
          expect(results.filter((result) => result.ok)).toHaveLength(1);
          expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(conflict|forbidden)$/) } });
          const admins = await db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.organizationId, org.id), eq(users.role, "admin"), eq(users.active, true)));
          expect(admins).toHaveLength(1);
        }),
      );
    });

    it("refuses demoting both of the other Admins at once from a third: the second demotion sees the first", async () => {
      const org = await organization();
      const [b, c] = [await org.user({ role: "admin" }), await org.user({ role: "admin" })];
      // The actor demotes b and c concurrently, then is left as the last Admin: both go through (a remains).
      const both = await Promise.all([updateUser(db, org.actor, edit(b, { role: "viewer" })), updateUser(db, org.actor, edit(c, { role: "viewer" }))]);
      expect(both.every((result) => result.ok)).toBe(true);
      // Demotion and deactivation are serialised on the same lock: the last Admin stays whatever the mix.
      const d = await org.user({ role: "admin" });
      const dActor = await actingUserOf(db, d);
      const mixed = await Promise.all([
        deactivateUser(db, dActor, { userId: org.admin.id }),
        updateUser(db, org.actor, edit(d, { role: "manager" })),
      ]);
      expect(mixed.filter((result) => result.ok)).toHaveLength(1);
      const admins = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organizationId, org.id), eq(users.role, "admin"), eq(users.active, true)));
      expect(admins).toHaveLength(1);
    });

    it("refuses a new membership of an archived or foreign site and a primary site outside the sites; keeps an archived membership", async () => {
      const org = await organization();
      const other = await organization("Elsewhere");
      const lyon = await org.site("Lyon");
      const oldPlant = await org.site("Old plant");
      const closed = await org.site("Closed", { archived: true });
      const foreign = await other.site("Foreign");
      const target = await org.user({ siteIds: [oldPlant, lyon] });
      await db.update(sites).set({ archivedAt: new Date() }).where(eq(sites.id, oldPlant));
      const before = await authzVersion(org.id);

      expect(inEnglish(await updateUser(db, org.actor, edit(target, { siteIds: [oldPlant, lyon, closed] })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { siteIds: archivedSitesMessage } },
      });
      expect(inEnglish(await updateUser(db, org.actor, edit(target, { siteIds: [lyon, foreign] })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { siteIds: "Pick sites of this organisation." } },
      });
      expect(inEnglish(await updateUser(db, org.actor, edit(target, { primarySiteId: randomUUID() })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { primarySiteId: expect.any(String) } },
      });
      expect(inEnglish(await updateUser(db, org.actor, edit(target, { siteIds: [lyon], primarySiteId: oldPlant })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { primarySiteId: expect.any(String) } },
      });
      await expectUnchanged(org, target, before);
      expect(await siteIdsOf(target.id)).toEqual([oldPlant, lyon].sort());

      // Keeping the archived membership (and it as the primary site) while changing something else is fine.
      const kept = dataOf(await updateUser(db, org.actor, edit(target, { name: "Still on the old plant", siteIds: [oldPlant, lyon] })));
      expect(kept).toMatchObject({ primarySiteId: oldPlant });
      expect(await siteIdsOf(target.id)).toEqual([oldPlant, lyon].sort());
      // Leaving it is fine too; coming back is not.
      const left = dataOf(await updateUser(db, org.actor, { id: target.id, version: kept.version, siteIds: [lyon] }));
      expect(inEnglish(await updateUser(db, org.actor, { id: target.id, version: left.version, siteIds: [lyon, oldPlant] }))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { siteIds: archivedSitesMessage } },
      });
    });

    it("checks property values, and leaves values sent back unchanged unchecked (an object the Admin cannot see)", async () => {
      const org = await organization();
      const level = await org.property("number");
      const product = await org.property("relation", { targetType: "product" });
      const owner = await org.user({ role: "manager" });
      const hidden = await insertObject(org.id, "product", owner.id, "owner");
      const target = await org.user({ properties: { [product.id]: [hidden] } });

      expect(inEnglish(await updateUser(db, org.actor, edit(target, { properties: { [level.id]: "high" } })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { [`properties.${level.id}`]: "Enter a number." } },
      });
      // The Admin cannot see the private product: naming it anew is refused like a missing one…
      const other = await org.user();
      expect(inEnglish(await updateUser(db, org.actor, edit(other, { properties: { [product.id]: [hidden] } })))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { [`properties.${product.id}`]: expect.stringContaining("do not have access") } },
      });
      // …but sending back the value as it is stored does not block the rest of the edit.
      const updated = dataOf(await updateUser(db, org.actor, edit(target, { properties: { [product.id]: [hidden], [level.id]: "3" } })));
      expect(updated.properties).toEqual({ [product.id]: [hidden], [level.id]: 3 });
    });

    it("refuses fields an edit may not touch: e-mail, sign-in method, password", async () => {
      const org = await organization();
      const target = await org.user();
      const result = await updateUser(db, org.actor, { ...edit(target, {}), email: "x@example.test", signInMethod: "sso", password: strongPassword } as UpdateUserInput);
      expect(result).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { email: expect.any(String), signInMethod: expect.any(String), password: expect.any(String) } },
      });
      expect((await userRow(target.id))!.passwordHash).toBe(target.passwordHash);
    });

    it("refuses changing a deactivated account", async () => {
      const org = await organization();
      const target = await org.user();
      dataOf(await deactivateUser(db, org.actor, { userId: target.id }));
      const row = (await userRow(target.id))!;
      expect(inEnglish(await updateUser(db, org.actor, { id: target.id, version: row.version, role: "manager" }))).toMatchObject({ ok: false, error: { code: "conflict" } });
    });

    it("answers not_found for another organisation's user and for ids that are not ids", async () => {
      const org = await organization();
      const other = await organization("Elsewhere");
      const stranger = await other.user();
      for (const id of [stranger.id, randomUUID(), "nope"]) {
        expect(inEnglish(await updateUser(db, org.actor, { id, version: 1, name: "Taken over" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
        expect(inEnglish(await getUser(db, org.actor, { id }))).toMatchObject({ ok: false, error: { code: "not_found" } });
      }
      expect((await userRow(stranger.id))!.name).toBe(stranger.name);
    });

    it("refuses a non-Admin", async () => {
      const org = await organization();
      const target = await org.user();
      for (const role of ["manager", "viewer", "shared_computer"] as const) {
        const actor = await actingUserOf(db, await org.user({ role }));
        expect(inEnglish(await updateUser(db, actor, edit(target, { role: "manager" })))).toMatchObject({ ok: false, error: { code: "forbidden" } });
      }
      expect(await userRow(target.id)).toMatchObject({ role: "viewer", version: target.version });
    });
  });

  // --- Listing and reading --------------------------------------------------------------------------------------

  describe("listUsers", () => {
    it("searches name and e-mail in any case, taking % and _ literally, within the organisation only", async () => {
      const org = await organization();
      const other = await organization("Elsewhere");
      const tag = randomUUID().slice(0, 8);
      await org.user({ name: `Zoé Ferrand ${tag}` });
      await org.user({ name: "Someone", email: `z.ferrand-${tag}@example.test` });
      await org.user({ name: "100% Pure" });
      await org.user({ name: "1000 Pure" });
      await other.user({ name: `Zoé Ferrand ${tag}` });

      const byName = dataOf(await listUsers(db, org.actor, { q: `FERRAND ${tag}` }));
      expect(byName.items.map((item) => item.name)).toEqual([`Zoé Ferrand ${tag}`]);
      const byEither = dataOf(await listUsers(db, org.actor, { q: `ferrand` }));
      expect(byEither.items.map((item) => item.name).sort()).toEqual(["Someone", `Zoé Ferrand ${tag}`]);
      const literal = dataOf(await listUsers(db, org.actor, { q: "100%" }));
      expect(literal.items.map((item) => item.name)).toEqual(["100% Pure"]);
      expect(dataOf(await listUsers(db, org.actor, { q: "_" })).items).toEqual([]);
      const accentless = dataOf(await listUsers(db, org.actor, { q: `zoe ferrand ${tag}` }));
      expect(accentless.items.map((item) => item.name)).toEqual([`Zoé Ferrand ${tag}`]);
      // Any signed-in user of the organisation may list; items carry the API's fields, never a hash.
      const viewer = await actingUserOf(db, await org.user({ role: "shared_computer" }));
      const all = dataOf(await listUsers(db, viewer, {}));
      expect(all.items).toHaveLength(6);
      expect(Object.keys(all.items[0]!)).toEqual(
        expect.arrayContaining(["id", "email", "name", "role", "signInMethod", "siteIds", "properties", "active"]),
      );
      expect(JSON.stringify(all)).not.toMatch(/passwordHash|argon2/);
    });

    it("pages in name order with an opaque cursor, forwards and back, without gaps or repeats", async () => {
      const org = await organization();
      const names = ["bravo", "Alpha", "Émile", "delta", "Charlie", "echo", "Foxtrot", "golf"];
      for (const name of names) await org.user({ name });
      // By name, any case, accents folded: "Émile" among the e's.
      const expected = ["Ada Admin", "Alpha", "bravo", "Charlie", "delta", "echo", "Émile", "Foxtrot", "golf"];

      const seen: string[] = [];
      const cursors: (string | null)[] = [];
      let cursor: string | undefined;
      do {
        const page = dataOf(await listUsers(db, org.actor, { limit: 3, cursor }));
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((item) => item.name));
        cursors.push(page.previousCursor);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expected);
      expect(cursors[0]).toBeNull();

      // Back from the third page: the second one, then the first, which has no page before it.
      const first = dataOf(await listUsers(db, org.actor, { limit: 3 }));
      const second = dataOf(await listUsers(db, org.actor, { limit: 3, cursor: first.nextCursor! }));
      const third = dataOf(await listUsers(db, org.actor, { limit: 3, cursor: second.nextCursor! }));
      const backToSecond = dataOf(await listUsers(db, org.actor, { limit: 3, before: third.previousCursor! }));
      expect(backToSecond.items.map((item) => item.id)).toEqual(second.items.map((item) => item.id));
      const backToFirst = dataOf(await listUsers(db, org.actor, { limit: 3, before: backToSecond.previousCursor! }));
      expect(backToFirst.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
      expect(backToFirst.previousCursor).toBeNull();
      expect(backToFirst.nextCursor).not.toBeNull();

      expect(inEnglish(await listUsers(db, org.actor, { cursor: "garbage" }))).toMatchObject({ ok: false, error: { code: "invalid", fields: { cursor: expect.any(String) } } });
      for (const limit of [0, 201, "many"]) {
        expect(inEnglish(await listUsers(db, org.actor, { limit }))).toMatchObject({ ok: false, error: { code: "invalid", fields: { limit: expect.any(String) } } });
      }
    });

    it("gives the admin table memberships by name, the last activity from usage sessions, and the match count; Admins only", async () => {
      const org = await organization();
      const lyon = await org.site("Lyon");
      const closed = await org.site("Archive", { archived: true });
      const tag = randomUUID().slice(0, 8);
      const target = await org.user({ name: `Active ${tag}`, siteIds: [lyon, closed] });
      const idle = await org.user({ name: `Idle ${tag}` });
      const latest = new Date("2026-03-04T05:06:07.000Z");
      await db.insert(usageSessions).values([
        { organizationId: org.id, userId: target.id, method: "password", startedAt: new Date("2026-03-01T08:00:00Z"), lastActivityAt: new Date("2026-03-01T09:00:00Z") },
        { organizationId: org.id, userId: target.id, method: "password", startedAt: new Date("2026-03-04T05:00:00Z"), lastActivityAt: latest },
        { organizationId: org.id, userId: target.id, method: "sso", startedAt: new Date("2026-03-02T08:00:00Z"), lastActivityAt: new Date("2026-03-02T10:00:00Z") },
      ]);

      const page = dataOf(await listUsersForAdmin(db, org.actor, { q: tag, limit: 25 }));
      expect(page.total).toBe(2);
      const [active, quiet] = page.items;
      expect(active).toMatchObject({ id: target.id, lastActivityAt: latest.toISOString(), primarySiteId: lyon });
      expect(active!.sites).toEqual([
        { id: closed, name: "Archive", archived: true },
        { id: lyon, name: "Lyon", archived: false },
      ]);
      expect(quiet).toMatchObject({ id: idle.id, lastActivityAt: null, sites: [] });

      const manager = await actingUserOf(db, await org.user({ role: "manager" }));
      expect(inEnglish(await listUsersForAdmin(db, manager, {}))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    });
  });

  describe("the user page", () => {
    it("lists objects whose user relations name the user, only among those the viewing Admin may see", async () => {
      const org = await organization();
      const lead = await org.property("relation", { appliesTo: "product", targetType: "user", name: "Quality lead" });
      const reviewer = await org.property("relation", { appliesTo: "document", targetType: "user", name: "Reviewer" });
      const mentor = await org.property("relation", { appliesTo: "user", targetType: "user", name: "Mentor" });
      await bumpAuthzVersion(db, org.id);
      const actor = await actingUserOf(db, org.admin);
      const target = await org.user({ name: "Quinn Quality" });
      const someone = await org.user({ role: "manager" });
      const shown = await insertObject(org.id, "product", someone.id, "organization", { [lead.id]: [target.id] });
      const both = await insertObject(org.id, "document", someone.id, "organization", { [reviewer.id]: [someone.id, target.id] });
      // Private to someone else: not even an Admin sees it.
      await insertObject(org.id, "product", someone.id, "owner", { [lead.id]: [target.id] });
      await insertObject(org.id, "product", someone.id, "organization", { [lead.id]: [someone.id] });
      const trashed = await insertObject(org.id, "product", someone.id, "organization", { [lead.id]: [target.id] });
      await db.update(objects).set({ trashedAt: new Date() }).where(eq(objects.id, trashed));
      await db.update(users).set({ properties: { [mentor.id]: [target.id] } }).where(eq(users.id, someone.id));

      const related = await listObjectsRelatedToUser(db, actor, target.id);
      expect(related.map((object) => object.id).sort()).toEqual([shown, both].sort());
      expect(related.find((object) => object.id === shown)).toMatchObject({ type: "product", via: ["Quality lead"] });
      expect(related.find((object) => object.id === both)).toMatchObject({ type: "document", via: ["Reviewer"] });

      // With the only rule gone, the Admin sees none of them.
      await db.delete(accessRules).where(eq(accessRules.organizationId, org.id));
      await bumpAuthzVersion(db, org.id);
      expect(await listObjectsRelatedToUser(db, await actingUserOf(db, org.admin), target.id)).toEqual([]);
    });

    it("shows teams, sites, handovers and the last activity; nothing for another organisation's user", async () => {
      const org = await organization();
      const other = await organization("Elsewhere");
      const lyon = await org.site("Lyon");
      const target = await org.user({ siteIds: [lyon] });
      await insertObject(org.id, "part", target.id, "owner");
      const details = await loadUserDetails(db, org.actor, target.id);
      expect(details).toMatchObject({
        user: { id: target.id },
        sites: [{ id: lyon, name: "Lyon", archived: false }],
        teams: [],
        lastActivityAt: null,
        handovers: { ownedObjects: 1, ledWorkflows: 0, openTasks: 0 },
      });
      expect(await loadUserDetails(db, org.actor, (await other.user()).id)).toBeNull();
      expect(await loadUserDetails(db, org.actor, "nope")).toBeNull();
    });
  });

  it("bumps the user row's version with every change and audits each one", async () => {
    const org = await organization();
    const target = await org.user();
    const first = dataOf(await updateUser(db, org.actor, { id: target.id, version: target.version, role: "manager" }));
    expect(first.version).toBe(target.version + 1);
    const second = dataOf(await updateUser(db, org.actor, { id: target.id, version: first.version, role: "admin" }));
    expect(second.version).toBe(target.version + 2);
    const [row] = await db.select({ version: users.version }).from(users).where(eq(users.id, target.id));
    expect(row!.version).toBe(second.version);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.targetId, target.id), eq(auditLog.action, "user.updated")))).toEqual([{ n: 2 }]);
  });
});
