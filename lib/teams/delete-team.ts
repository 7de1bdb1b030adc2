import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { accessRules, objects, projects, teams } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";
import { shortList } from "@/lib/sites/membership-users";
import { rowVersionSchema } from "@/lib/sites/site-schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { isAdmin, lockTeam, notAdminError, staleTeamError, teamMemberIds, teamNotFound } from "./team-records";
import { teamIdSchema } from "./team-schemas";

export interface TeamDeletionImpact {
  /** Access rules whose users condition names the team (enabled or not): they block the deletion. */
  rules: { id: string; name: string }[];
  /** Projects the acting user can see that would lose their team (projects.team_id is set to null). */
  visibleProjects: number;
}

/** Access rules of the organisation whose `users.teamIds` names the team. */
export async function rulesNamingTeam(db: Executor, organizationId: string, teamId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: accessRules.id, name: accessRules.name })
    .from(accessRules)
    .where(and(eq(accessRules.organizationId, organizationId), sql`${accessRules.users} -> 'teamIds' @> jsonb_build_array(${teamId}::text)`))
    .orderBy(asc(accessRules.position), asc(accessRules.name));
}

/**
 * What deleting the team would do, for the confirmation: the rules that name it, and how many projects the actor
 * can see would lose their team. Projects the actor cannot see are not counted: their existence is not told
 * (SPEC §3, Admins are not exempt).
 */
export async function teamDeletionImpact(db: Executor, actor: ActingUser, teamId: string): Promise<TeamDeletionImpact> {
  const rules = await rulesNamingTeam(db, actor.organizationId, teamId);
  const subject = subjectOf(actor);
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, {
    organizationId: actor.organizationId,
    minLevel: "view_no_download",
    type: "project",
  });
  if (filter.never) return { rules, visibleProjects: 0 };
  const [row] = await db
    .select({ n: count() })
    .from(projects)
    .innerJoin(objects, and(eq(objects.id, projects.objectId), eq(objects.organizationId, projects.organizationId)))
    .where(and(eq(projects.organizationId, actor.organizationId), eq(projects.teamId, teamId), filter.where));
  return { rules, visibleProjects: row?.n ?? 0 };
}


export const deleteTeamSchema = z.strictObject({
  id: teamIdSchema,
  /** The version the Admin confirmed; when given, a deletion confirmed on a stale view is refused. */
  version: rowVersionSchema.optional(),
});
export type DeleteTeamInput = z.input<typeof deleteTeamSchema>;

/**
 * Deletes a team (Admin) and its memberships. Refused while an access rule names it (the rule would silently stop
 * matching anyone through it). Projects of the team keep existing without a team (ON DELETE SET NULL).
 */
export async function deleteTeam(
  db: Database,
  actor: ActingUser,
  input: DeleteTeamInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<{ id: string; name: string }>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(deleteTeamSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    const team = await lockTeam(tx, organizationId, id);
    if (!team) return teamNotFound();
    if (version !== undefined && version !== team.version) return staleTeamError();
    const rules = await rulesNamingTeam(tx, organizationId, id);
    if (rules.length > 0) {
      return fail("conflict", "adminTeams.errors.namedByRules", undefined, { team: team.name, count: rules.length, ...shortList(rules.map((rule) => `“${rule.name}”`)) });
    }

    const members = await teamMemberIds(tx, organizationId, id);
    // The projects let go of the team here rather than through the foreign key's ON DELETE SET NULL, which — the key
    // being (organization_id, team_id) — would null organization_id too. Their version moves: an edit form opened
    // with the old team is refused as stale.
    const released = await tx
      .update(projects)
      .set({ teamId: null })
      .where(and(eq(projects.organizationId, organizationId), eq(projects.teamId, id)))
      .returning({ objectId: projects.objectId });
    if (released.length > 0) {
      await tx
        .update(objects)
        .set({ version: sql`${objects.version} + 1`, updatedAt: new Date() })
        .where(and(eq(objects.organizationId, organizationId), inArray(objects.id, released.map((row) => row.objectId))));
    }
    await tx.delete(teams).where(and(eq(teams.id, id), eq(teams.organizationId, organizationId)));
    const projectsWithoutTeam = released.length;
    await recordAdminChange(
      tx,
      actor,
      {
        action: "team.deleted",
        targetType: "team",
        targetId: id,
        before: { name: team.name, userIds: members, version: team.version },
        after: { deleted: true, projectsWithoutTeam },
      },
      context.clientAddress,
    );
    // The total stays in the audit log: the answer does not tell about projects the caller may not see.
    return ok({ id, name: team.name });
  });
}
