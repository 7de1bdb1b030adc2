import type { Random } from "./demo-random";
import { workdayStartUtcHour, type SiteName } from "./demo-sites";

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

export function addDays(date: Date, days: number): Date {
  return addMs(date, days * dayMs);
}

export function latest(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((date) => date.getTime())));
}

/** The calendar date of an instant, as a `date` column and date properties store it. */
export function calendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A moment during the site's working hours on the working day of `day` (weekends move to Friday). */
export function duringWorkingHours(random: Random, day: Date, site: SiteName): Date {
  const moment = new Date(day);
  const weekday = moment.getUTCDay();
  if (weekday === 6) moment.setUTCDate(moment.getUTCDate() - 1);
  if (weekday === 0) moment.setUTCDate(moment.getUTCDate() - 2);
  moment.setUTCHours(workdayStartUtcHour(site) + random.int(0, 8), random.int(0, 59), random.int(0, 59), 0);
  return moment;
}

/** `count` instants between `from` and `to`, oldest first. */
export function ascendingMoments(random: Random, from: Date, to: Date, count: number): Date[] {
  const span = Math.max(0, to.getTime() - from.getTime());
  return Array.from({ length: count }, () => from.getTime() + random.next() * span)
    .sort((a, b) => a - b)
    .map((time) => new Date(time));
}
