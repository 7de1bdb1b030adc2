import type { ChartId } from "@/lib/analytics/analytics-data";
import type { FigureUnit } from "./figure-list";

export interface ChartConfig {
  kind: "bar" | "area";
  stack?: boolean;
  layout?: "horizontal" | "vertical";
  /** The unit of the plotted values, for the tooltip and axis. */
  unit?: Exclude<FigureUnit, "count">;
  figures: Record<string, FigureUnit>;
  /** Which table columns the chart draws, when it draws no `plot` of its own (the first names each bar). */
  plotColumns?: string[];
  /** The table is shown (it says more than the chart), not only read out. */
  tableShown?: boolean;
  /** Spans the dashboard's width. */
  wide?: boolean;
}

/** How each chart draws and what unit each of its figures is in. */
export const chartConfigs: Record<ChartId, ChartConfig> = {
  documents: { kind: "bar", figures: { created: "count", revised: "count", validated: "count" } },
  inProgress: { kind: "area", figures: { productsNow: "count", ordersNow: "count", products: "count", orders: "count" } },
  workflows: { kind: "bar", stack: true, figures: { total: "count" }, plotColumns: ["kind", "draft", "in_progress", "completed", "cancelled"] },
  projects: { kind: "bar", unit: "percent", figures: { rate: "percent" }, plotColumns: ["team", "rate"] },
  usage: { kind: "area", unit: "hours", figures: { sessions: "count", averageMinutes: "minutes", hours: "hours" }, wide: true },
  cycleTime: { kind: "bar", unit: "days", figures: { median: "days" }, tableShown: true },
  taskWait: { kind: "bar", layout: "vertical", unit: "days", figures: { medianDone: "days" }, tableShown: true },
};
