"use client";

import { useActionState, useTransition, type FormEvent } from "react";

/**
 * useActionState, submitted from onSubmit inside a transition: React then does not reset the form after the action,
 * so every input — selects and checkboxes included, whose defaults React does not refresh — keeps what was typed.
 * Without JavaScript the form posts to the same action and the echoed values fill it again.
 */
export function useKeptFormAction<State>(action: (state: Awaited<State>, payload: FormData) => State | Promise<State>, initialState: Awaited<State>) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const [, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }
  return { state, formAction, pending, onSubmit };
}
