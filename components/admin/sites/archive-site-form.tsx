"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setSiteArchivedAction } from "@/app/(app)/admin/sites/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormStatus } from "@/components/ui/form-status";

interface ArchiveSiteFormProps {
  site: { id: string; name: string; version: number; archived: boolean; memberCount: number };
}

/** Archive (after a confirmation that says what it does) or bring back an archived site. */
export function ArchiveSiteForm({ site }: ArchiveSiteFormProps) {
  const t = useTranslations("adminSites.archive");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(setSiteArchivedAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const error = state && !state.ok ? state.error : null;

  if (site.archived) {
    return (
      <form action={formAction} className="space-y-3">
        <p className="text-sm text-gray-600">{t("unarchiveIntro")}</p>
        <FormStatus error={error} />
        <button type="submit" disabled={pending} className={buttonStyles.secondary}>
          {pending ? t("unarchiving") : t("unarchive")}
        </button>
        <input type="hidden" name="id" value={site.id} />
        <input type="hidden" name="version" value={site.version} />
        <input type="hidden" name="archived" value="false" />
      </form>
    );
  }

  if (!confirming) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-gray-600">{t("intro")}</p>
        <FormStatus error={error} />
        <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
          {t("start")}
        </button>
      </div>
    );
  }

  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} tone="amber" question={t("question", { name: site.name })}>
      <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
        <li>{t("keepsMembers", { count: site.memberCount })}</li>
        <li>{t("noNewMembers")}</li>
        <li>{t("reversible")}</li>
      </ul>
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? t("archiving") : t("submit")}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {tActions("cancel")}
        </button>
      </div>
      <input type="hidden" name="id" value={site.id} />
      <input type="hidden" name="version" value={site.version} />
      <input type="hidden" name="archived" value="true" />
    </ConfirmForm>
  );
}
