import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { decideAccess, type ObjectAccessFacts } from "@/lib/authz/decide";
import { roleAllows } from "@/lib/authz/roles";
import { loadAccessSubject, planFor } from "@/lib/authz/subject";
import { listAssignableUsers } from "@/lib/project-tasks/task-assignee";

/** Whether this user may be given a task on every one of these objects (SPEC §4: View, and a Viewer+ role). */
async function mayBeAssignedOn(db: Executor, organizationId: string, userId: string, targets: readonly ObjectAccessFacts[]): Promise<boolean> {
  const subject = await loadAccessSubject(db, organizationId, userId);
  if (!subject) return false;
  const plan = await planFor(db, subject);
  return targets.every((facts) => decideAccess(plan, subject, facts).actions.be_assigned.allowed);
}

async function personOf(db: Executor, organizationId: string, userId: string) {
  const [person] = await db
    .select({ kind: users.kind, active: users.active, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  return person ?? null;
}

/**
 * Why a user cannot be given a task of this workflow (a catalogue key), or null when they can: an active personal
 * account (never a shared-computer or integration account) whose role may hold tasks (Viewer+) and who can view the
 * workflow and every one of its subjects — the revision a signature task signs belongs to one of them.
 */
export async function assigneeRefusal(db: Executor, organizationId: string, userId: string, targets: readonly ObjectAccessFacts[]): Promise<string | null> {
  const person = await personOf(db, organizationId, userId);
  if (!person) return "workflows.fields.assigneeUnknown";
  if (!person.active) return "workflows.fields.assigneeDeactivated";
  if (person.kind !== "person") return "workflows.fields.assigneeAccountKind";
  if (!roleAllows(person.role, "be_assigned_tasks")) return "workflows.fields.assigneeRole";
  return (await mayBeAssignedOn(db, organizationId, userId, targets)) ? null : "workflows.fields.assigneeCannotView";
}

/** Why a user cannot be responsible for this workflow, or null: an active personal Manager or Admin who can view it. */
export async function responsibleRefusal(db: Executor, organizationId: string, userId: string, workflow: ObjectAccessFacts): Promise<string | null> {
  const person = await personOf(db, organizationId, userId);
  if (!person) return "workflows.fields.responsibleUnknown";
  if (!person.active) return "workflows.fields.responsibleDeactivated";
  if (person.kind !== "person" || !roleAllows(person.role, "manage_workflows")) return "workflows.fields.responsibleRole";
  return (await mayBeAssignedOn(db, organizationId, userId, [workflow])) ? null : "workflows.fields.responsibleCannotView";
}

/**
 * The people a task of this workflow may be given to (see assigneeRefusal), by name, for the task forms: never a
 * shared-computer account. Those who can be assigned on the workflow are found as for a project's tasks, then kept
 * only if they can view its subjects too.
 */
export async function listWorkflowAssignees(db: Executor, organizationId: string, workflow: ObjectAccessFacts, subjects: readonly ObjectAccessFacts[]) {
  const onWorkflow = await listAssignableUsers(db, organizationId, workflow);
  if (subjects.length === 0) return onWorkflow;
  const kept: typeof onWorkflow = [];
  for (const person of onWorkflow) if (await mayBeAssignedOn(db, organizationId, person.id, subjects)) kept.push(person);
  return kept;
}
