import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teamMembers, teams, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import { activeUsersWithout, memberUserColumns, type MemberUser } from "@/lib/sites/membership-users";

import { teamDeletionImpact, type TeamDeletionImpact } from "./delete-team";
import type { TeamSummary } from "./list-teams";
import { isAdmin, notAdminError, teamNotFound } from "./team-records";
import { isUuid } from "@/lib/validation/uuid";

export interface TeamMember extends MemberUser {
  since: Date;
}

export interface TeamDetails {
  team: TeamSummary;
  members: TeamMember[];
  /** Active users of the organisation not yet in the team. */
  candidates: MemberUser[];
  deletion: TeamDeletionImpact;
}

/** One team with its members, the users who could join it and what deleting it would do. Admin only. */
export async function getTeamDetails(db: Executor, actor: ActingUser, input: { id: string }): Promise<Result<TeamDetails>> {
  if (!isAdmin(actor)) return notAdminError();
  if (!isUuid(input.id)) return teamNotFound();
  const organizationId = actor.organizationId;
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.id, input.id), eq(teams.organizationId, organizationId)));
  if (!team) return teamNotFound();

  const members = await db
    .select({ ...memberUserColumns, since: teamMembers.createdAt })
    .from(teamMembers)
    .innerJoin(users, and(eq(users.id, teamMembers.userId), eq(users.organizationId, teamMembers.organizationId)))
    .where(and(eq(teamMembers.organizationId, organizationId), eq(teamMembers.teamId, team.id)))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.email));
  const candidates = await activeUsersWithout(
    db,
    organizationId,
    db
      .select({ one: sql`1` })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, users.id))),
  );
  return ok({
    team: {
      id: team.id,
      name: team.name,
      version: team.version,
      memberCount: members.length,
      activeMemberCount: members.filter((member) => member.active).length,
    },
    members,
    candidates,
    deletion: await teamDeletionImpact(db, actor, team.id),
  });
}
