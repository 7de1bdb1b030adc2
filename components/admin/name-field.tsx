import { useTranslations } from "next-intl";
import { FormField, inputClass } from "@/components/ui/form-field";

interface NameFieldProps {
  id: string;
  /** What the field shows first: the typed value after a refused save, else the stored name (or nothing). */
  defaultValue: string;
  error?: string;
  hint?: string;
}

/** The "Name" field of the admin forms (sites, teams, properties, templates, views): required, 100 characters at most. */
export function NameField({ id, defaultValue, error, hint }: NameFieldProps) {
  const t = useTranslations("admin");
  return (
    <FormField id={id} label={t("nameField")} error={error} hint={hint}>
      {(describedBy, invalid) => (
        <input
          id={id}
          name="name"
          required
          maxLength={100}
          autoComplete="off"
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={inputClass(invalid)}
        />
      )}
    </FormField>
  );
}
