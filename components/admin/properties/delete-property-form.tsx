"use client";

import { useActionState } from "react";
import { deletePropertyAction } from "@/app/(app)/admin/properties/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";

function plural(count: number, one: string, many: string) {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/**
 * Deleting a property: refused up front while a rule or watermark refers to it; otherwise says how many values go
 * with it and asks for an explicit confirmation.
 */
export function DeletePropertyForm({
  property,
  valueCounts,
  referencedBy,
}: {
  property: { id: string; name: string; version: number };
  valueCounts: { users: number; objects: number };
  referencedBy: string | null;
}) {
  const [state, formAction, pending] = useActionState(deletePropertyAction, null);
  const failed = state && !state.ok ? state : null;
  const total = valueCounts.users + valueCounts.objects;

  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h2 id="delete-heading" className="text-base font-semibold text-gray-900">
        Delete this property
      </h2>
      {referencedBy ? (
        <p className="text-sm text-gray-700">
          “{property.name}” is used by {referencedBy}. It cannot be deleted while they refer to it: change them first.
        </p>
      ) : (
        <form action={formAction} className="space-y-3">
          <FormStatus error={failed?.error} />
          <p className="text-sm text-gray-700">
            {total === 0
              ? "No user or object has a value for it."
              : `${plural(valueCounts.users, "user", "users")} and ${plural(valueCounts.objects, "object", "objects")} have a value for it: those values are removed with it.`}{" "}
            Templates and saved views that use it forget it too. This cannot be undone.
          </p>
          <label className="flex items-start gap-2 text-sm text-gray-800">
            <input type="checkbox" name="confirm" className="mt-0.5 h-4 w-4 rounded border-gray-300" aria-describedby={failed?.error.fields?.confirm ? "confirm-error" : undefined} />
            <span>
              Delete “{property.name}”{total > 0 ? ` and its ${plural(total, "value", "values")}` : ""}
            </span>
          </label>
          {failed?.error.fields?.confirm && (
            <p id="confirm-error" className="text-sm text-red-700">
              {failed.error.fields.confirm}
            </p>
          )}
          <button type="submit" disabled={pending} className={buttonStyles.danger}>
            {pending ? "Deleting…" : "Delete property"}
          </button>
          <input type="hidden" name="id" value={property.id} />
          <input type="hidden" name="version" value={property.version} />
        </form>
      )}
    </section>
  );
}
