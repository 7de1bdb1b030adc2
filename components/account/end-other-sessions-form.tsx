"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { endOtherSessionsAction } from "@/app/(app)/account/sessions/actions";
import { buttonStyles } from "@/components/ui/button-styles";

export function EndOtherSessionsForm() {
  const t = useTranslations("account.sessions");
  const [state, formAction, pending] = useActionState(endOtherSessionsAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className={buttonStyles.secondary}>
        {t("endOthers")}
      </button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-gray-700" : "text-red-700"}`}>
          {state.ok ? (state.data.ended === 0 ? t("endedNone") : t("ended", { count: state.data.ended })) : state.error.message}
        </p>
      )}
    </form>
  );
}
