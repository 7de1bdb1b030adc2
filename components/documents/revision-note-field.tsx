"use client";

import { useId } from "react";
import { FormField, inputClass } from "@/components/ui/form-field";

/** A revision's note (what the revision changes), as the open-draft and draft forms ask for it. */
export function RevisionNoteField({ label, hint, error, defaultValue }: { label: string; hint?: string; error?: string; defaultValue: string }) {
  const id = useId();
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <textarea
          id={id}
          name="note"
          rows={2}
          maxLength={2000}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={inputClass(invalid)}
        />
      )}
    </FormField>
  );
}
