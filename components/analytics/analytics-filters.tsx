"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { analyticsGrains, analyticsPresets, type AnalyticsGrain, type AnalyticsPreset } from "@/lib/analytics/analytics-input";

export interface AnalyticsFiltersProps {
  preset: AnalyticsPreset;
  from: string;
  to: string;
  grain: AnalyticsGrain;
  siteId: string | null;
  sites: { id: string; name: string }[];
  /** Admins pick among all sites ("All sites"); Managers among theirs ("All my sites"). */
  allLabel: "allSites" | "allMySites";
  /** The usage table's order, kept across filter changes. */
  sort: string;
  order: string;
}

const fieldClass = "mt-1 block w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm text-gray-900 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600";

/**
 * The dashboard's filters. A plain GET form (it works without script); with script, it writes a clean URL — the dates
 * only for a custom range — so the link can be shared as it is.
 */
export function AnalyticsFilters(props: AnalyticsFiltersProps) {
  const t = useTranslations("analytics.filters");
  const router = useRouter();
  const [preset, setPreset] = useState(props.preset);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    const chosen = String(form.get("preset") ?? "half");
    if (chosen === "custom") {
      params.set("from", String(form.get("from") ?? ""));
      params.set("to", String(form.get("to") ?? ""));
    } else {
      params.set("preset", chosen);
    }
    params.set("grain", String(form.get("grain") ?? "month"));
    const siteId = String(form.get("siteId") ?? "");
    if (siteId) params.set("siteId", siteId);
    params.set("sort", props.sort);
    params.set("order", props.order);
    router.push(`/analytics?${params.toString()}`);
  }

  return (
    <form method="get" action="/analytics" onSubmit={apply} className="rounded-lg border border-gray-200 bg-white p-4">
      <fieldset>
        <legend className="sr-only">{t("legend")}</legend>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6 lg:items-end">
          <label className="col-span-2 block text-sm font-medium text-gray-800 md:col-span-1">
            {t("preset")}
            <select name="preset" value={preset} onChange={(event) => setPreset(event.target.value as AnalyticsPreset)} className={fieldClass}>
              {analyticsPresets.map((value) => (
                <option key={value} value={value}>
                  {t(`presets.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-gray-800">
            {t("from")}
            <input type="date" name="from" defaultValue={props.from} disabled={preset !== "custom"} aria-describedby="analytics-custom-hint" className={`${fieldClass} disabled:bg-gray-100 disabled:text-gray-600`} />
          </label>
          <label className="block text-sm font-medium text-gray-800">
            {t("to")}
            <input type="date" name="to" defaultValue={props.to} disabled={preset !== "custom"} aria-describedby="analytics-custom-hint" className={`${fieldClass} disabled:bg-gray-100 disabled:text-gray-600`} />
          </label>
          <label className="block text-sm font-medium text-gray-800">
            {t("grain")}
            <select name="grain" defaultValue={props.grain} className={fieldClass}>
              {analyticsGrains.map((value) => (
                <option key={value} value={value}>
                  {t(`grains.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-gray-800">
            {t("site")}
            <select name="siteId" defaultValue={props.siteId ?? ""} className={fieldClass}>
              <option value="">{t(props.allLabel)}</option>
              {props.sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="sort" value={props.sort} />
          <input type="hidden" name="order" value={props.order} />
          <button type="submit" className="col-span-2 h-9 rounded-md bg-blue-700 px-4 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 md:col-span-1">
            {t("apply")}
          </button>
        </div>
        <p id="analytics-custom-hint" className="mt-2 text-xs text-gray-600">
          {t("customHint")}
        </p>
      </fieldset>
    </form>
  );
}
