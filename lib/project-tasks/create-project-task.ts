import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { projectTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { assigneeRefusal } from "./task-assignee";
import { projectTaskWrite } from "./task-project";
import { createProjectTaskSchema, type CreateProjectTaskInput } from "./task-schemas";
import { loadTaskView, type ProjectTaskView } from "./task-view";

/** Adds a task to a project (`edit` on the project: Modify, Manager+), after the last one unless a position is given. */
export async function createProjectTask(
  db: Executor,
  user: ActingUser,
  input: CreateProjectTaskInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<ProjectTaskView>> {
  const parsed = parseInput(createProjectTaskSchema, input);
  if (!parsed.ok) return parsed;
  const { id: projectId, title, assigneeId, dueDate, position } = parsed.data;

  return projectTaskWrite(db, user, { projectId, clientAddress: context.clientAddress }, async ({ tx, authorized }) => {
    const refusal = assigneeId ? await assigneeRefusal(tx, user.organizationId, assigneeId, authorized.facts) : null;
    if (refusal) return fail("invalid", "errors.fieldsNeedAttention", { assigneeId: refusal });
    const [created] = await tx
      .insert(projectTasks)
      .values({
        organizationId: user.organizationId,
        projectId,
        title,
        assigneeId: assigneeId ?? null,
        dueDate: dueDate ?? null,
        position:
          position ??
          sql`(select coalesce(max(${projectTasks.position}) + 1, 0) from ${projectTasks} where ${and(
            eq(projectTasks.organizationId, user.organizationId),
            eq(projectTasks.projectId, projectId),
          )})`,
      })
      .returning({ id: projectTasks.id });
    const task = await loadTaskView(tx, user.organizationId, created!.id);
    if (!task) throw new Error("a created task vanished");
    return ok(task);
  });
}
