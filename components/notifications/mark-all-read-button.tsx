"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { markNotificationsReadAction } from "@/app/(app)/notifications/actions";
import { buttonStyles } from "@/components/ui/button-styles";

/** Marks every notification of the user read, then shows the page (and the bell) again. */
export function MarkAllReadButton() {
  const t = useTranslations("notifications.bell");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await markNotificationsReadAction({ all: true });
          router.refresh();
        })
      }
      className={buttonStyles.secondary}
    >
      {t("markAllRead")}
    </button>
  );
}
