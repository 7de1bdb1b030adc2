import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { projectTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { assigneeRefusal } from "./task-assignee";
import { projectOfTask, projectTaskWrite, staleTaskMessage, taskNotFoundMessage } from "./task-project";
import { updateProjectTaskSchema, type UpdateProjectTaskInput } from "./task-schemas";
import { loadTaskView, type ProjectTaskView } from "./task-view";

/**
 * Edits a project task — title, assignee, due date, done or not, position — under `edit` on its project. The task's
 * version must be the one the editor read (a stale edit is refused, never merged); an edit that changes nothing
 * writes nothing. Marking a task done records when; undoing it clears that.
 */
export async function updateProjectTask(
  db: Executor,
  user: ActingUser,
  input: UpdateProjectTaskInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<ProjectTaskView>> {
  const parsed = parseInput(updateProjectTaskSchema, input);
  if (!parsed.ok) return parsed;
  const { taskId, version, title, assigneeId, dueDate, done, position } = parsed.data;
  const projectId = await projectOfTask(db, user.organizationId, taskId);
  if (!projectId) return fail("not_found", taskNotFoundMessage);

  return projectTaskWrite(db, user, { projectId, clientAddress: context.clientAddress }, async ({ tx, authorized }) => {
    const [current] = await tx
      .select()
      .from(projectTasks)
      .where(and(eq(projectTasks.id, taskId), eq(projectTasks.organizationId, user.organizationId), eq(projectTasks.projectId, projectId)))
      .for("update");
    if (!current) return fail("not_found", taskNotFoundMessage);
    if (current.version !== version) return fail("conflict", staleTaskMessage);

    const changes: Partial<typeof projectTasks.$inferInsert> = {};
    if (title !== undefined && title !== current.title) changes.title = title;
    if (assigneeId !== undefined && assigneeId !== current.assigneeId) {
      const refusal = assigneeId ? await assigneeRefusal(tx, user.organizationId, assigneeId, authorized.facts) : null;
      if (refusal) return fail("invalid", "errors.fieldsNeedAttention", { assigneeId: refusal });
      changes.assigneeId = assigneeId;
    }
    if (dueDate !== undefined && dueDate !== current.dueDate) changes.dueDate = dueDate;
    if (done !== undefined && done !== (current.doneAt !== null)) changes.doneAt = done ? new Date() : null;
    if (position !== undefined && position !== current.position) changes.position = position;

    if (Object.keys(changes).length > 0) {
      await tx
        .update(projectTasks)
        .set({ ...changes, version: sql`${projectTasks.version} + 1`, updatedAt: new Date() })
        .where(eq(projectTasks.id, taskId));
    }
    const task = await loadTaskView(tx, user.organizationId, taskId);
    if (!task) throw new Error("an edited task vanished");
    return ok(task);
  });
}
