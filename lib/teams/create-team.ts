import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { teams } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import { planMembershipChange } from "@/lib/sites/membership-users";
import { userIdListSchema } from "@/lib/sites/site-schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { duplicateTeamName, isAdmin, notAdminError, teamMemberIds, teamNameTaken, toTeamView, writeTeamMembership, type TeamView } from "./team-records";
import { teamNameSchema } from "./team-schemas";

export const createTeamSchema = z.strictObject({
  name: teamNameSchema,
  userIds: userIdListSchema.optional(),
});
export type CreateTeamInput = z.input<typeof createTeamSchema>;

/** Creates a team (Admin): a name unique in the organisation ignoring case, optional active members. */
export async function createTeam(
  db: Database,
  actor: ActingUser,
  input: CreateTeamInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<TeamView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(createTeamSchema, input);
  if (!parsed.ok) return parsed;
  const { name, userIds } = parsed.data;
  const organizationId = actor.organizationId;

  try {
    return await db.transaction(async (tx) => {
      if (await teamNameTaken(tx, organizationId, name)) return duplicateTeamName();
      const planned = await planMembershipChange(tx, organizationId, [], userIds ?? []);
      if (!planned.ok) return planned;

      const [row] = await tx.insert(teams).values({ organizationId, name }).returning();
      if (!row) throw new Error("insert returned no team");
      await writeTeamMembership(tx, organizationId, row.id, planned.data);
      const members = await teamMemberIds(tx, organizationId, row.id);
      await recordAdminChange(
        tx,
        actor,
        { action: "team.created", targetType: "team", targetId: row.id, after: { name, userIds: members } },
        context.clientAddress,
      );
      return ok(toTeamView(row, members));
    });
  } catch (error) {
    if (asUniqueViolation(error)?.constraint === "teams_org_name_unique") return duplicateTeamName();
    throw error;
  }
}
