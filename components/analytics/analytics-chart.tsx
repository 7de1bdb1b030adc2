"use client";

import { AreaChart, BarChart } from "@tremor/react";

export interface AnalyticsChartProps {
  kind: "bar" | "area";
  data: Record<string, string | number | null>[];
  index: string;
  categories: string[];
  stack?: boolean;
  layout?: "horizontal" | "vertical";
  /** The unit after each value in the tooltip and axis (`%`, `h`, `d`); plain counts have none. */
  unit?: string;
  locale: string;
}

const colors = ["blue", "emerald", "amber", "rose", "violet"];

/**
 * A Tremor chart of one chart's data. It draws in the browser and is hidden from screen readers: the table beside it
 * says the same in text.
 */
export function AnalyticsChart({ kind, data, index, categories, stack = false, layout = "horizontal", unit, locale }: AnalyticsChartProps) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const valueFormatter = (value: number) => (unit ? `${number.format(value)} ${unit}` : number.format(value));
  const common = { data, index, categories, colors: colors.slice(0, categories.length), valueFormatter, className: "h-64", showAnimation: false };
  if (kind === "area") return <AreaChart {...common} />;
  return <BarChart {...common} stack={stack} layout={layout} yAxisWidth={layout === "vertical" ? 120 : 48} />;
}
