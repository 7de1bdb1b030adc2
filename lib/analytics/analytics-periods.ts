import { addDays, addMonths, daysBetween, nextGrain, startOfGrain, todayIn } from "./calendar-days";
import type { AnalyticsGrain, AnalyticsPreset } from "./analytics-input";

/** One bar of a chart: the days of one week or month that fall in the range (`end` excluded). */
export interface AnalyticsBucket {
  /** The week's Monday or the month's first day, even where the range starts later: what the bar is labelled by. */
  key: string;
  start: string;
  end: string;
}

/** A range of calendar days in the organisation's time zone, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface AnalyticsPeriod extends DayRange {
  preset: AnalyticsPreset;
  grain: AnalyticsGrain;
  timeZone: string;
  today: string;
  /** The range of the same length just before: what every trend compares with. */
  previous: DayRange;
  buckets: AnalyticsBucket[];
}

/** The longest range a request may ask for: three years of weeks is already 157 bars. */
export const maxRangeDays = 3 * 366;

const presetMonths: Record<Exclude<AnalyticsPreset, "30d" | "custom">, number> = { quarter: 3, half: 6, year: 12 };

/** The range a preset names, ending today. */
export function presetRange(preset: Exclude<AnalyticsPreset, "custom">, today: string): DayRange {
  if (preset === "30d") return { from: addDays(today, -29), to: today };
  return { from: addDays(addMonths(today, -presetMonths[preset]), 1), to: today };
}

export function bucketsOf(range: DayRange, grain: AnalyticsGrain): AnalyticsBucket[] {
  const buckets: AnalyticsBucket[] = [];
  const end = addDays(range.to, 1);
  for (let key = startOfGrain(range.from, grain); key < end; key = nextGrain(key, grain)) {
    const next = nextGrain(key, grain);
    buckets.push({ key, start: key < range.from ? range.from : key, end: next < end ? next : end });
  }
  return buckets;
}

export function previousRange(range: DayRange): DayRange {
  const length = daysBetween(range.from, range.to);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

export interface PeriodChoice {
  preset?: AnalyticsPreset;
  from?: string;
  to?: string;
  grain?: AnalyticsGrain;
}

/**
 * The period a request asks for: a preset ending today (in the organisation's time zone), or the custom dates. No
 * choice at all is the last six months by month — the demo's history. Null when the custom range is backwards or
 * too long.
 */
export function resolvePeriod(choice: PeriodChoice, timeZone: string, now: Date): AnalyticsPeriod | "backwards" | "too_long" {
  const today = todayIn(timeZone, now);
  const preset: AnalyticsPreset = choice.preset ?? (choice.from || choice.to ? "custom" : "half");
  const range =
    preset === "custom"
      ? { from: choice.from ?? addDays(choice.to ?? today, -29), to: choice.to ?? today }
      : presetRange(preset, today);
  if (range.from > range.to) return "backwards";
  if (daysBetween(range.from, range.to) > maxRangeDays) return "too_long";
  const grain = choice.grain ?? (daysBetween(range.from, range.to) <= 62 ? "week" : "month");
  return { ...range, preset, grain, timeZone, today, previous: previousRange(range), buckets: bucketsOf(range, grain) };
}
