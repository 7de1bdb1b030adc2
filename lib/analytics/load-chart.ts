import "server-only";
import { getDb, type Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { ChartData, ChartId } from "./analytics-data";
import type { AnalyticsRequest } from "./analytics-request";
import { documentActivity } from "./document-activity";
import { inProgress } from "./in-progress";
import { taskWait, workflowCycleTime } from "./process-health";
import { projectCompletion } from "./project-completion";
import { usage, usageTableUsers } from "./usage";
import { workflowBreakdown } from "./workflow-breakdown";

/**
 * One chart's data for a resolved request. `whole` is for the CSV export: every row (the page's usage table shows the
 * first 100 users).
 */
export function loadChart(db: Executor, user: ActingUser, request: AnalyticsRequest, id: ChartId, whole = false): Promise<ChartData> {
  const { scope, period } = request;
  switch (id) {
    case "documents":
      return documentActivity(db, user, scope, period);
    case "inProgress":
      return inProgress(db, user, scope, period);
    case "workflows":
      return workflowBreakdown(db, user, scope, period);
    case "projects":
      return projectCompletion(db, user, scope, period);
    case "usage":
      return usage(db, user, scope, period, request.order, whole ? null : usageTableUsers);
    case "cycleTime":
      return workflowCycleTime(db, user, scope, period);
    case "taskWait":
      return taskWait(db, user, scope, period);
  }
}

/** The same for a page's streamed section, which has no database handle of its own. */
export async function loadChartForPage(user: ActingUser, request: AnalyticsRequest, id: ChartId): Promise<ChartData> {
  return loadChart(await getDb(), user, request, id);
}
