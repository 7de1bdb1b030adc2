import { getFormatter, getTranslations } from "next-intl/server";
import type { Cell } from "@/lib/analytics/analytics-data";
import type { AnalyticsGrain } from "@/lib/analytics/analytics-input";

export type CellText = (column: string, cell: Cell) => string;

/** How the dashboard writes a cell: periods as months or weeks, numbers in the reader's language, missing names in words. */
export async function cellWriter(grain: AnalyticsGrain): Promise<{ text: CellText; heading: (column: string) => string }> {
  const [t, format] = await Promise.all([getTranslations("analytics"), getFormatter()]);
  const periodLabel = (key: string) => {
    const date = new Date(`${key}T00:00:00Z`);
    if (grain === "month") return format.dateTime(date, { month: "short", year: "numeric", timeZone: "UTC" });
    return t("periodLabel.week", { date: format.dateTime(date, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }) });
  };
  const missing: Record<string, string> = { team: t("noTeam"), site: t("noSite"), assignee: t("noAssignee") };
  const text: CellText = (column, cell) => {
    if (cell === null) return missing[column] ?? "–";
    if (typeof cell === "number") return format.number(cell, { maximumFractionDigits: 1 });
    if (column === "period" && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return periodLabel(cell);
    return cell;
  };
  const heading = (column: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(column)) return periodLabel(column);
    const key = `columns.${column}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : column;
  };
  return { text, heading };
}
