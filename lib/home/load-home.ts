import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { activityEvents, objects, objectVisits, projectTasks, users, workflowTasks, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { roleAllows } from "@/lib/authz/roles";
import { planFor, subjectOf } from "@/lib/authz/subject";

export interface HomeObject {
  id: string;
  type: ObjectType;
  reference: string;
  title: string;
}

export interface HomeRecent extends HomeObject {
  at: Date;
}

export interface HomeChange extends HomeObject {
  eventId: string;
  kind: string;
  actorName: string | null;
  at: Date;
}

export interface HomeTask {
  id: string;
  source: "project" | "workflow";
  title: string;
  dueDate: string | null;
  /** The due date is before today in the organisation's time zone. */
  overdue: boolean;
  object: HomeObject;
}

export interface Home {
  recent: HomeRecent[];
  changes: HomeChange[];
  /** Null for roles that are never assigned tasks (shared computers): the section is not shown. */
  tasks: HomeTask[] | null;
}

const recentCount = 8;
const changeCount = 12;
const taskCount = 20;

const objectColumns = { id: objects.id, type: objects.type, reference: objects.reference, title: objects.title };

/**
 * The workspace home of one user: the objects they recently opened or changed, what changed lately in what they can
 * see, and their open tasks. Every list joins `objects` under the visibility predicate, so an object they can no
 * longer see (scope, rules, trash) drops out of all three.
 */
export async function loadHome(db: Executor, user: ActingUser): Promise<Home> {
  const subject = subjectOf(user);
  const visible = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: user.organizationId, minLevel: "view_no_download" });
  if (visible.never) return { recent: [], changes: [], tasks: roleAllows(user.role, "be_assigned_tasks") ? [] : null };

  const mine = sql`(
    (select ${objectVisits.objectId} as object_id, ${objectVisits.visitedAt} as at from ${objectVisits}
      where ${objectVisits.userId} = ${user.id} order by ${objectVisits.visitedAt} desc limit 50)
    union all
    (select ${activityEvents.objectId}, ${activityEvents.occurredAt} from ${activityEvents}
      where ${activityEvents.organizationId} = ${user.organizationId} and ${activityEvents.actorId} = ${user.id}
      order by ${activityEvents.occurredAt} desc limit 50)
  ) as mine`;
  const recentRows = db
    .select({ ...objectColumns, at: sql<Date>`max(mine.at)`.mapWith((value: string | Date) => new Date(value)) })
    .from(mine)
    .innerJoin(objects, sql`${objects.id} = mine.object_id`)
    .where(visible.where)
    .groupBy(objects.id)
    .orderBy(sql`max(mine.at) desc`)
    .limit(recentCount);

  const changeRows = db
    .select({ ...objectColumns, eventId: activityEvents.id, kind: activityEvents.kind, actorName: users.name, at: activityEvents.occurredAt })
    .from(activityEvents)
    .innerJoin(objects, eq(objects.id, activityEvents.objectId))
    .leftJoin(users, eq(users.id, activityEvents.actorId))
    .where(and(eq(activityEvents.organizationId, user.organizationId), visible.where))
    .orderBy(desc(activityEvents.occurredAt))
    .limit(changeCount);

  const [recent, changes, tasks] = await Promise.all([recentRows, changeRows, roleAllows(user.role, "be_assigned_tasks") ? openTasks(db, user, visible.where) : null]);
  return { recent, changes, tasks };
}

/** Today's date (YYYY-MM-DD) in the time zone: due dates are calendar days of the organisation. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

async function openTasks(db: Executor, user: ActingUser, visible: ReturnType<typeof and>): Promise<HomeTask[]> {
  const [project, workflow] = await Promise.all([
    db
      .select({ id: projectTasks.id, title: projectTasks.title, dueDate: projectTasks.dueDate, object: objectColumns })
      .from(projectTasks)
      .innerJoin(objects, eq(objects.id, projectTasks.projectId))
      .where(and(eq(projectTasks.organizationId, user.organizationId), eq(projectTasks.assigneeId, user.id), isNull(projectTasks.doneAt), visible))
      .orderBy(sql`${projectTasks.dueDate} asc nulls last`)
      .limit(taskCount),
    db
      .select({ id: workflowTasks.id, title: workflowTasks.title, dueDate: workflowTasks.dueDate, object: objectColumns })
      .from(workflowTasks)
      .innerJoin(objects, eq(objects.id, workflowTasks.workflowId))
      .where(and(eq(workflowTasks.organizationId, user.organizationId), eq(workflowTasks.assigneeId, user.id), eq(workflowTasks.status, "open"), visible))
      .orderBy(sql`${workflowTasks.dueDate} asc nulls last`)
      .limit(taskCount),
  ]);
  const today = todayIn(user.timeZone);
  const overdue = (dueDate: string | null) => dueDate !== null && dueDate < today;
  return [
    ...project.map((task) => ({ ...task, source: "project" as const, overdue: overdue(task.dueDate) })),
    ...workflow.map((task) => ({ ...task, source: "workflow" as const, overdue: overdue(task.dueDate) })),
  ]
    .sort((a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"))
    .slice(0, taskCount);
}
