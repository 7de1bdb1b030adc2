import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { projectTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { projectOfTask, projectTaskWrite, staleTaskMessage, taskNotFoundMessage } from "./task-project";
import { deleteProjectTaskSchema, type DeleteProjectTaskInput } from "./task-schemas";

/** Deletes a project task for good (`edit` on its project); `version`, when given, refuses a delete made on a stale view. */
export async function deleteProjectTask(
  db: Executor,
  user: ActingUser,
  input: DeleteProjectTaskInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<{ id: string; projectId: string }>> {
  const parsed = parseInput(deleteProjectTaskSchema, input);
  if (!parsed.ok) return parsed;
  const { taskId, version } = parsed.data;
  const projectId = await projectOfTask(db, user.organizationId, taskId);
  if (!projectId) return fail("not_found", taskNotFoundMessage);

  return projectTaskWrite(db, user, { projectId, clientAddress: context.clientAddress }, async ({ tx }) => {
    const where = and(eq(projectTasks.id, taskId), eq(projectTasks.organizationId, user.organizationId), eq(projectTasks.projectId, projectId));
    const [current] = await tx.select({ version: projectTasks.version }).from(projectTasks).where(where).for("update");
    if (!current) return fail("not_found", taskNotFoundMessage);
    if (version !== undefined && current.version !== version) return fail("conflict", staleTaskMessage);
    await tx.delete(projectTasks).where(where);
    return ok({ id: taskId, projectId });
  });
}
