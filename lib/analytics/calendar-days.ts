/** Calendar-day arithmetic on `YYYY-MM-DD` strings (no time zone: a day is a day wherever it is). */

function parse(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = parse(day);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** The same day `months` months later, clamped to the month's last day (31 March − 1 month = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const date = parse(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return format(target);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000) + 1;
}

/** The first day of the week (Monday, ISO 8601) or month holding `day`. */
export function startOfGrain(day: string, grain: "week" | "month"): string {
  if (grain === "month") return `${day.slice(0, 8)}01`;
  const weekday = (parse(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function nextGrain(day: string, grain: "week" | "month"): string {
  return grain === "month" ? addMonths(day, 1) : addDays(day, 7);
}

/** Today's date in a time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
