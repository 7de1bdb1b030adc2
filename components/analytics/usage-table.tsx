import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ChartData } from "@/lib/analytics/analytics-data";
import type { UsageSortKey } from "@/lib/analytics/analytics-input";
import { analyticsQuery } from "@/lib/analytics/analytics-query";
import type { AnalyticsRequest } from "@/lib/analytics/analytics-request";
import { cellWriter } from "./chart-cells";
import { Sparkline } from "./sparkline";

const sortable: { column: string; sort: UsageSortKey }[] = [
  { column: "user", sort: "name" },
  { column: "sessions", sort: "sessions" },
  { column: "averageMinutes", sort: "average" },
  { column: "hours", sort: "time" },
];

/**
 * The per-user usage table: sorted on the server by the URL's `sort` and `order` (each heading is a link that sorts
 * by it, again to reverse), with a sparkline of each user's time per period.
 */
export async function UsageTable({ chart, request, caption }: { chart: ChartData; request: AnalyticsRequest; caption: string }) {
  const [t, cells] = await Promise.all([getTranslations("analytics"), cellWriter(request.period.grain)]);
  const bucketColumns = chart.columns.slice(sortable.length);
  const current = request.order;
  return (
    <div className="mt-4">
      <div role="group" aria-label={caption} tabIndex={0} className="relative max-h-[32rem] max-w-full overflow-auto rounded-md border border-gray-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-gray-50 text-xs uppercase tracking-wide text-gray-700">
            <tr>
              {sortable.map(({ column, sort }, index) => {
                const active = current.sort === sort;
                const order = active ? (current.order === "asc" ? "desc" : "asc") : sort === "name" ? "asc" : "desc";
                return (
                  <th
                    key={column}
                    scope="col"
                    aria-sort={active ? (current.order === "asc" ? "ascending" : "descending") : undefined}
                    className={`px-3 py-2 font-medium ${index > 0 ? "text-right" : ""}`}
                  >
                    <Link href={`/analytics?${analyticsQuery(request, { sort, order })}`} scroll={false} className="inline-flex items-center gap-1 rounded hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600">
                      {cells.heading(column)}
                      {active && <span aria-hidden="true">{current.order === "asc" ? "↑" : "↓"}</span>}
                      <span className="sr-only">{`, ${t("usage.sortBy", { column: cells.heading(column) })}`}</span>
                    </Link>
                  </th>
                );
              })}
              <th scope="col" className="px-3 py-2 font-medium">
                {cells.heading("sparkline")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {chart.rows.map((row, rowIndex) => {
              const spark = row.slice(sortable.length).map((cell) => Number(cell ?? 0));
              const words = bucketColumns.map((column, index) => `${cells.heading(column)} ${cells.text("hours", spark[index] ?? 0)}`).join(", ");
              return (
                <tr key={rowIndex}>
                  <th scope="row" className="px-3 py-1.5 font-normal text-gray-900">
                    {cells.text("user", row[0] ?? null)}
                  </th>
                  {row.slice(1, sortable.length).map((cell, index) => (
                    <td key={index} className="px-3 py-1.5 text-right tabular-nums text-gray-700">
                      {cells.text(sortable[index + 1]?.column ?? "", cell)}
                    </td>
                  ))}
                  <td className="px-3 py-1.5">
                    <Sparkline values={spark} />
                    <span className="sr-only">{t("usage.sparkline", { values: words })}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {chart.omittedRows ? (
        <p className="mt-2 text-xs text-gray-600">{t("usage.firstUsers", { shown: chart.rows.length, total: chart.rows.length + chart.omittedRows })}</p>
      ) : null}
    </div>
  );
}
