/** The dashboard's data, as the page draws it and `GET /api/v1/analytics` answers it. */

export const chartIds = ["documents", "inProgress", "workflows", "projects", "usage", "cycleTime", "taskWait"] as const;
export type ChartId = (typeof chartIds)[number];

export type Cell = string | number | null;

/**
 * A figure in numbers and the same figure over the previous period (null where there is no comparison, as for
 * "in progress now"). The trend is `(value - previous) / previous`, shown when previous is not zero.
 */
export interface Figure {
  value: number;
  previous: number | null;
}

/**
 * One chart's data: its figures, and its table — the text alternative shown beside the chart, the CSV export, and
 * (in `plot`, where the chart draws something shorter than the table) what the chart draws. Column names are stable
 * keys (the catalogue's `analytics.columns.*`); a bucket column is named by its key (`2026-06-01`).
 */
export interface ChartData {
  id: ChartId;
  figures: Record<string, Figure>;
  columns: string[];
  rows: Cell[][];
  plot?: { columns: string[]; rows: Cell[][] };
  /** Rows left out of `rows` (the usage table shows the first 100 users in the chosen order; the CSV has them all). */
  omittedRows?: number;
}
