import { getLocale, getTranslations } from "next-intl/server";
import type { Cell, ChartData, ChartId } from "@/lib/analytics/analytics-data";
import { analyticsQuery } from "@/lib/analytics/analytics-query";
import type { AnalyticsRequest } from "@/lib/analytics/analytics-request";
import { loadChartForPage } from "@/lib/analytics/load-chart";
import type { ActingUser } from "@/lib/auth/acting-user";
import { AnalyticsChart } from "./analytics-chart";
import { cellWriter } from "./chart-cells";
import { chartConfigs } from "./chart-config";
import { ChartMenu } from "./chart-menu";
import { ChartTable } from "./chart-table";
import { FigureList } from "./figure-list";
import { UsageTable } from "./usage-table";

function isEmpty(chart: ChartData): boolean {
  return chart.rows.every((row) => row.slice(1).every((cell) => typeof cell !== "number" || cell === 0));
}

function plotOf(chart: ChartData, columns: string[] | undefined): { columns: string[]; rows: Cell[][] } {
  if (chart.plot) return chart.plot;
  if (!columns) return chart;
  const at = columns.map((column) => chart.columns.indexOf(column));
  return { columns, rows: chart.rows.map((row) => at.map((index) => row[index] ?? null)) };
}

/** One chart of the dashboard: loads its data (the page streams it in its own Suspense boundary) and draws its card. */
export async function ChartSection({ user, request, id }: { user: ActingUser; request: AnalyticsRequest; id: ChartId }) {
  const [chart, t, locale, cells] = await Promise.all([
    loadChartForPage(user, request, id),
    getTranslations("analytics"),
    getLocale(),
    cellWriter(request.period.grain),
  ]);
  const config = chartConfigs[id];
  const title = t(`charts.${id}.title`);
  const empty = isEmpty(chart);
  const plot = plotOf(chart, config.plotColumns);
  const [indexColumn = "", ...categoryColumns] = plot.columns;
  const data = plot.rows.map((row) =>
    Object.fromEntries(plot.columns.map((column, index) => [cells.heading(column), index === 0 ? cells.text(column, row[0] ?? null) : (row[index] ?? 0)])),
  );
  const unit = config.unit ? t(`units.${config.unit}`, { value: "" }).trim() : undefined;
  const figures = Object.entries(config.figures).map(([key, figureUnit]) => ({
    key,
    label: t(`figures.${key}` as Parameters<typeof t>[0]),
    figure: chart.figures[key] ?? { value: 0, previous: null },
    unit: figureUnit,
  }));
  const caption = t("table.caption", { title });
  return (
    <section aria-labelledby={`chart-${id}`} className={`min-w-0 rounded-lg border border-gray-200 bg-white p-4 ${config.wide ? "lg:col-span-2" : ""}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={`chart-${id}`} className="text-base font-semibold text-gray-900">
            {title}
          </h2>
          <p className="mt-0.5 text-sm text-gray-600">{t(`charts.${id}.description`)}</p>
        </div>
        <ChartMenu title={title} csvHref={`/api/v1/analytics/export?${analyticsQuery(request, { chart: id })}`} />
      </div>
      <FigureList figures={figures} />
      {empty ? (
        <p className="mt-4 rounded-md border border-dashed border-gray-300 px-4 py-6 text-center text-sm text-gray-600">{t("empty")}</p>
      ) : (
        <>
          <div aria-hidden="true" inert className="mt-4">
            <AnalyticsChart
              kind={config.kind}
              stack={config.stack}
              layout={config.layout}
              unit={unit}
              locale={locale}
              data={data}
              index={cells.heading(indexColumn)}
              categories={categoryColumns.map(cells.heading)}
            />
          </div>
          {id === "usage" ? (
            <UsageTable chart={chart} request={request} caption={caption} />
          ) : (
            <ChartTable
              caption={caption}
              visuallyHidden={!config.tableShown}
              headings={chart.columns.map(cells.heading)}
              rows={chart.rows.map((row) => row.map((cell, index) => cells.text(chart.columns[index] ?? "", cell)))}
            />
          )}
        </>
      )}
    </section>
  );
}

/** What a chart's place shows while its query runs. */
export async function ChartPlaceholder({ id }: { id: ChartId }) {
  const t = await getTranslations("analytics");
  const title = t(`charts.${id}.title`);
  return (
    <section aria-busy="true" aria-label={title} className={`rounded-lg border border-gray-200 bg-white p-4 ${chartConfigs[id].wide ? "lg:col-span-2" : ""}`}>
      <h2 className="text-base font-semibold text-gray-900">{title}</h2>
      <p className="mt-0.5 text-sm text-gray-600">{t("loading", { title })}</p>
      <div className="mt-4 h-64 animate-pulse rounded-md bg-gray-100" />
    </section>
  );
}
