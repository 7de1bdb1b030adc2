import { z } from "zod";
import { isCalendarDate } from "@/lib/object-details/calendar-date";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";

export const analyticsPresets = ["30d", "quarter", "half", "year", "custom"] as const;
export type AnalyticsPreset = (typeof analyticsPresets)[number];

export const analyticsGrains = ["week", "month"] as const;
export type AnalyticsGrain = (typeof analyticsGrains)[number];

/** How the usage table may be sorted (the URL's `sort` and `order`). */
export const usageSortKeys = ["name", "sessions", "average", "time"] as const;
export type UsageSortKey = (typeof usageSortKeys)[number];

const calendarDateSchema = z.string("analytics.errors.date").max(10, "analytics.errors.date").refine(isCalendarDate, "analytics.errors.date");

/**
 * The dashboard's filters, as the URL and `GET /api/v1/analytics` carry them. Dates are calendar days in the
 * organisation's time zone, both included; `preset` picks a range ending today, `custom` (or none with dates) takes
 * `from`/`to`. `siteId` absent means every site the viewer may pick.
 */
export const analyticsFiltersFields = z.strictObject({
  preset: z.enum(analyticsPresets, "analytics.errors.preset").optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  siteId: z.uuid("analytics.errors.site").optional(),
  grain: z.enum(analyticsGrains, "analytics.errors.grain").optional(),
  sort: z.enum(usageSortKeys, "analytics.errors.sort").optional(),
  order: z.enum(["asc", "desc"], "analytics.errors.sort").optional(),
});
export const analyticsFiltersSchema = withoutEmptyParameters(analyticsFiltersFields);
export type AnalyticsFiltersInput = z.input<typeof analyticsFiltersFields>;
