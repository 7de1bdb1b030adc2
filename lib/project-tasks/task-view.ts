import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { projectTasks, users } from "@/db/schema";

/** A project task as the API answers it, with its row version for optimistic concurrency. */
export interface ProjectTaskView {
  id: string;
  projectId: string;
  title: string;
  assignee: { id: string; name: string; active: boolean } | null;
  dueDate: string | null;
  done: boolean;
  doneAt: string | null;
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const taskViewColumns = {
  id: projectTasks.id,
  projectId: projectTasks.projectId,
  title: projectTasks.title,
  assigneeId: users.id,
  assigneeName: users.name,
  assigneeActive: users.active,
  dueDate: projectTasks.dueDate,
  doneAt: projectTasks.doneAt,
  position: projectTasks.position,
  version: projectTasks.version,
  createdAt: projectTasks.createdAt,
  updatedAt: projectTasks.updatedAt,
};

/** The assignee, joined within the organisation (the foreign key includes it too). */
export const taskAssigneeJoin = and(eq(users.id, projectTasks.assigneeId), eq(users.organizationId, projectTasks.organizationId));

interface TaskViewRow {
  id: string;
  projectId: string;
  title: string;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeActive: boolean | null;
  dueDate: string | null;
  doneAt: Date | null;
  position: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function toTaskView(row: TaskViewRow): ProjectTaskView {
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    assignee: row.assigneeId && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName, active: row.assigneeActive ?? false } : null,
    dueDate: row.dueDate,
    done: row.doneAt !== null,
    doneAt: row.doneAt ? new Date(row.doneAt).toISOString() : null,
    position: row.position,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** One task of the organisation, as the API shows it. */
export async function loadTaskView(db: Executor, organizationId: string, taskId: string): Promise<ProjectTaskView | null> {
  const [row] = await db
    .select(taskViewColumns)
    .from(projectTasks)
    .leftJoin(users, taskAssigneeJoin)
    .where(and(eq(projectTasks.id, taskId), eq(projectTasks.organizationId, organizationId)));
  return row ? toTaskView(row) : null;
}
