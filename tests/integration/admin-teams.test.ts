import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { accessRules, auditLog, objects, organizations, projects, teamMembers, teams, users, type ScopeKind } from "@/db/schema";
import { everyObject, everyUser } from "@/lib/access-rules/default-rules";
import { createTeam } from "@/lib/teams/create-team";
import { deleteTeam } from "@/lib/teams/delete-team";
import { getTeamDetails } from "@/lib/teams/get-team";
import { listTeams, listTeamsPage } from "@/lib/teams/list-teams";
import { addTeamMember, removeTeamMember } from "@/lib/teams/team-members";
import { updateTeam } from "@/lib/teams/update-team";
import { createTestOrganization } from "../fixtures/organizations";
import { dataOf, inEnglish } from "../fixtures/results";
import { actingUserOf, createTestUser, type TestUserOptions } from "../fixtures/users";

/** The field messages of a refusal, in English. */
function fieldsOf(result: Parameters<typeof inEnglish>[0]) {
  const english = inEnglish(result);
  return english.ok || english.error.fields;
}

describe("admin: teams", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** An organisation of its own with one Admin (the usual actor) and the rule "Everyone — Full access". */
  async function organizationWithAdmin() {
    const organizationId = (await createTestOrganization(db, "Teams")).id;
    const admin = await createTestUser(db, organizationId, { role: "admin", name: "Ada Admin" });
    await db.insert(accessRules).values({ organizationId, name: "Everyone — Full access — all objects", level: "full", users: everyUser, objects: everyObject });
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

  async function teamsOfUser(userId: string): Promise<string[]> {
    const rows = await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId));
    return rows.map((row) => row.teamId).sort();
  }

  /** A project object of the organisation, in the given team, with the given scope. */
  async function project(organizationId: string, ownerId: string, teamId: string, scopeKind: ScopeKind, number: number): Promise<string> {
    const [object] = await db
      .insert(objects)
      .values({
        organizationId,
        type: "project",
        number,
        reference: `PRJ-${String(number).padStart(6, "0")}`,
        title: `Project ${number}`,
        ownerId,
        createdById: ownerId,
        scopeKind,
      })
      .returning({ id: objects.id });
    if (!object) throw new Error("no object");
    await db.insert(projects).values({ objectId: object.id, organizationId, teamId });
    return object.id;
  }

  it("creates, renames and lists teams with member counts; duplicate names are refused ignoring case", async () => {
    const { organizationId, actor, user } = await organizationWithAdmin();
    const versionBefore = await authzVersion(organizationId);
    const [a, b] = [await user({ name: "Anna" }), await user({ name: "Bruno" })];

    const quality = dataOf(await createTeam(db, actor, { name: " Quality ", userIds: [a.id, b.id] }));
    expect(quality).toMatchObject({ name: "Quality", version: 1, userIds: [a.id, b.id].sort() });
    const design = dataOf(await createTeam(db, actor, { name: "Design office" }));
    expect(await authzVersion(organizationId)).toBe(versionBefore + 2);

    const duplicate = await createTeam(db, actor, { name: "QUALITY" });
    expect(inEnglish(duplicate)).toEqual({
      ok: false,
      error: { code: "invalid", message: "Some fields need attention.", fields: { name: "Another team already has this name (names ignore case)." } },
    });
    const renamedOnto = await updateTeam(db, actor, { id: design.id, name: "quality", version: design.version });
    expect(fieldsOf(renamedOnto)).toEqual({ name: "Another team already has this name (names ignore case)." });

    const renamed = dataOf(await updateTeam(db, actor, { id: design.id, name: "Design & methods", version: design.version }));
    expect(renamed).toMatchObject({ name: "Design & methods", version: 2 });
    const stale = await updateTeam(db, actor, { id: design.id, name: "Too late", version: design.version });
    expect(stale.ok || stale.error.code).toBe("conflict");

    await db.update(users).set({ active: false }).where(eq(users.id, b.id));
    expect(dataOf(await listTeams(db, actor)).map(({ name, memberCount, activeMemberCount }) => ({ name, memberCount, activeMemberCount }))).toEqual([
      { name: "Design & methods", memberCount: 0, activeMemberCount: 0 },
      { name: "Quality", memberCount: 2, activeMemberCount: 1 },
    ]);

    expect(await audited(organizationId, "team.created")).toEqual([
      { actorId: actor.id, targetId: quality.id, before: null, after: { name: "Quality", userIds: [a.id, b.id].sort() } },
      { actorId: actor.id, targetId: design.id, before: null, after: { name: "Design office", userIds: [] } },
    ]);
    expect(await audited(organizationId, "team.updated")).toEqual([
      { actorId: actor.id, targetId: design.id, before: { name: "Design office", version: 1 }, after: { name: "Design & methods", version: 2 } },
    ]);

    // Another organisation may use the same name; the API list is per organisation.
    const other = await organizationWithAdmin();
    dataOf(await createTeam(db, other.actor, { name: "quality" }));
    const viewer = await actingUserOf(db, await user({ role: "viewer" }));
    const page = dataOf(await listTeamsPage(db, viewer, { limit: 1 }));
    expect(page.items).toEqual([{ id: renamed.id, name: "Design & methods", version: 2, userIds: [] }]);
    const next = dataOf(await listTeamsPage(db, viewer, { limit: 1, cursor: page.nextCursor! }));
    expect(next).toEqual({ items: [{ id: quality.id, name: "Quality", version: 1, userIds: [a.id, b.id].sort() }], nextCursor: null });
  });

  it("adds and removes members (active users of the organisation only), audited, bumping versions", async () => {
    const { organizationId, actor, user } = await organizationWithAdmin();
    const team = dataOf(await createTeam(db, actor, { name: "Industrialisation" }));
    const julien = await user({ name: "Julien Petit" });
    const gone = await user({ name: "Gone Away", active: false });
    const foreigner = (await organizationWithAdmin()).admin;
    const before = await authzVersion(organizationId);

    const added = dataOf(await addTeamMember(db, actor, { teamId: team.id, userId: julien.id }));
    expect(added).toMatchObject({ version: 2, userIds: [julien.id] });
    expect(await teamsOfUser(julien.id)).toEqual([team.id]);
    expect((await actingUserOf(db, julien)).teamIds).toEqual([team.id]);
    expect(await authzVersion(organizationId)).toBe(before + 1);

    for (const [userId, message] of [
      [julien.id, "This user is already a member of this team."],
      [gone.id, "This user is deactivated: deactivated users take no new membership."],
      [foreigner.id, "Pick a user of this organisation."],
    ] as const) {
      const result = await addTeamMember(db, actor, { teamId: team.id, userId });
      expect(fieldsOf(result)).toEqual({ userId: message });
    }
    const details = dataOf(await getTeamDetails(db, actor, { id: team.id }));
    expect(details.members.map((member) => member.id)).toEqual([julien.id]);
    expect(details.candidates.map((candidate) => candidate.id)).toEqual([actor.id]);

    dataOf(await removeTeamMember(db, actor, { teamId: team.id, userId: julien.id }));
    expect(await teamsOfUser(julien.id)).toEqual([]);
    expect(await authzVersion(organizationId)).toBe(before + 2);
    expect(await audited(organizationId, "team.member_added")).toEqual([
      { actorId: actor.id, targetId: team.id, before: { version: 1 }, after: { userId: julien.id, email: julien.email, version: 2 } },
    ]);
    expect(await audited(organizationId, "team.member_removed")).toEqual([
      { actorId: actor.id, targetId: team.id, before: { userId: julien.id, email: julien.email, version: 2 }, after: { version: 3 } },
    ]);

    // Replacing the whole list (the API's PATCH userIds).
    const replaced = dataOf(await updateTeam(db, actor, { id: team.id, userIds: [julien.id, actor.id], version: 3 }));
    expect(replaced.userIds).toEqual([julien.id, actor.id].sort());
    const refused = await updateTeam(db, actor, { id: team.id, userIds: [gone.id] });
    expect(inEnglish(refused)).toMatchObject({ ok: false, error: { message: "Deactivated users take no new membership: Gone Away." } });
  });

  it("refuses to delete a team an access rule names, naming the rules", async () => {
    const { organizationId, actor } = await organizationWithAdmin();
    const team = dataOf(await createTeam(db, actor, { name: "Montréal launch team" }));
    const other = dataOf(await createTeam(db, actor, { name: "Quality" }));
    const byTeam = { ...everyUser, all: false, teamIds: [other.id, team.id] };
    await db.insert(accessRules).values([
      { organizationId, name: "Launch team edits parts", level: "modify", users: byTeam, objects: { types: ["part"], properties: [] }, position: 1 },
      { organizationId, name: "Launch team views documents", level: "view", enabled: false, users: byTeam, objects: everyObject, position: 2 },
    ]);
    const versionBefore = await authzVersion(organizationId);

    const refused = await deleteTeam(db, actor, { id: team.id, version: team.version });
    expect(inEnglish(refused)).toEqual({
      ok: false,
      error: {
        code: "conflict",
        message:
          "Montréal launch team is named by 2 access rules: “Launch team edits parts”, “Launch team views documents”. Before deleting the team, take it out of every rule that names it.",
      },
    });
    const details = dataOf(await getTeamDetails(db, actor, { id: team.id }));
    expect(details.deletion.rules.map((rule) => rule.name)).toEqual(["Launch team edits parts", "Launch team views documents"]);
    expect(await db.select().from(teams).where(eq(teams.id, team.id))).toHaveLength(1);
    expect(await authzVersion(organizationId)).toBe(versionBefore);
    expect(await audited(organizationId, "team.deleted")).toEqual([]);

    // Once no rule names it, it goes.
    await db.delete(accessRules).where(and(eq(accessRules.organizationId, organizationId), eq(accessRules.name, "Launch team edits parts")));
    await db
      .update(accessRules)
      .set({ users: { ...byTeam, teamIds: [other.id] } })
      .where(and(eq(accessRules.organizationId, organizationId), eq(accessRules.name, "Launch team views documents")));
    dataOf(await deleteTeam(db, actor, { id: team.id }));
    expect(await db.select().from(teams).where(eq(teams.id, team.id))).toHaveLength(0);
    // The team named alongside it by a rule is blocked in turn.
    const blocked = await deleteTeam(db, actor, { id: other.id });
    const blockedInEnglish = inEnglish(blocked);
    expect(blockedInEnglish.ok || blockedInEnglish.error.message).toMatch(/^Quality is named by 1 access rule: “Launch team views documents”\./);
  });

  it("deletes a team: memberships go, projects lose their team; the confirmation counts only projects the Admin can see", async () => {
    const { organizationId, actor, admin, user } = await organizationWithAdmin();
    const owner = await user({ role: "manager", name: "Private Owner" });
    const member = await user({ name: "Member" });
    const team = dataOf(await createTeam(db, actor, { name: "Design office", userIds: [member.id] }));
    const visible = await project(organizationId, admin.id, team.id, "organization", 1);
    const hidden = await project(organizationId, owner.id, team.id, "owner", 2);

    const details = dataOf(await getTeamDetails(db, actor, { id: team.id }));
    expect(details.deletion).toEqual({ rules: [], visibleProjects: 1 });

    const stale = await deleteTeam(db, actor, { id: team.id, version: team.version + 5 });
    expect(stale.ok || stale.error.code).toBe("conflict");
    const versionBefore = await authzVersion(organizationId);
    expect(await deleteTeam(db, actor, { id: team.id, version: team.version })).toEqual({ ok: true, data: { id: team.id, name: "Design office" } });

    expect(await teamsOfUser(member.id)).toEqual([]);
    const left = await db.select({ objectId: projects.objectId, teamId: projects.teamId }).from(projects).where(eq(projects.organizationId, organizationId));
    expect(left.sort((x, y) => x.objectId.localeCompare(y.objectId))).toEqual(
      [
        { objectId: visible, teamId: null },
        { objectId: hidden, teamId: null },
      ].sort((x, y) => x.objectId.localeCompare(y.objectId)),
    );
    // Their own version moves, so an edit form opened with the old team is refused as stale.
    const versions = await db.select({ version: objects.version }).from(objects).where(eq(objects.organizationId, organizationId));
    expect(versions).toEqual([{ version: 2 }, { version: 2 }]);
    expect(await authzVersion(organizationId)).toBe(versionBefore + 1);
    expect(await audited(organizationId, "team.deleted")).toEqual([
      {
        actorId: actor.id,
        targetId: team.id,
        before: { name: "Design office", userIds: [member.id], version: 1 },
        after: { deleted: true, projectsWithoutTeam: 2 },
      },
    ]);
    const again = await deleteTeam(db, actor, { id: team.id });
    expect(again.ok || again.error.code).toBe("not_found");
  });

  it("refuses writes and the admin views to non-Admins, and answers not found for other organisations' teams", async () => {
    const { organizationId, actor, user } = await organizationWithAdmin();
    const team = dataOf(await createTeam(db, actor, { name: "Quality" }));
    const someone = await user();
    const versionBefore = await authzVersion(organizationId);

    for (const role of ["manager", "viewer", "shared_computer"] as const) {
      const other = await actingUserOf(db, await user({ role }));
      const attempts = [
        await createTeam(db, other, { name: `By ${role}` }),
        await updateTeam(db, other, { id: team.id, name: "Hijacked" }),
        await addTeamMember(db, other, { teamId: team.id, userId: someone.id }),
        await removeTeamMember(db, other, { teamId: team.id, userId: someone.id }),
        await deleteTeam(db, other, { id: team.id }),
        await listTeams(db, other),
        await getTeamDetails(db, other, { id: team.id }),
      ];
      for (const attempt of attempts) expect(attempt.ok || attempt.error.code).toBe("forbidden");
      expect(dataOf(await listTeamsPage(db, other, {})).items.map((item) => item.name)).toEqual(["Quality"]);
    }
    expect(await authzVersion(organizationId)).toBe(versionBefore);

    const stranger = await organizationWithAdmin();
    for (const id of [team.id, randomUUID(), "nonsense"]) {
      for (const attempt of [
        await updateTeam(db, stranger.actor, { id, name: "Mine" }),
        await deleteTeam(db, stranger.actor, { id }),
        await getTeamDetails(db, stranger.actor, { id }),
        await addTeamMember(db, stranger.actor, { teamId: id, userId: stranger.admin.id }),
      ]) {
        expect(attempt.ok || attempt.error.code).toBe("not_found");
      }
    }
    expect(dataOf(await getTeamDetails(db, actor, { id: team.id })).team).toMatchObject({ name: "Quality", version: 1 });
  });
});
