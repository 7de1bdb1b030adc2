import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, organizations, sites, userSites, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { createSite } from "@/lib/sites/create-site";
import { getSiteDetails } from "@/lib/sites/get-site";
import { listSites, listSitesPage } from "@/lib/sites/list-sites";
import { addSiteMember, removeSiteMember } from "@/lib/sites/site-members";
import { updateSite } from "@/lib/sites/update-site";
import { createTestOrganization } from "../fixtures/organizations";
import { dataOf, inEnglish } from "../fixtures/results";
import { actingUserOf, createTestUser, type TestUserOptions } from "../fixtures/users";

const archivedSiteTakesNoMembers = "This site is archived: it takes no new members. Unarchive it first.";

/** The field messages of a refusal, in English. */
function fieldsOf(result: Parameters<typeof inEnglish>[0]) {
  const english = inEnglish(result);
  return english.ok || english.error.fields;
}

describe("admin: sites", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** An organisation of its own (time zone Europe/Paris) with one Admin, the usual actor. */
  async function organizationWithAdmin() {
    const organizationId = (await createTestOrganization(db, "Sites")).id;
    await db.update(organizations).set({ timeZone: "Europe/Paris" }).where(eq(organizations.id, organizationId));
    const admin = await createTestUser(db, organizationId, { role: "admin", name: "Ada Admin" });
    const actor = await actingUserOf(db, admin);
    const user = (options: TestUserOptions = {}) => createTestUser(db, organizationId, options);
    return { organizationId, admin, actor, user };
  }

  async function authzVersion(organizationId: string): Promise<number> {
    const [row] = await db.select({ v: organizations.authzVersion }).from(organizations).where(eq(organizations.id, organizationId));
    return row?.v ?? 0;
  }

  async function audited(organizationId: string, action: string) {
    return db
      .select({ actorId: auditLog.actorId, targetId: auditLog.targetId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, action)))
      .orderBy(auditLog.id);
  }

  /** What the user side reads: the user's user_sites rows. */
  async function sitesOfUser(userId: string): Promise<string[]> {
    const rows = await db.select({ siteId: userSites.siteId }).from(userSites).where(eq(userSites.userId, userId));
    return rows.map((row) => row.siteId).sort();
  }

  async function userRow(id: string) {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    if (!row) throw new Error(`no user ${id}`);
    return row;
  }

  describe("create and rename", () => {
    it("creates a site in the organisation's time zone by default, audited, bumping the authorization version", async () => {
      const { organizationId, actor } = await organizationWithAdmin();
      const versionBefore = await authzVersion(organizationId);

      const toulouse = dataOf(await createSite(db, actor, { name: "  Toulouse " }, { clientAddress: "192.0.2.7" }));
      expect(toulouse).toMatchObject({ name: "Toulouse", timeZone: "Europe/Paris", archived: false, version: 1, userIds: [] });
      const montreal = dataOf(await createSite(db, actor, { name: "Montréal", timeZone: "America/Toronto" }));
      expect(montreal.timeZone).toBe("America/Toronto");

      expect(await authzVersion(organizationId)).toBe(versionBefore + 2);
      const entries = await audited(organizationId, "site.created");
      expect(entries).toEqual([
        { actorId: actor.id, targetId: toulouse.id, before: null, after: { name: "Toulouse", timeZone: "Europe/Paris", userIds: [] } },
        { actorId: actor.id, targetId: montreal.id, before: null, after: { name: "Montréal", timeZone: "America/Toronto", userIds: [] } },
      ]);
    });

    it("refuses a duplicate name, ignoring case, with a field error; another organisation may use it", async () => {
      const { organizationId, actor } = await organizationWithAdmin();
      dataOf(await createSite(db, actor, { name: "Lyon" }));
      const versionBefore = await authzVersion(organizationId);

      const duplicate = await createSite(db, actor, { name: "LYON" });
      expect(inEnglish(duplicate)).toEqual({
        ok: false,
        error: { code: "invalid", message: "Some fields need attention.", fields: { name: "Another site already has this name (names ignore case)." } },
      });
      expect(await authzVersion(organizationId)).toBe(versionBefore);
      expect(await db.select().from(sites).where(eq(sites.organizationId, organizationId))).toHaveLength(1);

      const other = await organizationWithAdmin();
      expect((await createSite(db, other.actor, { name: "lyon" })).ok).toBe(true);
    });

    it("refuses an unknown time zone and an empty name", async () => {
      const { actor } = await organizationWithAdmin();
      const result = await createSite(db, actor, { name: " ", timeZone: "Mars/Olympus_Mons" });
      expect(fieldsOf(result)).toEqual({
        name: "Give the site a name.",
        timeZone: "Pick a time zone from the list (an IANA name such as Europe/Paris).",
      });
    });

    it("renames with the version read, refuses another site's name and a stale version, and audits before and after", async () => {
      const { organizationId, actor } = await organizationWithAdmin();
      const lyon = dataOf(await createSite(db, actor, { name: "Lyon" }));
      dataOf(await createSite(db, actor, { name: "Toulouse" }));

      const taken = await updateSite(db, actor, { id: lyon.id, name: "toulouse", version: lyon.version });
      expect(fieldsOf(taken)).toEqual({ name: "Another site already has this name (names ignore case)." });

      // Its own name in another case is no duplicate.
      const recased = dataOf(await updateSite(db, actor, { id: lyon.id, name: "LYON", version: lyon.version }));
      expect(recased).toMatchObject({ name: "LYON", version: lyon.version + 1 });

      const stale = await updateSite(db, actor, { id: lyon.id, name: "Lyon Gerland", version: lyon.version });
      expect(stale.ok || stale.error.code).toBe("conflict");
      expect(dataOf(await getSiteDetails(db, actor, { id: lyon.id })).site.name).toBe("LYON");

      const renamed = dataOf(await updateSite(db, actor, { id: lyon.id, name: "Lyon Gerland", timeZone: "Europe/Paris", version: recased.version }));
      expect(renamed).toMatchObject({ name: "Lyon Gerland", version: 3 });
      const entries = await audited(organizationId, "site.updated");
      expect(entries.at(-1)).toEqual({
        actorId: actor.id,
        targetId: lyon.id,
        before: { name: "LYON", version: 2 },
        after: { name: "Lyon Gerland", version: 3 },
      });
    });

    it("answers not found for another organisation's site and for ids that name nothing", async () => {
      const { actor } = await organizationWithAdmin();
      const other = await organizationWithAdmin();
      const foreign = dataOf(await createSite(db, other.actor, { name: "Elsewhere" }));

      for (const id of [foreign.id, randomUUID(), "not-an-id"]) {
        const updated = await updateSite(db, actor, { id, name: "Mine now" });
        expect(updated.ok || updated.error.code).toBe("not_found");
        const replaced = await updateSite(db, actor, { id, userIds: [actor.id] });
        expect(replaced.ok || replaced.error.code).toBe("not_found");
        const details = await getSiteDetails(db, actor, { id });
        expect(details.ok || details.error.code).toBe("not_found");
        const added = await addSiteMember(db, actor, { siteId: id, userId: actor.id });
        expect(added.ok || added.error.code).toBe("not_found");
      }
      expect(dataOf(await getSiteDetails(db, other.actor, { id: foreign.id })).site.name).toBe("Elsewhere");
    });
  });

  describe("membership", () => {
    it("what the site page writes is what the user side reads: the same user_sites rows, both ways", async () => {
      const { organizationId, actor, user } = await organizationWithAdmin();
      const claire = await user({ name: "Claire Moreau" });
      const hugo = await user({ name: "Hugo Lefèvre" });
      const site = dataOf(await createSite(db, actor, { name: "Toulouse" }));
      const claireVersion = (await userRow(claire.id)).version;

      const afterAdd = dataOf(await addSiteMember(db, actor, { siteId: site.id, userId: claire.id }));
      expect(afterAdd.userIds).toEqual([claire.id]);
      expect(afterAdd.version).toBe(site.version + 1);
      expect(await sitesOfUser(claire.id)).toEqual([site.id]);
      expect((await actingUserOf(db, claire)).siteIds).toEqual([site.id]);
      // The user's row version moves too: a user form opened before cannot put the old site list back.
      expect((await userRow(claire.id)).version).toBe(claireVersion + 1);

      // A membership written from the user side (a row in user_sites) shows on the site page and in the API.
      await db.insert(userSites).values({ organizationId, userId: hugo.id, siteId: site.id });
      const details = dataOf(await getSiteDetails(db, actor, { id: site.id }));
      expect(details.members.map((member) => member.id).sort()).toEqual([claire.id, hugo.id].sort());
      expect(details.candidates.map((candidate) => candidate.id)).toEqual([actor.id]);
      const page = dataOf(await listSitesPage(db, actor, {}));
      expect(page.items.find((item) => item.id === site.id)?.userIds).toEqual([claire.id, hugo.id].sort());

      dataOf(await removeSiteMember(db, actor, { siteId: site.id, userId: claire.id }));
      expect(await sitesOfUser(claire.id)).toEqual([]);
      expect((await actingUserOf(db, claire)).siteIds).toEqual([]);
    });

    it("adds only active users of the organisation who are not members yet", async () => {
      const { actor, user } = await organizationWithAdmin();
      const site = dataOf(await createSite(db, actor, { name: "Lyon" }));
      const gone = await user({ name: "Gone Away", active: false });
      const member = await user({ name: "Marie Member" });
      const foreigner = (await organizationWithAdmin()).admin;
      dataOf(await addSiteMember(db, actor, { siteId: site.id, userId: member.id }));

      const cases: [string, string][] = [
        [gone.id, "This user is deactivated: deactivated users take no new membership."],
        [member.id, "This user is already a member of this site."],
        [foreigner.id, "Pick a user of this organisation."],
        ["nobody", "Pick a user of this organisation."],
      ];
      for (const [userId, message] of cases) {
        const result = await addSiteMember(db, actor, { siteId: site.id, userId });
        expect(fieldsOf(result)).toEqual({ userId: message });
      }
      expect(dataOf(await getSiteDetails(db, actor, { id: site.id })).candidates.map((candidate) => candidate.id)).toEqual([actor.id]);
    });

    it("replaces the membership through userIds, refusing unknown and deactivated newcomers", async () => {
      const { organizationId, actor, user } = await organizationWithAdmin();
      const [a, b, c] = [await user({ name: "Anna" }), await user({ name: "Bruno" }), await user({ name: "Carla" })];
      const inactive = await user({ name: "Ines", active: false });
      const site = dataOf(await createSite(db, actor, { name: "Montréal", userIds: [a.id, b.id] }));
      expect(site.userIds).toEqual([a.id, b.id].sort());

      const unknown = randomUUID();
      const refused = await updateSite(db, actor, { id: site.id, userIds: [a.id, unknown] });
      expect(inEnglish(refused)).toEqual({
        ok: false,
        error: {
          code: "invalid",
          message: `No user of this organisation has these ids: ${unknown}.`,
          fields: { userIds: "Some of these ids name no user of this organisation." },
        },
      });
      const deactivated = await updateSite(db, actor, { id: site.id, userIds: [a.id, inactive.id] });
      expect(inEnglish(deactivated)).toEqual({
        ok: false,
        error: {
          code: "invalid",
          message: "Deactivated users take no new membership: Ines.",
          fields: { userIds: "Deactivated users take no new membership." },
        },
      });

      const replaced = dataOf(await updateSite(db, actor, { id: site.id, userIds: [b.id, c.id], version: site.version }));
      expect(replaced.userIds).toEqual([b.id, c.id].sort());
      expect(await sitesOfUser(a.id)).toEqual([]);
      expect(await sitesOfUser(c.id)).toEqual([site.id]);
      const [entry] = (await audited(organizationId, "site.updated")).slice(-1);
      expect(entry?.before).toEqual({ userIds: [a.id, b.id].sort(), version: 1 });
      expect(entry?.after).toEqual({ userIds: [b.id, c.id].sort(), version: 2 });

      // The same list again changes nothing: no new version, no audit entry.
      const same = dataOf(await updateSite(db, actor, { id: site.id, userIds: [c.id, b.id] }));
      expect(same.version).toBe(2);
      expect(await audited(organizationId, "site.updated")).toHaveLength(1);
    });

    it("runs alongside a user-page save of the same user and site without a deadlock", async () => {
      const { organizationId, actor, user } = await organizationWithAdmin();
      const site = dataOf(await createSite(db, actor, { name: "Toulouse" }));
      const other = dataOf(await createSite(db, actor, { name: "Lyon" }));
      const pierre = await user({ name: "Pierre" });

      // The user page's pattern: lock the user row, then write their memberships (whose foreign keys lock the sites).
      // The site-page changes start once it holds the user row.
      let holdsUser!: () => void;
      const userLocked = new Promise<void>((resolve) => (holdsUser = resolve));
      const userPageSave = db.transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).where(eq(users.id, pierre.id)).for("update");
        holdsUser();
        await tx.execute(sql`select pg_sleep(0.3)`);
        await tx.insert(userSites).values({ organizationId, userId: pierre.id, siteId: site.id });
        await tx.update(users).set({ version: sql`${users.version} + 1` }).where(eq(users.id, pierre.id));
      });
      await userLocked;
      const [, fromSitePage, otherSite] = await Promise.all([
        userPageSave,
        addSiteMember(db, actor, { siteId: site.id, userId: pierre.id }),
        updateSite(db, actor, { id: other.id, userIds: [pierre.id] }),
      ]);
      // The site page waited for the user page, then saw its membership.
      expect(fieldsOf(fromSitePage)).toEqual({ userId: "This user is already a member of this site." });
      expect(otherSite.ok).toBe(true);
      expect(await sitesOfUser(pierre.id)).toEqual([site.id, other.id].sort());
    });

    it("a user who leaves their primary site loses it as primary", async () => {
      const { actor, user } = await organizationWithAdmin();
      const site = dataOf(await createSite(db, actor, { name: "Toulouse" }));
      const other = dataOf(await createSite(db, actor, { name: "Lyon" }));
      const pierre = await user({ name: "Pierre" });
      dataOf(await addSiteMember(db, actor, { siteId: site.id, userId: pierre.id }));
      dataOf(await addSiteMember(db, actor, { siteId: other.id, userId: pierre.id }));
      await db.update(users).set({ primarySiteId: site.id }).where(eq(users.id, pierre.id));

      dataOf(await removeSiteMember(db, actor, { siteId: other.id, userId: pierre.id }));
      expect((await userRow(pierre.id)).primarySiteId).toBe(site.id);
      dataOf(await removeSiteMember(db, actor, { siteId: site.id, userId: pierre.id }));
      expect((await userRow(pierre.id)).primarySiteId).toBeNull();
    });

    it("member changes are audited and bump the authorization version", async () => {
      const { organizationId, actor, user } = await organizationWithAdmin();
      const site = dataOf(await createSite(db, actor, { name: "Toulouse" }));
      const julien = await user({ name: "Julien" });
      const before = await authzVersion(organizationId);

      dataOf(await addSiteMember(db, actor, { siteId: site.id, userId: julien.id }));
      expect(await authzVersion(organizationId)).toBe(before + 1);
      dataOf(await removeSiteMember(db, actor, { siteId: site.id, userId: julien.id }));
      expect(await authzVersion(organizationId)).toBe(before + 2);

      expect(await audited(organizationId, "site.member_added")).toEqual([
        { actorId: actor.id, targetId: site.id, before: { version: 1 }, after: { userId: julien.id, email: julien.email, version: 2 } },
      ]);
      expect(await audited(organizationId, "site.member_removed")).toEqual([
        { actorId: actor.id, targetId: site.id, before: { userId: julien.id, email: julien.email, version: 2 }, after: { version: 3 } },
      ]);
      const again = await removeSiteMember(db, actor, { siteId: site.id, userId: julien.id });
      expect(again.ok || again.error.code).toBe("conflict");
    });
  });

  describe("archive", () => {
    it("keeps existing members (and their access) but takes no new member until unarchived", async () => {
      const { organizationId, actor, user } = await organizationWithAdmin();
      const site = dataOf(await createSite(db, actor, { name: "Lyon" }));
      const kept = await user({ name: "Kept Member" });
      const newcomer = await user({ name: "New Comer" });
      const second = await user({ name: "Second Member" });
      dataOf(await updateSite(db, actor, { id: site.id, userIds: [kept.id, second.id] }));
      const before = dataOf(await getSiteDetails(db, actor, { id: site.id })).site;

      const archived = dataOf(await updateSite(db, actor, { id: site.id, archived: true, version: before.version }));
      expect(archived).toMatchObject({ archived: true, userIds: [kept.id, second.id].sort(), version: before.version + 1 });
      expect((await audited(organizationId, "site.archived")).at(-1)).toMatchObject({
        before: { archived: false, version: before.version },
        after: { archived: true, version: before.version + 1 },
      });
      // Still a member, so still in the scope of objects shared with the site.
      expect((await actingUserOf(db, kept)).siteIds).toEqual([site.id]);

      const added = await addSiteMember(db, actor, { siteId: site.id, userId: newcomer.id });
      expect(inEnglish(added)).toEqual({ ok: false, error: { code: "conflict", message: archivedSiteTakesNoMembers } });
      const replaced = await updateSite(db, actor, { id: site.id, userIds: [kept.id, second.id, newcomer.id] });
      expect(fieldsOf(replaced)).toEqual({ userIds: archivedSiteTakesNoMembers });
      expect(dataOf(await getSiteDetails(db, actor, { id: site.id })).candidates).toEqual([]);
      expect(await sitesOfUser(newcomer.id)).toEqual([]);

      // Removing members of an archived site is allowed.
      dataOf(await removeSiteMember(db, actor, { siteId: site.id, userId: second.id }));
      expect(await sitesOfUser(second.id)).toEqual([]);

      const listed = dataOf(await listSites(db, actor)).sites.find((row) => row.id === site.id);
      expect(listed?.archivedAt).toBeInstanceOf(Date);
      expect(dataOf(await listSitesPage(db, actor, {})).items.find((item) => item.id === site.id)).toMatchObject({ archived: true });

      const back = dataOf(await updateSite(db, actor, { id: site.id, archived: false }));
      expect(back.archived).toBe(false);
      expect(await audited(organizationId, "site.unarchived")).toHaveLength(1);
      dataOf(await addSiteMember(db, actor, { siteId: site.id, userId: newcomer.id }));
      expect(await sitesOfUser(newcomer.id)).toEqual([site.id]);
    });

    it("archiving and adding members in one request is refused as a whole", async () => {
      const { actor, user } = await organizationWithAdmin();
      const site = dataOf(await createSite(db, actor, { name: "Lyon" }));
      const newcomer = await user();
      const result = await updateSite(db, actor, { id: site.id, archived: true, userIds: [newcomer.id] });
      expect(fieldsOf(result)).toEqual({ userIds: archivedSiteTakesNoMembers });
      expect(dataOf(await getSiteDetails(db, actor, { id: site.id })).site.archivedAt).toBeNull();
    });
  });

  describe("lists", () => {
    it("counts members in the database, deactivated ones apart", async () => {
      const { actor, user } = await organizationWithAdmin();
      const toulouse = dataOf(await createSite(db, actor, { name: "Toulouse" }));
      const lyon = dataOf(await createSite(db, actor, { name: "lyon" }));
      dataOf(await createSite(db, actor, { name: "Empty" }));
      const people = [await user(), await user(), await user()];
      dataOf(await updateSite(db, actor, { id: toulouse.id, userIds: people.map((person) => person.id) }));
      dataOf(await updateSite(db, actor, { id: lyon.id, userIds: [people[0]!.id] }));
      await db.update(users).set({ active: false }).where(eq(users.id, people[1]!.id));

      const listed = dataOf(await listSites(db, actor));
      expect(listed.organizationTimeZone).toBe("Europe/Paris");
      expect(listed.sites.map(({ name, memberCount, activeMemberCount }) => ({ name, memberCount, activeMemberCount }))).toEqual([
        { name: "Empty", memberCount: 0, activeMemberCount: 0 },
        { name: "lyon", memberCount: 1, activeMemberCount: 1 },
        { name: "Toulouse", memberCount: 3, activeMemberCount: 2 },
      ]);
    });

    it("pages the API list by name with an opaque cursor, for any signed-in user of the organisation only", async () => {
      const { actor, user } = await organizationWithAdmin();
      for (const name of ["Delta", "alpha", "Charlie", "bravo", "Echo"]) dataOf(await createSite(db, actor, { name }));
      dataOf(await createSite(db, (await organizationWithAdmin()).actor, { name: "Another organisation's" }));
      const viewer: ActingUser = await actingUserOf(db, await user({ role: "viewer" }));

      const first = dataOf(await listSitesPage(db, viewer, { limit: 2 }));
      expect(first.items.map((item) => item.name)).toEqual(["alpha", "bravo"]);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = dataOf(await listSitesPage(db, viewer, { limit: "2", cursor: first.nextCursor! }));
      expect(second.items.map((item) => item.name)).toEqual(["Charlie", "Delta"]);
      const third = dataOf(await listSitesPage(db, viewer, { limit: 2, cursor: second.nextCursor! }));
      expect(third.items.map((item) => item.name)).toEqual(["Echo"]);
      expect(third.nextCursor).toBeNull();
      expect(Object.keys(third.items[0]!).sort()).toEqual(["archived", "id", "name", "timeZone", "userIds", "version"]);

      const bad = await listSitesPage(db, viewer, { cursor: "garbage" });
      expect(fieldsOf(bad)).toEqual({ cursor: "This cursor is not valid: start again from the first page." });
      const tooMany = await listSitesPage(db, viewer, { limit: 500 });
      expect(fieldsOf(tooMany)).toEqual({ limit: "Send a number from 1 to 200." });
    });
  });

  it("refuses every write, and the admin views, to non-Admins", async () => {
    const { organizationId, actor, user } = await organizationWithAdmin();
    const site = dataOf(await createSite(db, actor, { name: "Toulouse" }));
    const someone = await user();
    const versionBefore = await authzVersion(organizationId);

    for (const role of ["manager", "viewer", "shared_computer"] as const) {
      const other = await actingUserOf(db, await user({ role }));
      const attempts = [
        await createSite(db, other, { name: `By ${role}` }),
        await updateSite(db, other, { id: site.id, name: "Hijacked" }),
        await updateSite(db, other, { id: site.id, archived: true }),
        await addSiteMember(db, other, { siteId: site.id, userId: someone.id }),
        await removeSiteMember(db, other, { siteId: site.id, userId: someone.id }),
        await listSites(db, other),
        await getSiteDetails(db, other, { id: site.id }),
      ];
      for (const attempt of attempts) expect(attempt.ok || attempt.error.code).toBe("forbidden");
      expect(dataOf(await listSitesPage(db, other, {})).items.map((item) => item.name)).toEqual(["Toulouse"]);
    }
    expect(await authzVersion(organizationId)).toBe(versionBefore);
    expect(dataOf(await getSiteDetails(db, actor, { id: site.id })).site).toMatchObject({ name: "Toulouse", archivedAt: null, version: 1 });
  });
});
