import { useFormatter } from "next-intl";

/**
 * A calendar date (`YYYY-MM-DD`: a due date, a planned start) in the reader's language. It is a day, not an instant:
 * formatted in UTC, where it was read, so no time zone moves it to the day before.
 */
export function CalendarDate({ value }: { value: string }) {
  const format = useFormatter();
  return <time dateTime={value}>{format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</time>;
}
