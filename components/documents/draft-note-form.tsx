"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateDraftNoteAction } from "@/app/(app)/documents/revision-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { RevisionNoteField } from "./revision-note-field";

interface DraftNoteFormProps {
  objectId: string;
  revision: { id: string; label: string; version: number; note: string | null };
}

/** The draft's note (what this revision changes), saved at the draft version shown. */
export function DraftNoteForm({ objectId, revision }: DraftNoteFormProps) {
  const t = useTranslations("documents.note");
  const [state, formAction, pending] = useActionState(updateDraftNoteAction, null);
  const failed = state && !state.ok ? state : null;
  const noteError = failed?.error.fields?.note;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <RevisionNoteField label={t("label", { label: revision.label })} error={noteError} defaultValue={failed?.values.note ?? revision.note ?? ""} />
      <input type="hidden" name="id" value={objectId} />
      <input type="hidden" name="rev" value={revision.id} />
      <input type="hidden" name="version" value={revision.version} />
      <button type="submit" disabled={pending} className={buttonStyles.secondary}>
        {pending ? t("saving") : t("save")}
      </button>
      <FormStatus error={failed && !noteError ? failed.error : null} success={state?.ok ? t("saved") : null} />
    </form>
  );
}
