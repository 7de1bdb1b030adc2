"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveNotificationPreferencesAction } from "@/app/(app)/account/notifications/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import type { NotificationEmailMode } from "@/db/schema";
import type { NotificationPreferences } from "@/lib/notifications/notification-preferences";

/** The e-mail preference: never, each notification, or a daily digest (`modes`, in that order). */
export function NotificationPreferencesForm({ preferences, modes }: { preferences: NotificationPreferences; modes: readonly NotificationEmailMode[] }) {
  const t = useTranslations("notifications.preferences");
  const [state, formAction, pending] = useActionState(saveNotificationPreferencesAction, null);
  const saved = state?.ok ? state.data : preferences;
  const chosen = state?.values.email ?? saved.email;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="version" value={saved.version} />
      <fieldset>
        <legend className="text-sm font-medium text-gray-900">{t("legend")}</legend>
        <div className="mt-2 space-y-2">
          {modes.map((mode) => (
            <label key={mode} className="flex items-start gap-2 text-sm text-gray-800">
              <input type="radio" name="email" value={mode} defaultChecked={chosen === mode} className="mt-0.5 h-4 w-4" />
              {t(`modes.${mode}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? t("saving") : t("save")}
      </button>
      <FormStatus error={state && !state.ok ? state.error : null} success={state?.ok ? t("saved") : null} />
    </form>
  );
}
