"use server";

import { defineAction } from "@/lib/gate/define-action";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { setOwnLocale, setOwnLocaleSchema } from "@/lib/users/set-own-locale";

export const chooseLanguageAction = defineAction({ name: "me.set_locale", input: setOwnLocaleSchema }, async ({ db, user, input }) => {
  const result = await setOwnLocale(db, user, input.locale);
  if (result.ok) await rememberLocale(input.locale);
  return result;
});
