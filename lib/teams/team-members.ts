import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { memberUserIdSchema, organizationUsers, pickNewMember } from "@/lib/sites/membership-users";
import { parseInput } from "@/lib/validation/parse-input";
import { bumpTeamVersion, isAdmin, lockTeam, notAdminError, teamMemberIds, teamNotFound, toTeamView, writeTeamMembership, type TeamView } from "./team-records";
import { teamIdSchema } from "./team-schemas";

export const teamMemberSchema = z.object({
  teamId: teamIdSchema,
  userId: memberUserIdSchema,
});
export type TeamMemberInput = z.input<typeof teamMemberSchema>;

/** Adds one active user of the organisation to a team (Admin). */
export async function addTeamMember(
  db: Database,
  actor: ActingUser,
  input: TeamMemberInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<TeamView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(teamMemberSchema, input);
  if (!parsed.ok) return parsed;
  const { teamId, userId } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    const team = await lockTeam(tx, organizationId, teamId);
    if (!team) return teamNotFound();
    const picked = await pickNewMember(tx, organizationId, userId);
    if (!picked.ok) return picked;
    const user = picked.data;
    const members = await teamMemberIds(tx, organizationId, teamId);
    if (members.includes(user.id)) return fail("invalid", "errors.fieldsNeedAttention", { userId: "adminTeams.errors.alreadyMember" });

    await writeTeamMembership(tx, organizationId, teamId, { add: [user.id], remove: [] });
    const row = await bumpTeamVersion(tx, organizationId, teamId);
    await recordAdminChange(
      tx,
      actor,
      {
        action: "team.member_added",
        targetType: "team",
        targetId: teamId,
        before: { version: team.version },
        after: { userId: user.id, email: user.email, version: row.version },
      },
      context.clientAddress,
    );
    return ok(toTeamView(row, [...members, user.id].sort()));
  });
}

/** Removes one user from a team (Admin). */
export async function removeTeamMember(
  db: Database,
  actor: ActingUser,
  input: TeamMemberInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<TeamView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(teamMemberSchema, input);
  if (!parsed.ok) return parsed;
  const { teamId, userId } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    const team = await lockTeam(tx, organizationId, teamId);
    if (!team) return teamNotFound();
    const members = await teamMemberIds(tx, organizationId, teamId);
    const [user] = await organizationUsers(tx, organizationId, [userId]);
    if (!user || !members.includes(user.id)) return fail("conflict", "adminTeams.errors.noLongerMember");

    await writeTeamMembership(tx, organizationId, teamId, { add: [], remove: [user.id] });
    const row = await bumpTeamVersion(tx, organizationId, teamId);
    await recordAdminChange(
      tx,
      actor,
      {
        action: "team.member_removed",
        targetType: "team",
        targetId: teamId,
        before: { userId: user.id, email: user.email, version: team.version },
        after: { version: row.version },
      },
      context.clientAddress,
    );
    return ok(toTeamView(row, members.filter((member) => member !== user.id)));
  });
}
