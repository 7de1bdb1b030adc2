import { createTranslator } from "next-intl";
import type { AppError } from "@/lib/result";
import type { Locale } from "./locales";
import { catalogues } from "./messages";

type Render = (text: string, params?: Record<string, string | number>) => string;

// One translator per language for the process: the catalogues never change while it runs.
const translators = new Map<Locale, Render>();

function translatorFor(locale: Locale): Render {
  const known = translators.get(locale);
  if (known) return known;
  const translate = createTranslator({ locale, messages: catalogues[locale] });
  const render: Render = (text, params) => {
    // Keys are typed against the catalogue; an error's message is only known to be one at run time.
    const key = text as Parameters<typeof translate>[0];
    return translate.has(key) ? translate(key, params) : text;
  };
  translators.set(locale, render);
  return render;
}

/** One message in the words of a language: a catalogue key rendered with its parameters, other text as it is. */
export function renderMessage(locale: Locale, text: string, params?: Record<string, string | number>): string {
  return translatorFor(locale)(text, params);
}

/**
 * An error in the words of a language: services name their messages by catalogue key (with parameters), and the
 * gate renders them where the answer leaves the server — API bodies and action results. Text that is no key (a
 * message not converted yet) passes through unchanged; `params` never leave the server.
 */
export function renderAppError(locale: Locale, error: AppError): AppError {
  const render = translatorFor(locale);
  const fields = error.fields && Object.fromEntries(Object.entries(error.fields).map(([name, text]) => [name, render(text)]));
  return { code: error.code, message: render(error.message, error.params), ...(fields ? { fields } : {}) };
}
