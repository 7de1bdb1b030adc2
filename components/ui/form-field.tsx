import type { ReactNode } from "react";

interface FormFieldProps {
  id: string;
  label: string;
  /** The field's error message, shown under it and announced through aria-describedby. */
  error?: string;
  hint?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** A labelled form control with its hint and error wired for screen readers. */
export function FormField({ id, label, error, hint, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? fieldErrorId(id) : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium text-gray-700 [overflow-wrap:anywhere]">
        {label}
      </label>
      {children(describedBy, Boolean(error))}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-gray-600">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The id of a field's error message, for the aria-describedby of a control FormField does not render (a fieldset). */
export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

/** A field's error under it, announced when it appears (the field points to it with aria-describedby). */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={fieldErrorId(id)} role="alert" className="mt-1 text-sm text-red-700">
      {error}
    </p>
  );
}

/**
 * Class names of text inputs and selects, red when invalid. The border is dark enough (3:1) to show where the
 * control is; focus keeps the app's outline (globals.css).
 */
export function inputClass(invalid = false): string {
  return `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${
    invalid ? "border-red-600 focus:border-red-700" : "border-gray-500 focus:border-blue-600"
  }`;
}
