"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { removeDraftFileAction } from "@/app/(app)/documents/revision-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";

interface RemoveFileButtonProps {
  objectId: string;
  revisionId: string;
  version: number;
  file: { id: string; fileName: string };
}

/** Removes a file from the draft, at the draft version shown. */
export function RemoveFileButton({ objectId, revisionId, version, file }: RemoveFileButtonProps) {
  const t = useTranslations("documents.files");
  const [state, formAction, pending] = useActionState(removeDraftFileAction, null);
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={objectId} />
      <input type="hidden" name="rev" value={revisionId} />
      <input type="hidden" name="fileId" value={file.id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} aria-label={t("removeLabel", { name: file.fileName })} className={buttonStyles.secondary}>
        {pending ? t("removing") : t("remove")}
      </button>
      <FormStatus error={state && !state.ok ? state.error : null} />
    </form>
  );
}
