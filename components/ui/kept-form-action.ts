"use client";

import { startTransition, useActionState, type FormEvent } from "react";

/**
 * A submit handler that runs a `useActionState` action inside a transition, so React 19 does not reset the form
 * afterwards: a reset would put every <select> and checkbox back on its default while the state still holds the
 * user's choice. The action still gets the form's values and echoes them back; without JavaScript the form posts
 * to the same action and the echoed values fill it again.
 */
export function submitWithoutReset(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
}

/** useActionState whose form keeps every value after the action (see submitWithoutReset). */
export function useKeptFormAction<State>(action: (state: Awaited<State>, payload: FormData) => State | Promise<State>, initialState: Awaited<State>) {
  const [state, formAction, pending] = useActionState(action, initialState);
  return { state, formAction, pending, onSubmit: submitWithoutReset(formAction) };
}
