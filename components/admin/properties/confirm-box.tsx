import { FieldMessage } from "./field-message";

/** The box a delete form asks to tick (posted as `confirm`), with the refusal when it was left empty. */
export function ConfirmBox({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <div>
      <label className="flex items-start gap-2 text-sm text-gray-800">
        <input
          type="checkbox"
          name="confirm"
          className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-300"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span>{label}</span>
      </label>
      <FieldMessage id={`${id}-error`} message={error} />
    </div>
  );
}
