"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { validateRevisionAction } from "@/app/(app)/documents/revision-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormStatus } from "@/components/ui/form-status";

interface ValidateRevisionFormProps {
  objectId: string;
  revision: { id: string; label: string; version: number; fileCount: number };
  /** The validated revision this one will make obsolete, if any. */
  obsoletes: string | null;
}

/** "Validate revision B…", then a confirmation saying what becomes of the revision (and of the one before). */
export function ValidateRevisionForm({ objectId, revision, obsoletes }: ValidateRevisionFormProps) {
  const t = useTranslations("documents.validate");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(validateRevisionAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const error = state && !state.ok ? state.error : null;
  if (!confirming) {
    return (
      <div className="space-y-2">
        <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.primary}>
          {t("button", { label: revision.label })}
        </button>
        <FormStatus error={error} />
      </div>
    );
  }
  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} tone="amber" question={t("question", { label: revision.label })}>
      <p className="text-sm text-amber-900">
        {t("consequence")} {obsoletes && t("obsoletes", { label: obsoletes })} {revision.fileCount === 0 && t("noFiles")}
      </p>
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? t("validating") : t("confirm", { label: revision.label })}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {tActions("cancel")}
        </button>
      </div>
      <input type="hidden" name="id" value={objectId} />
      <input type="hidden" name="rev" value={revision.id} />
      <input type="hidden" name="version" value={revision.version} />
    </ConfirmForm>
  );
}
