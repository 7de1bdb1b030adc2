import { createTranslator } from "next-intl";
import type { ObjectReadContext } from "@/lib/authz/object-access";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { catalogues } from "@/lib/i18n/messages";

/** A Share tab answer's context: the gate's decision, and the language its words are in. */
export interface SharingContext extends ObjectReadContext {
  /** The caller's language (the route's choice); English when absent. */
  locale?: Locale;
}

/**
 * What the Share tab's sentences and labels are written with, in one language: the catalogues, and lists as that
 * language joins them ("A, B or C"). The answer is data, not an error: the services word it themselves.
 */
export function sharingWords(locale: Locale = defaultLocale) {
  const messages = catalogues[locale];
  return {
    t: createTranslator({ locale, messages, namespace: "objects.sharing" }),
    tCommon: createTranslator({ locale, messages, namespace: "common" }),
    tReasons: createTranslator({ locale, messages, namespace: "objects.reasons" }),
    either: (items: readonly string[]) => new Intl.ListFormat(locale, { type: "disjunction" }).format(items),
    all: (items: readonly string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items),
  };
}

export type SharingWords = ReturnType<typeof sharingWords>;
