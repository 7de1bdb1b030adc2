"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteWatermarkAction } from "@/app/(app)/admin/watermarks/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormStatus } from "@/components/ui/form-status";

/** "Delete…", then a confirmation naming the watermark; the version read guards against deleting a newer change. */
export function DeleteWatermarkButton({ watermark }: { watermark: { id: string; name: string; version: number } }) {
  const t = useTranslations("adminWatermarks.delete");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(deleteWatermarkAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const error = state && !state.ok ? state.error : null;

  if (!confirming) {
    return (
      <div className="space-y-3">
        <FormStatus error={error} />
        <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
          {t("start")}
        </button>
      </div>
    );
  }
  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} tone="red" question={t("question", { name: watermark.name })}>
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? t("deleting") : t("submit")}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {tActions("cancel")}
        </button>
      </div>
      <input type="hidden" name="id" value={watermark.id} />
      <input type="hidden" name="version" value={watermark.version} />
    </ConfirmForm>
  );
}
