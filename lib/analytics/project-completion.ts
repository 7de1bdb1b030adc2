import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { objects, projects, projectTasks, teams } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { addDays } from "./calendar-days";
import type { AnalyticsPeriod } from "./analytics-periods";
import { countedObjectsSql, type AnalyticsScope } from "./analytics-scope";
import type { ChartData } from "./analytics-data";
import { dayStartSql } from "./period-sql";

interface TeamCompletion {
  team: string | null;
  projects: number;
  tasks: number;
  done: number;
}

/** Per team, at an instant: the projects created by then, their tasks created by then and those done by then. */
async function completionAt(db: Executor, counted: SQL, organizationId: string, at: SQL): Promise<TeamCompletion[]> {
  return rowsOf<TeamCompletion>(
    await db.execute(sql`
      select ${teams.name} as team, count(distinct ${projects.objectId})::int as projects,
        count(${projectTasks.id})::int as tasks, count(${projectTasks.id}) filter (where ${projectTasks.doneAt} < ${at})::int as done
      from ${projects}
      join ${objects} on ${objects.id} = ${projects.objectId} and ${objects.organizationId} = ${projects.organizationId}
      left join ${teams} on ${teams.id} = ${projects.teamId} and ${teams.organizationId} = ${projects.organizationId}
      left join ${projectTasks} on ${projectTasks.projectId} = ${projects.objectId} and ${projectTasks.organizationId} = ${organizationId}
        and ${projectTasks.createdAt} < ${at}
      where ${counted} and ${objects.createdAt} < ${at}
      group by ${teams.name}
      order by ${teams.name} nulls last`),
  );
}

function rate(done: number, tasks: number): number {
  return tasks === 0 ? 0 : Math.round((done / tasks) * 1000) / 10;
}

function overall(rows: TeamCompletion[]): number {
  return rate(
    rows.reduce((sum, row) => sum + Number(row.done), 0),
    rows.reduce((sum, row) => sum + Number(row.tasks), 0),
  );
}

/**
 * Project completion by team at the end of the period — done tasks over all tasks of the team's projects the viewer
 * may see — against the same at the end of the previous period. A project with no team is counted under "no team".
 */
export async function projectCompletion(db: Executor, user: ActingUser, scope: AnalyticsScope, period: AnalyticsPeriod): Promise<ChartData> {
  const counted = await countedObjectsSql(db, user, scope, "project");
  const [now, before] = counted
    ? await Promise.all([
        completionAt(db, counted, user.organizationId, dayStartSql(addDays(period.to, 1), period.timeZone)),
        completionAt(db, counted, user.organizationId, dayStartSql(period.from, period.timeZone)),
      ])
    : [[], []];
  return {
    id: "projects",
    figures: { rate: { value: overall(now), previous: overall(before) } },
    columns: ["team", "projects", "tasks", "done", "rate"],
    rows: now.map((row) => [row.team, Number(row.projects), Number(row.tasks), Number(row.done), rate(Number(row.done), Number(row.tasks))]),
  };
}
