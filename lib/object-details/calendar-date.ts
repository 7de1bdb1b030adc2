import { z } from "zod";

/** Whether `YYYY-MM-DD` names a real day (no 31 February): PostgreSQL would refuse it with a server error. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years 0–99 as 1900–1999, so they never read back equal and are refused with year 0.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date, or null to clear it; a form's empty field clears it too. */
export const optionalCalendarDateSchema = z.preprocess(
  (value) => (value === "" ? null : value),
  z.string("details.fields.dateInvalid").refine(isCalendarDate, "details.fields.dateInvalid").nullable(),
);
