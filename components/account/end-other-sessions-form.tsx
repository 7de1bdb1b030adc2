"use client";

import { useActionState } from "react";
import { endOtherSessionsAction } from "@/app/(app)/account/sessions/actions";

export function EndOtherSessionsForm() {
  const [state, formAction, pending] = useActionState(endOtherSessionsAction, null);
  return (
    <form action={formAction} className="flex items-center gap-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50 disabled:opacity-50"
      >
        Sign out my other sessions
      </button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-gray-600" : "text-red-700"}`}>
          {state.ok ? `${state.data.ended} session${state.data.ended === 1 ? "" : "s"} ended.` : state.error.message}
        </p>
      )}
    </form>
  );
}
