import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, projectTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { guardedObjectWrite, type GuardedWriteContext } from "@/lib/objects/guarded-object-write";
import { fail, type Result } from "@/lib/result";
import { isUuid } from "@/lib/validation/uuid";

export const notAProjectMessage = "details.tasks.notAProject";
export const taskNotFoundMessage = "details.tasks.notFound";
export const staleTaskMessage = "details.tasks.stale";

/** The project a task belongs to, within the organisation (the gate's target for task routes); null for no such task. */
export async function projectOfTask(db: Executor, organizationId: string, taskId: string): Promise<string | null> {
  if (!isUuid(taskId)) return null;
  const [row] = await db
    .select({ projectId: projectTasks.projectId })
    .from(projectTasks)
    .where(and(eq(projectTasks.id, taskId), eq(projectTasks.organizationId, organizationId)));
  return row?.projectId ?? null;
}

/**
 * Runs a write on a project's tasks under the project's `edit` decision, made again in the transaction: the project
 * row is read FOR SHARE under the guard (visibility at Modify, repeated in SQL), so a scope or rule change cannot
 * slip between the decision and the write, while the project's own version — which title and detail edits state —
 * is left alone: tasks carry their own.
 */
export function projectTaskWrite<T>(
  db: Executor,
  user: ActingUser,
  options: { projectId: string; clientAddress?: string | null },
  write: (context: GuardedWriteContext) => Promise<Result<T>>,
): Promise<Result<T>> {
  return guardedObjectWrite(db, user, { objectId: options.projectId, action: "edit", clientAddress: options.clientAddress }, async (context) => {
    if (context.authorized.facts.type !== "project") return fail("not_found", notAProjectMessage);
    const [held] = await context.tx.select({ id: objects.id }).from(objects).where(context.where).for("share");
    if (!held) return null;
    return write(context);
  });
}
