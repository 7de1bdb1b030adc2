import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import { planMembershipChange } from "@/lib/sites/membership-users";
import { rowVersionSchema, userIdListSchema } from "@/lib/sites/site-schemas";
import { parseInput } from "@/lib/validation/parse-input";
import {
  bumpTeamVersion,
  duplicateTeamName,
  isAdmin,
  lockTeam,
  notAdminError,
  staleTeamError,
  teamMemberIds,
  teamNameTaken,
  teamNotFound,
  toTeamView,
  writeTeamMembership,
  type TeamView,
} from "./team-records";
import { teamIdSchema, teamNameSchema } from "./team-schemas";

export const updateTeamSchema = z.strictObject({
  id: teamIdSchema,
  name: teamNameSchema.optional(),
  /** The whole membership, replacing the current one. */
  userIds: userIdListSchema.optional(),
  /** The version the editor read; when given, a change made on a stale view is refused. */
  version: rowVersionSchema.optional(),
});
export type UpdateTeamInput = z.input<typeof updateTeamSchema>;

/**
 * Renames a team or replaces its membership (Admin). Teams can be matched by access rules (SPEC §9), so every change
 * bumps the organisation's authorization version as well as the team's own, and is audited before and after.
 */
export async function updateTeam(
  db: Database,
  actor: ActingUser,
  input: UpdateTeamInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<TeamView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(updateTeamSchema, input);
  if (!parsed.ok) return parsed;
  const { id, name, userIds, version } = parsed.data;
  const organizationId = actor.organizationId;

  try {
    return await db.transaction(async (tx) => {
      const team = await lockTeam(tx, organizationId, id);
      if (!team) return teamNotFound();
      if (version !== undefined && version !== team.version) return staleTeamError();
      const members = await teamMemberIds(tx, organizationId, id);

      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      if (name !== undefined && name !== team.name) {
        if (await teamNameTaken(tx, organizationId, name, id)) return duplicateTeamName();
        before.name = team.name;
        after.name = name;
      }
      let change = { add: [] as string[], remove: [] as string[] };
      if (userIds !== undefined) {
        const planned = await planMembershipChange(tx, organizationId, members, userIds);
        if (!planned.ok) return planned;
        change = planned.data;
        if (change.add.length + change.remove.length > 0) {
          before.userIds = members;
          after.userIds = [...members.filter((member) => !change.remove.includes(member)), ...change.add].sort();
        }
      }
      if (Object.keys(after).length === 0) return ok(toTeamView(team, members));

      await writeTeamMembership(tx, organizationId, id, change);
      const row = await bumpTeamVersion(tx, organizationId, id, name !== undefined && "name" in after ? { name } : {});
      await recordAdminChange(
        tx,
        actor,
        { action: "team.updated", targetType: "team", targetId: id, before: { ...before, version: team.version }, after: { ...after, version: row.version } },
        context.clientAddress,
      );
      return ok(toTeamView(row, await teamMemberIds(tx, organizationId, id)));
    });
  } catch (error) {
    if (name !== undefined && asUniqueViolation(error)?.constraint === "teams_org_name_unique") return duplicateTeamName();
    throw error;
  }
}
