import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import { chartIds, type ChartData } from "./analytics-data";
import type { AnalyticsFiltersInput } from "./analytics-input";
import type { AnalyticsBucket } from "./analytics-periods";
import { resolveAnalyticsRequest } from "./analytics-request";
import type { AnalyticsSite } from "./analytics-scope";
import { loadChart } from "./load-chart";

/** The whole dashboard, as `GET /api/v1/analytics` answers it. */
export interface AnalyticsView {
  period: { from: string; to: string; grain: string; preset: string; timeZone: string; previous: { from: string; to: string }; buckets: AnalyticsBucket[] };
  site: { id: string | null; choices: AnalyticsSite[] };
  charts: ChartData[];
}

/** Every chart of the dashboard for the filters, each query run as soon as the request is resolved. */
export async function getAnalytics(db: Executor, user: ActingUser, input: AnalyticsFiltersInput, now = new Date()): Promise<Result<AnalyticsView>> {
  const resolved = await resolveAnalyticsRequest(db, user, input, now);
  if (!resolved.ok) return resolved;
  const request = resolved.data;
  const charts = await Promise.all(chartIds.map((id) => loadChart(db, user, request, id)));
  const { period, scope } = request;
  return ok({
    period: {
      from: period.from,
      to: period.to,
      grain: period.grain,
      preset: period.preset,
      timeZone: period.timeZone,
      previous: period.previous,
      buckets: period.buckets,
    },
    site: { id: scope.siteId, choices: scope.choices },
    charts,
  });
}
