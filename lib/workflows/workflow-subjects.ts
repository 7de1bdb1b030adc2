import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objectLinks, objects } from "@/db/schema";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, type AccessSubject } from "@/lib/authz/subject";

/** The access facts of a workflow's live subjects (object_links of kind `workflow_subject`), whoever may see them. */
export async function loadSubjectFacts(db: Executor, organizationId: string, workflowId: string): Promise<ObjectAccessFacts[]> {
  const rows = await db
    .select({
      id: objects.id,
      type: objects.type,
      ownerId: objects.ownerId,
      scopeKind: objects.scopeKind,
      scopeSiteIds: objects.scopeSiteIds,
      properties: objects.properties,
    })
    .from(objectLinks)
    .innerJoin(objects, and(eq(objects.id, objectLinks.toObjectId), eq(objects.organizationId, objectLinks.organizationId)))
    .where(
      and(
        eq(objectLinks.organizationId, organizationId),
        eq(objectLinks.fromObjectId, workflowId),
        eq(objectLinks.kind, "workflow_subject"),
        isNull(objects.trashedAt),
      ),
    )
    .orderBy(asc(objects.reference));
  return rows.map((row) => ({ ...row, trashed: false }));
}

/** The ids of the workflow's subjects this user can view (decided in SQL by the predicate). */
export async function visibleSubjectIds(db: Executor, subject: AccessSubject, workflowId: string): Promise<Set<string>> {
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: subject.organizationId, minLevel: "view_no_download" });
  if (filter.never) return new Set();
  const rows = await db
    .select({ id: objects.id })
    .from(objectLinks)
    .innerJoin(objects, and(eq(objects.id, objectLinks.toObjectId), eq(objects.organizationId, objectLinks.organizationId)))
    .where(and(eq(objectLinks.organizationId, subject.organizationId), eq(objectLinks.fromObjectId, workflowId), eq(objectLinks.kind, "workflow_subject"), filter.where));
  return new Set(rows.map((row) => row.id));
}
