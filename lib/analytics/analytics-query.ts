import type { ChartId } from "./analytics-data";
import type { UsageSortKey } from "./analytics-input";
import type { AnalyticsRequest } from "./analytics-request";

/**
 * The URL query of a resolved request — what a shared link, a sort header or a chart's CSV link carries: the preset,
 * or the dates of a custom range; the grain; the site; the usage order.
 */
export function analyticsQuery(request: AnalyticsRequest, change: { sort?: UsageSortKey; order?: "asc" | "desc"; chart?: ChartId } = {}): string {
  const { period, scope, order } = request;
  const params = new URLSearchParams();
  if (period.preset === "custom") {
    params.set("from", period.from);
    params.set("to", period.to);
  } else {
    params.set("preset", period.preset);
  }
  params.set("grain", period.grain);
  if (scope.siteId) params.set("siteId", scope.siteId);
  params.set("sort", change.sort ?? order.sort);
  params.set("order", change.order ?? order.order);
  if (change.chart) params.set("chart", change.chart);
  return params.toString();
}
