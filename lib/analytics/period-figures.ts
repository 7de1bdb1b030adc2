import type { AnalyticsPeriod } from "./analytics-periods";
import type { Cell, ChartData, Figure } from "./analytics-data";

/** A series' total over the period's buckets against its count in the previous period (`series:key` counts). */
export function figureOf(counts: Map<string, number>, name: string, period: AnalyticsPeriod): Figure {
  const value = period.buckets.reduce((sum, bucket) => sum + (counts.get(`${name}:${bucket.key}`) ?? 0), 0);
  return { value, previous: counts.get(`${name}:previous`) ?? 0 };
}

/** One row per bucket, one column per series: empty buckets are zero, never missing. */
export function bucketColumns(
  period: AnalyticsPeriod,
  series: readonly string[],
  valueOf: (key: string, name: string) => number,
): Pick<ChartData, "columns" | "rows"> {
  return {
    columns: ["period", ...series],
    rows: period.buckets.map((bucket): Cell[] => [bucket.key, ...series.map((name) => valueOf(bucket.key, name))]),
  };
}
