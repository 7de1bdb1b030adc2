"use client";

import type { ReactNode } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormStatus } from "@/components/ui/form-status";
import type { AppError } from "@/lib/result";

interface TwoStepFormProps {
  /** The form action and its state, from the caller's useActionState. */
  action: (formData: FormData) => void;
  pending: boolean;
  error: AppError | null;
  tone: "amber" | "red";
  labels: { start: string; question: string; submit: string; pending: string; cancel: string };
  /** Hidden inputs naming what the action acts on. */
  hidden: Record<string, string>;
  /** Shown above the opening button (what the action does). */
  intro?: ReactNode;
  /** The confirmation's content: consequences, choices. */
  children: ReactNode;
}

/** "Revoke…", "Rotate…", "Deactivate…": a button, then the confirmation with its own submit and Cancel. */
export function TwoStepForm({ action, pending, error, tone, labels, hidden, intro, children }: TwoStepFormProps) {
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  if (!confirming) {
    return (
      <div className="space-y-2">
        {intro}
        <FormStatus error={error} />
        <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
          {labels.start}
        </button>
      </div>
    );
  }
  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={action} tone={tone} question={labels.question}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={tone === "red" ? buttonStyles.danger : buttonStyles.primary}>
          {pending ? labels.pending : labels.submit}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {labels.cancel}
        </button>
      </div>
    </ConfirmForm>
  );
}
