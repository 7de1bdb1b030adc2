import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { notifyUsers } from "./notify-users";

/** Tasks noticed per run: a backlog (the first run on an old database) drains over a few runs. */
const batchSize = 500;

interface PassedTask {
  organizationId: string;
  taskId: string;
  workflowId: string;
  assigneeId: string;
  title: string;
  dueDate: string;
}

/**
 * Notifies the assignee of each open task of a running workflow whose due date has passed — the day after it, in the
 * organisation's time zone — once per task: the task's row in `task_due_notices` is written in the same transaction
 * as its notifications, so a task is noticed once whichever instance runs the job, and again never (a due date moved
 * later does not re-arm it). Answers how many tasks were noticed.
 */
export async function notifyPassedDueDates(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with noticed as (
        insert into task_due_notices (organization_id, task_id)
        select t.organization_id, t.id
        from workflow_tasks t
        join workflows w on w.object_id = t.workflow_id and w.organization_id = t.organization_id
        join organizations o on o.id = t.organization_id
        where t.status = 'open' and t.assignee_id is not null and t.due_date is not null and w.status = 'in_progress'
          and t.due_date < (now() at time zone o.time_zone)::date
          and not exists (select 1 from task_due_notices n where n.task_id = t.id)
        limit ${batchSize}
        on conflict do nothing
        returning task_id
      )
      select t.organization_id as "organizationId", t.id as "taskId", t.workflow_id as "workflowId",
        t.assignee_id as "assigneeId", t.title, t.due_date::text as "dueDate"
      from workflow_tasks t join noticed on noticed.task_id = t.id`);
    const tasks = rowsOf<PassedTask>(result);
    for (const task of tasks) {
      await notifyUsers(tx, {
        organizationId: task.organizationId,
        recipientIds: [task.assigneeId],
        kind: "task_due",
        objectId: task.workflowId,
        data: { taskId: task.taskId, title: task.title, dueDate: task.dueDate },
        actorId: null,
      });
    }
    return tasks.length;
  });
}
