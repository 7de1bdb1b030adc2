import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Locale } from "@/lib/i18n/locales";
import { renderMessage } from "@/lib/i18n/render-error";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { chartIds } from "./analytics-data";
import { analyticsFiltersFields } from "./analytics-input";
import { resolveAnalyticsRequest } from "./analytics-request";
import { chartCsv } from "./chart-csv";
import { loadChart } from "./load-chart";

const exportFields = analyticsFiltersFields.extend({ chart: z.enum(chartIds, "analytics.errors.chart") });
export const exportChartSchema = withoutEmptyParameters(exportFields);
export type ExportChartInput = z.input<typeof exportFields>;

export interface ChartExport {
  fileName: string;
  csv: string;
}

/**
 * One chart's whole table as CSV, for the same filters as the page (every row: the usage table's users beyond the
 * first 100 too). Audited: who exported which chart with which filters.
 */
export async function exportChart(
  db: Executor,
  user: ActingUser,
  input: ExportChartInput,
  context: { locale: Locale; clientAddress: string | null },
): Promise<Result<ChartExport>> {
  const parsed = parseInput(exportChartSchema, input);
  if (!parsed.ok) return parsed;
  const { chart: id, ...filters } = parsed.data;
  const resolved = await resolveAnalyticsRequest(db, user, filters);
  if (!resolved.ok) return resolved;
  const { period, scope } = resolved.data;
  const chart = await loadChart(db, user, resolved.data, id, true);
  await recordAudit(db, {
    organizationId: user.organizationId,
    actorId: user.id,
    action: "analytics.export",
    targetType: "analytics_chart",
    targetId: id,
    after: { from: period.from, to: period.to, grain: period.grain, siteId: scope.siteId, rows: chart.rows.length },
    clientAddress: context.clientAddress,
  });
  const csv = chartCsv(chart, (column) => renderMessage(context.locale, `analytics.columns.${column}`));
  return ok({ fileName: `analytics-${id}-${period.from}-${period.to}.csv`, csv });
}
