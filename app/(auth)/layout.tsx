import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/app-shell/language-switch";
import { LogoMark } from "@/components/app-shell/logo-mark";
import { requestLocale } from "@/lib/i18n/request-locale";
import { chooseSignedOutLanguageAction } from "./actions";

// The language switch comes after the card: the form is what most visitors came for, first in the tab order.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const [t, tLanguages, locale] = await Promise.all([getTranslations("auth"), getTranslations("shell.languages"), requestLocale()]);
  return (
    <main id="content" className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2 text-xl font-semibold tracking-tight text-gray-900">
        <LogoMark className="h-8 w-8" />
        Atelier
      </div>
      <div className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-6 shadow-sm">{children}</div>
      <div className="mt-6">
        <LanguageSwitch
          current={locale}
          label={t("language")}
          names={{ en: tLanguages("en"), fr: tLanguages("fr") }}
          choose={chooseSignedOutLanguageAction}
        />
      </div>
    </main>
  );
}
