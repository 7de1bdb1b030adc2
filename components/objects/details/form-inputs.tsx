import { FormField, inputClass } from "@/components/ui/form-field";

interface InputProps {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  error?: string;
  hint?: string;
}

/** A labelled text, number or date input of the details and task forms. */
export function LabelledInput({ type = "text", required, maxLength, min, ...field }: InputProps & { type?: "text" | "number" | "date"; required?: boolean; maxLength?: number; min?: number }) {
  return (
    <FormField id={field.id} label={field.label} error={field.error} hint={field.hint}>
      {(describedBy, invalid) => (
        <input
          id={field.id}
          name={field.name}
          type={type}
          required={required}
          maxLength={maxLength}
          min={min}
          autoComplete="off"
          defaultValue={field.defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={inputClass(invalid)}
        />
      )}
    </FormField>
  );
}

/** A labelled select; `options` are value and words, in the order shown. */
export function LabelledSelect({ options, ...field }: InputProps & { options: { value: string; label: string }[] }) {
  return (
    <FormField id={field.id} label={field.label} error={field.error} hint={field.hint}>
      {(describedBy, invalid) => (
        <select
          id={field.id}
          name={field.name}
          defaultValue={field.defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={inputClass(invalid)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
