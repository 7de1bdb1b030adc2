"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { trashObjectAction } from "@/app/(app)/objects/trash-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormStatus } from "@/components/ui/form-status";
import type { ObjectType } from "@/db/schema";

/** "Move to trash…", then a confirmation saying it can be restored for 30 days. */
export function TrashObjectForm({ object }: { object: { id: string; type: ObjectType; reference: string; version: number } }) {
  const t = useTranslations("workspace.trash");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(trashObjectAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const error = state && !state.ok ? state.error : null;
  if (!confirming) {
    return (
      <div className="space-y-2">
        <FormStatus error={error} />
        <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
          {t("start")}
        </button>
      </div>
    );
  }
  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} tone="red" question={t("question", { reference: object.reference })}>
      <p className="text-sm text-red-900">{t("consequence")}</p>
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? t("moving") : t("submit")}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {tActions("cancel")}
        </button>
      </div>
      <input type="hidden" name="id" value={object.id} />
      <input type="hidden" name="type" value={object.type} />
      <input type="hidden" name="version" value={object.version} />
    </ConfirmForm>
  );
}
