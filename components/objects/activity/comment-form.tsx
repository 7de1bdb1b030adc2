"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { postCommentAction } from "@/app/(app)/objects/comment-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { commentBodyMaxLength } from "@/lib/activity/comment-schemas";
import { submitOnControlEnter } from "./submit-on-control-enter";

/** "Add a comment": plain text with links and @mentions; the text typed comes back after a refusal. */
export function CommentForm({ objectId }: { objectId: string }) {
  const t = useTranslations("activity.comment");
  const id = useId();
  const [state, formAction, pending] = useActionState(postCommentAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormField id={id} label={t("label")} hint={t("hint")} error={fields.body}>
        {(describedBy, invalid) => (
          <textarea
            id={id}
            name="body"
            rows={3}
            required
            maxLength={commentBodyMaxLength}
            defaultValue={failed?.values.body ?? ""}
            onKeyDown={submitOnControlEnter}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={`${inputClass(invalid)} resize-y`}
          />
        )}
      </FormField>
      <input type="hidden" name="id" value={objectId} />
      <FormStatus error={failed && !fields.body ? failed.error : null} success={state?.ok ? t("posted") : null} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? t("posting") : t("submit")}
      </button>
    </form>
  );
}
