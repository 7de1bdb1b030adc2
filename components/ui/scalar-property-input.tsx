"use client";

import { useTranslations } from "next-intl";
import type { PropertyType } from "@/db/schema/enums";
import { FormField, inputClass } from "./form-field";

interface ScalarPropertyInputProps {
  id: string;
  name: string;
  label: string;
  type: PropertyType;
  options: readonly { id: string; label: string }[];
  /** The value shown first, as form text. */
  initial: string;
  /** The empty choice of a select ("Not set"), in the form's own words. */
  notSetLabel: string;
  error?: string;
}

/**
 * One custom property value as a single form control — a select for choices and yes / no, a typed input otherwise —
 * for the user forms and the object forms alike (multiple choices and relations have controls of their own).
 */
export function ScalarPropertyInput({ id, name, label, type, options, initial, notSetLabel, error }: ScalarPropertyInputProps) {
  const tCommon = useTranslations("common");
  return (
    <FormField id={id} label={label} error={error}>
      {(describedBy, invalid) => {
        const common = { id, name, "aria-describedby": describedBy, "aria-invalid": invalid || undefined, className: inputClass(invalid) };
        switch (type) {
          case "single_choice":
            return (
              <select {...common} defaultValue={initial}>
                <option value="">{notSetLabel}</option>
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            );
          case "boolean":
            return (
              <select {...common} defaultValue={initial}>
                <option value="">{notSetLabel}</option>
                <option value="true">{tCommon("yes")}</option>
                <option value="false">{tCommon("no")}</option>
              </select>
            );
          case "number":
            return <input {...common} type="number" step="any" inputMode="decimal" defaultValue={initial} />;
          case "date":
            return <input {...common} type="date" defaultValue={initial} />;
          default:
            return <input {...common} type="text" maxLength={2000} defaultValue={initial} />;
        }
      }}
    </FormField>
  );
}
