"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { removeLinkAction } from "@/app/(app)/objects/link-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";

interface RemoveLinkButtonProps {
  /** The object whose page shows the link (either end). */
  objectId: string;
  link: { id: string; version: number; reference: string };
}

/** Removes one link at the version shown; the refusal (changed meanwhile, access gone) is said beside it. */
export function RemoveLinkButton({ objectId, link }: RemoveLinkButtonProps) {
  const t = useTranslations("links.remove");
  const [state, formAction, pending] = useActionState(removeLinkAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={objectId} />
      <input type="hidden" name="linkId" value={link.id} />
      <input type="hidden" name="version" value={link.version} />
      <button type="submit" disabled={pending} aria-label={t("label", { reference: link.reference })} className={buttonStyles.secondary}>
        {pending ? t("removing") : t("submit")}
      </button>
      <FormStatus error={error} />
    </form>
  );
}
