"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { openNextDraftAction } from "@/app/(app)/documents/revision-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { RevisionNoteField } from "./revision-note-field";

/** "Edit" on a validated document: opens the next draft (B after A) with an optional note saying why. */
export function OpenDraftForm({ objectId, nextLabel }: { objectId: string; nextLabel: string }) {
  const t = useTranslations("documents.open");
  const [state, formAction, pending] = useActionState(openNextDraftAction, null);
  const failed = state && !state.ok ? state : null;
  const noteError = failed?.error.fields?.note;
  return (
    <form action={formAction} className="space-y-3 rounded-md border border-gray-200 p-4" noValidate>
      <p className="text-sm text-gray-700">{t("intro", { label: nextLabel })}</p>
      <RevisionNoteField label={t("note")} hint={t("noteHint")} error={noteError} defaultValue={failed?.values.note ?? ""} />
      <input type="hidden" name="id" value={objectId} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? t("opening") : t("submit", { label: nextLabel })}
      </button>
      <FormStatus error={failed && !noteError ? failed.error : null} />
    </form>
  );
}
