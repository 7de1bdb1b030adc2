import { createTranslator } from "next-intl";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { catalogues } from "@/lib/i18n/messages";

/** What an export's header and labels are written with, in the caller's language. */
export function exportWords(locale: Locale = defaultLocale) {
  const messages = catalogues[locale];
  const tCommon = createTranslator({ locale, messages, namespace: "common" });
  const [yes, no] = [tCommon("yes"), tCommon("no")];
  return {
    t: createTranslator({ locale, messages, namespace: "adminExports.csv" }),
    tCommon,
    yesNo: (value: boolean) => (value ? yes : no),
  };
}

export type ExportWords = ReturnType<typeof exportWords>;

/**
 * The labels of an enumeration, translated once per export rather than once per cell (a million cells of a column
 * in the benchmark's objects export).
 */
export function labelsOf<Value extends string>(values: readonly Value[], label: (value: Value) => string): Record<Value, string> {
  return Object.fromEntries(values.map((value) => [value, label(value)])) as Record<Value, string>;
}

/** Several values in one cell: joined with a semicolon, which no spreadsheet mistakes for the field separator. */
export function joinedValues(values: readonly string[]): string {
  return values.join("; ");
}
