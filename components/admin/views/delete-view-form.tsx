"use client";

import { useActionState } from "react";
import { deleteSharedViewAction } from "@/app/(app)/admin/views/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";

/** Deletes a shared view, once confirmed: it disappears from everyone's lists. */
export function DeleteViewForm({ view }: { view: { id: string; name: string; version: number } }) {
  const [state, formAction, pending] = useActionState(deleteSharedViewAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <section aria-labelledby="delete-view-heading" className="space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h2 id="delete-view-heading" className="text-base font-semibold text-gray-900">
        Delete this view
      </h2>
      <form action={formAction} className="space-y-3">
        <FormStatus error={failed?.error} />
        <label className="flex items-start gap-2 text-sm text-gray-800">
          <input type="checkbox" name="confirm" className="mt-0.5 h-4 w-4 rounded border-gray-300" />
          <span>Delete “{view.name}” for everyone (personal views are not affected)</span>
        </label>
        {failed?.error.fields?.confirm && <p className="text-sm text-red-700">{failed.error.fields.confirm}</p>}
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? "Deleting…" : "Delete view"}
        </button>
        <input type="hidden" name="id" value={view.id} />
        <input type="hidden" name="version" value={view.version} />
      </form>
    </section>
  );
}
