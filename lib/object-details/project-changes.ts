import "server-only";
import { and, eq } from "drizzle-orm";
import { projects, projectStatuses, teams } from "@/db/schema";
import { objectNotFoundMessage } from "@/lib/authz/object-access";
import { fail, ok } from "@/lib/result";
import { askedStatus, changedFields, type PlanDetailsChange } from "./details-change";

/** A project's status (any to any: projects are put on hold and resumed), team and planned dates. */
export const planProjectChange: PlanDetailsChange = async (tx, subject, objectId, patch) => {
  const fields: Record<string, string> = {};
  const status = askedStatus(projectStatuses, patch.status);
  if (status === null) fields.status = "details.fields.statusNotFor.project";
  const [current] = await tx
    .select({ status: projects.status, teamId: projects.teamId, startDate: projects.startDate, dueDate: projects.dueDate })
    .from(projects)
    .where(eq(projects.objectId, objectId));
  if (!current) return fail("not_found", objectNotFoundMessage);
  if (patch.teamId) {
    // Locked like a rule that names the team: a team deleted meanwhile cannot end up named here.
    const [team] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.id, patch.teamId), eq(teams.organizationId, subject.organizationId)))
      .for("share");
    if (!team) fields.teamId = "objects.details.teamUnknown";
  }
  const startDate = patch.startDate === undefined ? current.startDate : patch.startDate;
  const dueDate = patch.dueDate === undefined ? current.dueDate : patch.dueDate;
  if (startDate && dueDate && dueDate < startDate) fields[patch.dueDate === undefined ? "startDate" : "dueDate"] = "objects.details.dueBeforeStart";
  if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);

  const changes = changedFields(current, patch, ["status", "teamId", "startDate", "dueDate"] as const);
  return ok({
    changes,
    unrecorded: [],
    write: async (db) => {
      await db
        .update(projects)
        .set({
          ...(status && "status" in changes ? { status } : {}),
          ...("teamId" in changes ? { teamId: patch.teamId } : {}),
          ...("startDate" in changes ? { startDate } : {}),
          ...("dueDate" in changes ? { dueDate } : {}),
        })
        .where(eq(projects.objectId, objectId));
    },
  });
};
