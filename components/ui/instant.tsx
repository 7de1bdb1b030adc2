import { useFormatter } from "next-intl";

const styles = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
} as const;

/** An instant in the reader's language and the organisation's time zone (as lib/i18n/request.ts configures them). */
export function Instant({ value, style = "dateTime" }: { value: Date | string; style?: keyof typeof styles }) {
  const format = useFormatter();
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{format.dateTime(date, styles[style])}</time>;
}
