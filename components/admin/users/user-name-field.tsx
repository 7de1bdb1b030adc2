import { useTranslations } from "next-intl";
import { FormField, inputClass } from "@/components/ui/form-field";

/** A user's name, as the new-user form and the user page edit it (120 characters at most). */
export function UserNameField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const t = useTranslations("adminUsers.fields");
  return (
    <FormField id="name" label={t("name")} error={error}>
      {(describedBy, invalid) => (
        <input
          id="name"
          name="name"
          type="text"
          autoComplete="off"
          required
          maxLength={120}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={inputClass(invalid)}
        />
      )}
    </FormField>
  );
}
