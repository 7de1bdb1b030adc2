import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { objects, users, workflows } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObject } from "@/lib/authz/object-access";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { afterCursorSql, cursorInstantSql, decodeObjectCursor, encodeObjectCursor } from "@/lib/objects/object-cursor";
import { invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { listWorkflowsSchema, type ListWorkflowsInput } from "./workflow-schemas";
import type { WorkflowSummary } from "./workflow-view";

const responsible = alias(users, "responsible");

export interface WorkflowPage {
  items: WorkflowSummary[];
  nextCursor: string | null;
}

/**
 * The workflows the caller can view, newest first, one page at a time, decided in SQL by the predicate; `kind`,
 * `status` and `objectId` (workflows about that object, which the caller must be able to view: else not_found)
 * narrow the list.
 */
export async function listWorkflows(db: Executor, user: ActingUser, input: ListWorkflowsInput, context: { clientAddress?: string | null } = {}): Promise<Result<WorkflowPage>> {
  const parsed = parseInput(listWorkflowsSchema, input);
  if (!parsed.ok) return parsed;
  const { kind, status, objectId, limit, cursor: cursorText } = parsed.data;
  const cursor = cursorText === undefined ? null : decodeObjectCursor(cursorText);
  if (cursorText !== undefined && !cursor) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });
  const subject = subjectOf(user);
  if (objectId) {
    const about = await authorizeObject(db, subject, objectId, "view", context);
    if (!about.ok) return about;
  }
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: user.organizationId, minLevel: "view_no_download", type: "workflow" });
  if (filter.never) return ok({ items: [], nextCursor: null });

  const rows = await db
    .select({
      id: objects.id,
      reference: objects.reference,
      title: objects.title,
      version: objects.version,
      createdAt: objects.createdAt,
      updatedAt: objects.updatedAt,
      cursorInstant: cursorInstantSql,
      kind: workflows.kind,
      status: workflows.status,
      responsibleId: responsible.id,
      responsibleName: responsible.name,
      openTaskCount: sql<number>`(select count(*)::int from workflow_tasks t where t.workflow_id = ${objects.id} and t.organization_id = ${objects.organizationId} and t.status = 'open')`,
    })
    .from(objects)
    .innerJoin(workflows, and(eq(workflows.objectId, objects.id), eq(workflows.organizationId, objects.organizationId)))
    .innerJoin(responsible, and(eq(responsible.id, workflows.responsibleId), eq(responsible.organizationId, workflows.organizationId)))
    .where(
      and(
        filter.where,
        kind ? eq(workflows.kind, kind) : undefined,
        status ? eq(workflows.status, status) : undefined,
        objectId
          ? sql`exists (select 1 from object_links l where l.from_object_id = ${objects.id} and l.organization_id = ${objects.organizationId} and l.kind = 'workflow_subject' and l.to_object_id = ${objectId})`
          : undefined,
        cursor ? afterCursorSql(cursor) : undefined,
      ),
    )
    .orderBy(desc(objects.createdAt), desc(objects.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return ok({
    items: page.map((row) => ({
      id: row.id,
      reference: row.reference,
      title: row.title,
      kind: row.kind,
      status: row.status,
      responsible: { id: row.responsibleId, name: row.responsibleName },
      openTaskCount: row.openTaskCount,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      version: row.version,
    })),
    nextCursor: rows.length > limit && last ? encodeObjectCursor({ createdAt: last.cursorInstant, id: last.id }) : null,
  });
}
