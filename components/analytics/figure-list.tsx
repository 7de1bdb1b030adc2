import { getFormatter, getTranslations } from "next-intl/server";
import type { Figure } from "@/lib/analytics/analytics-data";

export type FigureUnit = "count" | "percent" | "minutes" | "hours" | "days";

/** Each figure in numbers, with its trend against the previous period in words. */
export async function FigureList({ figures }: { figures: { key: string; label: string; figure: Figure; unit: FigureUnit }[] }) {
  const [t, format] = await Promise.all([getTranslations("analytics"), getFormatter()]);
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const withUnit = (value: number, unit: FigureUnit) => (unit === "count" ? number(value) : t(`units.${unit}`, { value: number(value) }));
  function trend({ value, previous }: Figure): { text: string; arrow: string } | null {
    if (previous === null) return null;
    if (previous === 0) return value === 0 ? { text: t("trend.flat"), arrow: "→" } : { text: t("trend.none"), arrow: "" };
    const percent = Math.round(((value - previous) / previous) * 100);
    if (percent === 0) return { text: t("trend.flat"), arrow: "→" };
    return percent > 0 ? { text: t("trend.up", { percent }), arrow: "▲" } : { text: t("trend.down", { percent: -percent }), arrow: "▼" };
  }
  return (
    <dl className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {figures.map(({ key, label, figure, unit }) => {
        const change = trend(figure);
        return (
          <div key={key} className="rounded-md bg-gray-50 px-3 py-2">
            <dt className="text-xs font-medium text-gray-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-gray-900">{withUnit(figure.value, unit)}</dd>
            {change && (
              <dd className="text-xs text-gray-600">
                {change.arrow && <span aria-hidden="true">{change.arrow} </span>}
                {change.text}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
