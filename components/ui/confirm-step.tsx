"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from "react";

/**
 * A two-step action ("Delete…", then the confirmation with its own button and Cancel) that works with the keyboard:
 * opening moves the focus to the confirmation (which reads what will happen), Escape or Cancel closes it and puts
 * the focus back on the button that opened it. Give `panelRef` and `onKeyDown` to the confirmation's form (ConfirmForm
 * does, with tabIndex={-1}), and `triggerRef` to the opening button.
 */
export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLFormElement>(null);
  const refocusTrigger = useRef(false);

  useEffect(() => {
    if (confirming) panelRef.current?.focus();
    else if (refocusTrigger.current) {
      refocusTrigger.current = false;
      triggerRef.current?.focus();
    }
  }, [confirming]);

  const cancel = () => {
    refocusTrigger.current = true;
    setConfirming(false);
  };
  return {
    confirming,
    open: () => setConfirming(true),
    cancel,
    triggerRef,
    panelRef,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "Escape") cancel();
    },
  };
}

const tones = {
  amber: { box: "border-amber-300 bg-amber-50", question: "text-amber-900" },
  red: { box: "border-red-200 bg-red-50", question: "text-red-900" },
} as const;

interface ConfirmFormProps {
  panelRef: RefObject<HTMLFormElement | null>;
  onKeyDown: (event: KeyboardEvent) => void;
  action: (formData: FormData) => void;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  tone: keyof typeof tones;
  /** "Delete the team “Quality”?": what the confirmation asks, which names the form. */
  question: string;
  children: ReactNode;
}

/** The confirmation of a two-step action: the question, then what follows (consequences, the buttons). */
export function ConfirmForm({ panelRef, onKeyDown, action, onSubmit, tone, question, children }: ConfirmFormProps) {
  const questionId = useId();
  return (
    <form
      ref={panelRef}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-labelledby={questionId}
      action={action}
      onSubmit={onSubmit}
      noValidate
      className={`space-y-3 rounded-md border p-4 ${tones[tone].box}`}
    >
      <p id={questionId} className={`text-sm font-medium [overflow-wrap:anywhere] ${tones[tone].question}`}>
        {question}
      </p>
      {children}
    </form>
  );
}
