import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  documentRevisions,
  manufacturingOrders,
  objects,
  parts,
  products,
  projects,
  projectTasks,
  sites,
  teams,
  users,
  workflows,
  type ObjectType,
} from "@/db/schema";
import type { AccessSubject } from "@/lib/authz/subject";
import { visibleObjectIds } from "@/lib/objects/visible-object-ids";
import type { ObjectDetails, OrderProduct, ProjectProgress, TypeDetails } from "./object-details-view";
import { nextOrderStatuses } from "./order-moves";

const iso = (instant: Date | null) => (instant ? new Date(instant).toISOString() : null);

/** Done tasks over all tasks of a project, in whole percent rounded down; null when it has no task. */
export function projectProgress(total: number, done: number): ProjectProgress {
  return { total, done, completion: total === 0 ? null : Math.floor((done * 100) / total) };
}

/** A project's progress; callers decide access to the project first. */
export async function loadProjectProgress(db: Executor, organizationId: string, projectId: string): Promise<ProjectProgress> {
  const [row] = await db
    .select({ total: count(), done: count(projectTasks.doneAt) })
    .from(projectTasks)
    .where(and(eq(projectTasks.organizationId, organizationId), eq(projectTasks.projectId, projectId)));
  return projectProgress(row?.total ?? 0, row?.done ?? 0);
}

/** The product an order makes, as this reader may know it: reference and title only if they can view it. */
async function orderProduct(db: Executor, subject: AccessSubject, productId: string | null): Promise<OrderProduct | null> {
  if (!productId) return null;
  if (!(await visibleObjectIds(db, subject, "product", [productId])).has(productId)) return { visible: false };
  const [row] = await db
    .select({ id: objects.id, reference: objects.reference, title: objects.title })
    .from(objects)
    .where(and(eq(objects.id, productId), eq(objects.organizationId, subject.organizationId)));
  return row ? { visible: true, ...row } : { visible: false };
}

async function loadTypeDetails(db: Executor, subject: AccessSubject, id: string, type: ObjectType): Promise<TypeDetails | null> {
  const organizationId = subject.organizationId;
  switch (type) {
    case "part": {
      const [row] = await db
        .select({ status: parts.status, unit: parts.unit, material: parts.material })
        .from(parts)
        .where(and(eq(parts.objectId, id), eq(parts.organizationId, organizationId)));
      return row ? { type, ...row } : null;
    }
    case "product": {
      const [row] = await db
        .select({ status: products.status, statusChangedAt: products.statusChangedAt })
        .from(products)
        .where(and(eq(products.objectId, id), eq(products.organizationId, organizationId)));
      return row ? { type, status: row.status, statusChangedAt: iso(row.statusChangedAt)! } : null;
    }
    case "project": {
      const [row] = await db
        .select({
          status: projects.status,
          teamId: teams.id,
          teamName: teams.name,
          startDate: projects.startDate,
          dueDate: projects.dueDate,
        })
        .from(projects)
        .leftJoin(teams, and(eq(teams.id, projects.teamId), eq(teams.organizationId, projects.organizationId)))
        .where(and(eq(projects.objectId, id), eq(projects.organizationId, organizationId)));
      if (!row) return null;
      return {
        type,
        status: row.status,
        team: row.teamId && row.teamName !== null ? { id: row.teamId, name: row.teamName } : null,
        startDate: row.startDate,
        dueDate: row.dueDate,
        tasks: await loadProjectProgress(db, organizationId, id),
      };
    }
    case "manufacturing_order": {
      const [row] = await db
        .select({
          status: manufacturingOrders.status,
          productId: manufacturingOrders.productObjectId,
          quantity: manufacturingOrders.quantity,
          siteId: sites.id,
          siteName: sites.name,
          siteArchivedAt: sites.archivedAt,
          plannedStart: manufacturingOrders.plannedStart,
          plannedEnd: manufacturingOrders.plannedEnd,
          startedAt: manufacturingOrders.startedAt,
          finishedAt: manufacturingOrders.finishedAt,
        })
        .from(manufacturingOrders)
        .leftJoin(sites, and(eq(sites.id, manufacturingOrders.siteId), eq(sites.organizationId, manufacturingOrders.organizationId)))
        .where(and(eq(manufacturingOrders.objectId, id), eq(manufacturingOrders.organizationId, organizationId)));
      if (!row) return null;
      return {
        type,
        status: row.status,
        nextStatuses: nextOrderStatuses(row.status),
        product: await orderProduct(db, subject, row.productId),
        quantity: row.quantity,
        site: row.siteId && row.siteName !== null ? { id: row.siteId, name: row.siteName, archived: row.siteArchivedAt !== null } : null,
        plannedStart: row.plannedStart,
        plannedEnd: row.plannedEnd,
        startedAt: iso(row.startedAt),
        finishedAt: iso(row.finishedAt),
      };
    }
    case "document": {
      const revisions = and(eq(documentRevisions.objectId, id), eq(documentRevisions.organizationId, organizationId));
      const [[latest], [counted]] = await Promise.all([
        db
          .select({ label: documentRevisions.label, status: documentRevisions.status })
          .from(documentRevisions)
          .where(revisions)
          .orderBy(desc(documentRevisions.sequence))
          .limit(1),
        db.select({ n: count() }).from(documentRevisions).where(revisions),
      ]);
      return { type, currentRevision: latest ?? null, revisionCount: counted?.n ?? 0 };
    }
    case "workflow": {
      const [row] = await db
        .select({ kind: workflows.kind, status: workflows.status, responsibleId: users.id, responsibleName: users.name })
        .from(workflows)
        .innerJoin(users, and(eq(users.id, workflows.responsibleId), eq(users.organizationId, workflows.organizationId)))
        .where(and(eq(workflows.objectId, id), eq(workflows.organizationId, organizationId)));
      return row ? { type, kind: row.kind, status: row.status, responsible: { id: row.responsibleId, name: row.responsibleName } } : null;
    }
  }
}

/**
 * The details of one object whose access the caller already decided, with the object's version. Null when the
 * type's row is missing (an object inserted without its details, which object creation never does).
 */
export async function loadObjectDetails(db: Executor, subject: AccessSubject, object: { id: string; type: ObjectType }): Promise<ObjectDetails | null> {
  const [[versioned], details] = await Promise.all([
    db
      .select({ version: objects.version })
      .from(objects)
      .where(and(eq(objects.id, object.id), eq(objects.organizationId, subject.organizationId))),
    loadTypeDetails(db, subject, object.id, object.type),
  ]);
  return versioned && details ? { id: object.id, version: versioned.version, ...details } : null;
}
