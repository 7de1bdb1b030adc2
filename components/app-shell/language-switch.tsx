"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { locales, type Locale } from "@/lib/i18n/locales";

interface LanguageSwitchProps {
  current: Locale;
  label: string;
  names: Record<Locale, string>;
  choose: (input: { locale: Locale }) => Promise<unknown>;
}

/** English / Français: each name in its own language, the current one pressed; the page re-renders in the choice. */
export function LanguageSwitch({ current, label, names, choose }: LanguageSwitchProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={label} className="flex gap-1 px-2 py-1.5">
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await choose({ locale });
              router.refresh();
            })
          }
          className="rounded px-2 py-1 text-sm text-gray-700 hover:bg-gray-100 aria-pressed:bg-blue-50 aria-pressed:font-medium aria-pressed:text-blue-800"
        >
          {names[locale]}
        </button>
      ))}
    </div>
  );
}
