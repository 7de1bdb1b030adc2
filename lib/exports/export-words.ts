import { createTranslator } from "next-intl";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { catalogues } from "@/lib/i18n/messages";

/** What an export's header and labels are written with, in the caller's language. */
export function exportWords(locale: Locale = defaultLocale) {
  const messages = catalogues[locale];
  return {
    t: createTranslator({ locale, messages, namespace: "adminExports.csv" }),
    tCommon: createTranslator({ locale, messages, namespace: "common" }),
    yesNo: (value: boolean) => createTranslator({ locale, messages, namespace: "common" })(value ? "yes" : "no"),
  };
}

export type ExportWords = ReturnType<typeof exportWords>;

/** Several values in one cell: joined with a semicolon, which no spreadsheet mistakes for the field separator. */
export function joinedValues(values: readonly string[]): string {
  return values.join("; ");
}
