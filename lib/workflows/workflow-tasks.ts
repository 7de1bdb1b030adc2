import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { workflowTasks } from "@/db/schema";
import { isUuid } from "@/lib/validation/uuid";

/** The workflow a task belongs to, within the organisation (the gate's target for task routes); null for no such task. */
export async function workflowOfTask(db: Executor, organizationId: string, taskId: string): Promise<string | null> {
  if (!isUuid(taskId)) return null;
  const [row] = await db
    .select({ workflowId: workflowTasks.workflowId })
    .from(workflowTasks)
    .where(and(eq(workflowTasks.id, taskId), eq(workflowTasks.organizationId, organizationId)));
  return row?.workflowId ?? null;
}

/** A task locked for its completion, within its workflow. */
export async function lockTask(tx: Executor, organizationId: string, workflowId: string, taskId: string) {
  const [task] = await tx
    .select({
      id: workflowTasks.id,
      kind: workflowTasks.kind,
      title: workflowTasks.title,
      assigneeId: workflowTasks.assigneeId,
      status: workflowTasks.status,
      revisionId: workflowTasks.revisionId,
      version: workflowTasks.version,
    })
    .from(workflowTasks)
    .where(and(eq(workflowTasks.id, taskId), eq(workflowTasks.organizationId, organizationId), eq(workflowTasks.workflowId, workflowId)))
    .for("update");
  return task ?? null;
}
