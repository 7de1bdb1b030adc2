import { FormField, inputClass } from "@/components/ui/form-field";

interface AuthTextFieldProps {
  /** Also the submitted name. */
  id: string;
  label: string;
  type: "email" | "password";
  autoComplete: "username" | "current-password" | "new-password";
  defaultValue?: string;
  hint?: string;
  error?: string;
  /** A refusal shown above the form that concerns this input too (a wrong e-mail and password pair). */
  refusal?: { id: string; invalid: boolean };
}

/** A required e-mail or password input of the signed-out forms, with its label, hint and error wired for screen readers. */
export function AuthTextField({ id, label, type, autoComplete, defaultValue, hint, error, refusal }: AuthTextFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <input
          id={id}
          name={id}
          type={type}
          autoComplete={autoComplete}
          required
          defaultValue={defaultValue}
          aria-invalid={invalid || refusal?.invalid || undefined}
          aria-describedby={[describedBy, refusal?.id].filter(Boolean).join(" ") || undefined}
          className={inputClass(invalid || refusal?.invalid)}
        />
      )}
    </FormField>
  );
}
