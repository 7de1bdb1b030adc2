import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { projectTasks, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { afterTaskCursorSql, decodeTaskCursor, encodeTaskCursor } from "./task-cursor";
import { notAProjectMessage } from "./task-project";
import { listProjectTasksSchema, type ListProjectTasksInput } from "./task-schemas";
import { taskAssigneeJoin, taskViewColumns, toTaskView, type ProjectTaskView } from "./task-view";

export interface ProjectTaskPage {
  items: ProjectTaskView[];
  nextCursor: string | null;
}

/** The tasks of a project the caller can view, in their order (position, then id), one page at a time. */
export async function listProjectTasks(
  db: Executor,
  user: ActingUser,
  input: ListProjectTasksInput,
  context: ObjectReadContext = {},
): Promise<Result<ProjectTaskPage>> {
  const parsed = parseInput(listProjectTasksSchema, input);
  if (!parsed.ok) return parsed;
  const { id, limit, cursor: cursorText } = parsed.data;
  const cursor = cursorText === undefined ? null : decodeTaskCursor(cursorText);
  if (cursorText !== undefined && !cursor) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });
  const authorized = await authorizeObjectRead(db, subjectOf(user), id, "view", context);
  if (!authorized.ok) return authorized;
  if (authorized.data.facts.type !== "project") return fail("not_found", notAProjectMessage);

  const rows = await db
    .select(taskViewColumns)
    .from(projectTasks)
    .leftJoin(users, taskAssigneeJoin)
    .where(and(eq(projectTasks.organizationId, user.organizationId), eq(projectTasks.projectId, id), cursor ? afterTaskCursorSql(cursor) : undefined))
    .orderBy(asc(projectTasks.position), asc(projectTasks.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return ok({
    items: page.map(toTaskView),
    nextCursor: rows.length > limit && last ? encodeTaskCursor({ position: last.position, id: last.id }) : null,
  });
}
