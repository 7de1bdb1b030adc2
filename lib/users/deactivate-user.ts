import "server-only";
import { and, count, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { objects, organizations, projectTasks, users, workflows, workflowTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { endUserSessions } from "@/lib/auth/usage-sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { bumpAuthzVersion } from "@/lib/authz/bump-authz-version";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { adminsOnlyMessage, lastAdminMessage, staleUserMessage, userNotFoundMessage } from "./user-messages";
import { userVersionSchema } from "./user-schemas";
import { roleAllows } from "@/lib/authz/roles";

export const deactivateUserSchema = z.strictObject({
  userId: z.uuid("admin.errors.userIdInvalid"),
  /** The row version the admin saw; a stale one is refused instead of acting on changed data. */
  expectedVersion: userVersionSchema.optional(),
  newOwnerId: z.uuid("adminUsers.errors.pickOwner").optional(),
  newAssigneeId: z.uuid("adminUsers.errors.pickAssignee").optional(),
});
export type DeactivateUserInput = z.input<typeof deactivateUserSchema>;

export interface DeactivationOutcome {
  userId: string;
  reassignedObjects: number;
  reassignedWorkflows: number;
  reassignedTasks: number;
  endedSessions: number;
}

/** What a deactivation must hand over so nothing is orphaned (SPEC §9): owned objects, led workflows, open tasks. */
export async function countHandovers(db: Database | Transaction, organizationId: string, userId: string) {
  const [owned] = await db
    .select({ n: count() })
    .from(objects)
    // Trashed objects too: they can be restored for 30 days and must come back with an owner who can see them.
    .where(and(eq(objects.organizationId, organizationId), eq(objects.ownerId, userId)));
  const [led] = await db
    .select({ n: count() })
    .from(workflows)
    .where(and(eq(workflows.organizationId, organizationId), eq(workflows.responsibleId, userId), sql`${workflows.status} in ('draft', 'in_progress')`));
  const [workflowOpen] = await db
    .select({ n: count() })
    .from(workflowTasks)
    .where(and(eq(workflowTasks.organizationId, organizationId), eq(workflowTasks.assigneeId, userId), eq(workflowTasks.status, "open")));
  const [projectOpen] = await db
    .select({ n: count() })
    .from(projectTasks)
    .where(and(eq(projectTasks.organizationId, organizationId), eq(projectTasks.assigneeId, userId), isNull(projectTasks.doneAt)));
  return {
    ownedObjects: owned?.n ?? 0,
    ledWorkflows: led?.n ?? 0,
    openTasks: (workflowOpen?.n ?? 0) + (projectOpen?.n ?? 0),
  };
}

async function activeUser(tx: Transaction, organizationId: string, id: string) {
  const [user] = await tx
    .select({ id: users.id, role: users.role, kind: users.kind, active: users.active })
    .from(users)
    .where(and(eq(users.id, id), eq(users.organizationId, organizationId)));
  return user?.active ? user : null;
}

/**
 * Deactivates an account at once (SPEC §1): its sessions end, its next request is refused on every instance,
 * and what it owned or was assigned moves to the people the Admin picked. Reactivation is operator-only.
 */
export async function deactivateUser(
  db: Database,
  actor: ActingUser,
  input: DeactivateUserInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<DeactivationOutcome>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(deactivateUserSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, expectedVersion, newOwnerId, newAssigneeId } = parsed.data;
  if (userId === actor.id) return fail("conflict", "adminUsers.errors.deactivateOwn");
  const org = actor.organizationId;

  return db.transaction(async (tx) => {
    // One deactivation at a time per organisation: two Admins deactivating each other at once would otherwise
    // each count the other as the remaining Admin and leave none. NO KEY UPDATE, so inserts that reference the
    // organisation (FOR KEY SHARE) are not blocked meanwhile.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, org)).for("no key update");
    // The actor was read at the start of the request: they may have lost the Admin role or been deactivated since.
    const [current] = await tx
      .select({ role: users.role, active: users.active })
      .from(users)
      .where(and(eq(users.id, actor.id), eq(users.organizationId, org)));
    if (!current?.active || !roleAllows(current.role, "administer")) return fail("forbidden", adminsOnlyMessage);

    const [target] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.organizationId, org)))
      .for("update");
    if (!target) return fail("not_found", userNotFoundMessage);
    if (!target.active) return fail("conflict", "adminUsers.errors.alreadyDeactivated", undefined, { email: target.email });
    if (expectedVersion !== undefined && expectedVersion !== target.version) {
      return fail("conflict", staleUserMessage);
    }
    if (roleAllows(target.role, "administer") && target.kind !== "service") {
      const [others] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.organizationId, org), eq(users.role, "admin"), eq(users.active, true), ne(users.kind, "service"), ne(users.id, userId)));
      if ((others?.n ?? 0) === 0) return fail("conflict", lastAdminMessage);
    }

    const handovers = await countHandovers(tx, org, userId);
    const fields: Record<string, string> = {};
    const owner = newOwnerId ? await activeUser(tx, org, newOwnerId) : null;
    const assignee = newAssigneeId ? await activeUser(tx, org, newAssigneeId) : null;
    if (handovers.ownedObjects + handovers.ledWorkflows > 0) {
      if (!owner || owner.id === userId) fields.newOwnerId = "adminUsers.errors.pickOwner";
      else if (!roleAllows(owner.role, "edit_objects")) fields.newOwnerId = "adminUsers.errors.ownerRole";
    }
    if (handovers.openTasks > 0) {
      if (!assignee || assignee.id === userId) fields.newAssigneeId = "adminUsers.errors.pickAssignee";
      else if (assignee.kind !== "person" || !roleAllows(assignee.role, "be_assigned_tasks")) {
        fields.newAssigneeId = "adminUsers.errors.assigneeKind";
      }
    }
    if (Object.keys(fields).length > 0) return fail("invalid", "adminUsers.errors.chooseHandover", fields);

    const now = new Date();
    await tx
      .update(users)
      .set({ active: false, deactivatedAt: now, version: sql`${users.version} + 1`, updatedAt: now })
      .where(and(eq(users.id, userId), eq(users.organizationId, org)));
    let reassignedObjects = 0;
    let reassignedWorkflows = 0;
    let reassignedTasks = 0;
    if (owner) {
      reassignedObjects = (
        await tx
          .update(objects)
          .set({ ownerId: owner.id, updatedAt: now, version: sql`${objects.version} + 1` })
          .where(and(eq(objects.organizationId, org), eq(objects.ownerId, userId)))
          .returning({ id: objects.id })
      ).length;
      reassignedWorkflows = (
        await tx
          .update(workflows)
          .set({ responsibleId: owner.id, updatedAt: now })
          .where(and(eq(workflows.organizationId, org), eq(workflows.responsibleId, userId), sql`${workflows.status} in ('draft', 'in_progress')`))
          .returning({ id: workflows.objectId })
      ).length;
    }
    if (assignee) {
      reassignedTasks =
        (
          await tx
            .update(workflowTasks)
            .set({ assigneeId: assignee.id, updatedAt: now, version: sql`${workflowTasks.version} + 1` })
            .where(and(eq(workflowTasks.organizationId, org), eq(workflowTasks.assigneeId, userId), eq(workflowTasks.status, "open")))
            .returning({ id: workflowTasks.id })
        ).length +
        (
          await tx
            .update(projectTasks)
            .set({ assigneeId: assignee.id, updatedAt: now, version: sql`${projectTasks.version} + 1` })
            .where(and(eq(projectTasks.organizationId, org), eq(projectTasks.assigneeId, userId), isNull(projectTasks.doneAt)))
            .returning({ id: projectTasks.id })
        ).length;
    }
    const endedSessions = await endUserSessions(tx, userId, "deactivated");
    await bumpAuthzVersion(tx, org);
    await recordAudit(tx, {
      organizationId: org,
      actorId: actor.id,
      action: "user.deactivated",
      targetType: "user",
      targetId: userId,
      before: { active: true, version: target.version },
      after: { active: false, newOwnerId: owner?.id ?? null, newAssigneeId: assignee?.id ?? null, reassignedObjects, reassignedWorkflows, reassignedTasks, endedSessions },
      clientAddress: context.clientAddress ?? null,
    });
    return ok({ userId, reassignedObjects, reassignedWorkflows, reassignedTasks, endedSessions });
  });
}
