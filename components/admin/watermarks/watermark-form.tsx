"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { createWatermarkAction, updateWatermarkAction } from "@/app/(app)/admin/watermarks/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FieldError, FormField, fieldErrorId, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import type { AppError } from "@/lib/result";
import type { WatermarkView } from "@/lib/watermarks/watermark-records";
import { pickedValues, type TriggerProperty } from "./trigger-property";

interface WatermarkFormProps {
  properties: TriggerProperty[];
  /** The watermark edited; none for a new one. */
  watermark?: WatermarkView;
  /** Property names are unique per object type only: the form says which type each belongs to. */
  typeLabels: Record<string, string>;
}

const defaultColor = "#dc2626";

/** The fields of a watermark: name, text, colour, trigger (property and values) and whether it is on. */
export function WatermarkForm({ properties, watermark, typeLabels }: WatermarkFormProps) {
  const t = useTranslations("adminWatermarks.form");
  const tAdmin = useTranslations("admin");
  const tActions = useTranslations("common.actions");
  const tCommon = useTranslations("common");
  const prefix = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [propertyId, setPropertyId] = useState(watermark?.triggerPropertyId ?? "");
  const [picked, setPicked] = useState<string[]>((watermark?.triggerValues ?? []).map(String));
  const [typed, setTyped] = useState(watermark && !pickedOf(properties, watermark.triggerPropertyId) ? watermark.triggerValues.join(", ") : "");
  const property = properties.find((candidate) => candidate.id === propertyId);
  const choices = property ? (pickedValues(property) ?? (property.type === "boolean" ? [{ value: "true", label: tCommon("yes") }, { value: "false", label: tCommon("no") }] : null)) : null;
  const fields = error?.fields ?? {};

  // onSubmit rather than a form action: React resets a form after its action, and a refused save must keep what was typed.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    const values = !property ? [] : choices ? picked : typed.split(",").map((value) => value.trim()).filter(Boolean);
    const common = {
      name: String(formData.get("name") ?? ""),
      text: String(formData.get("text") ?? ""),
      color: String(formData.get("color") ?? defaultColor),
      enabled: formData.get("enabled") === "on",
      triggerPropertyId: property ? property.id : null,
      triggerValues: property?.type === "boolean" ? values.map((value) => value === "true") : values,
    };
    setSaved(null);
    startTransition(async () => {
      const result = watermark ? await updateWatermarkAction({ ...common, id: watermark.id, version: watermark.version }) : await createWatermarkAction(common);
      setError(result.ok ? null : result.error);
      if (!result.ok) return;
      setSaved(watermark ? tAdmin("saved") : t("created", { name: result.data.name }));
      if (!watermark) {
        form.reset();
        setPropertyId("");
        setPicked([]);
        setTyped("");
      }
    });
  }

  const id = (field: string) => `${prefix}-${field}`;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormField id={id("name")} label={tAdmin("nameField")} error={fields.name}>
        {(describedBy, invalid) => (
          <input id={id("name")} name="name" required maxLength={100} autoComplete="off" defaultValue={watermark?.name ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={inputClass(invalid)} />
        )}
      </FormField>
      <FormField id={id("text")} label={t("text")} hint={t("textHint")} error={fields.text}>
        {(describedBy, invalid) => (
          <input id={id("text")} name="text" required maxLength={80} autoComplete="off" defaultValue={watermark?.text ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={inputClass(invalid)} />
        )}
      </FormField>
      <FormField id={id("color")} label={t("color")} error={fields.color}>
        {(describedBy, invalid) => (
          <input id={id("color")} name="color" type="color" defaultValue={watermark?.color ?? defaultColor} aria-describedby={describedBy} aria-invalid={invalid || undefined} className="mt-1 block h-10 w-20 rounded-md border border-gray-500 bg-white p-1" />
        )}
      </FormField>
      <FormField id={id("property")} label={t("triggerProperty")} hint={t("triggerHint")} error={fields.triggerPropertyId}>
        {(describedBy, invalid) => (
          <select
            id={id("property")}
            value={propertyId}
            onChange={(event) => {
              setPropertyId(event.target.value);
              setPicked([]);
              setTyped("");
            }}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          >
            <option value="">{t("everyPreview")}</option>
            {properties.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {`${typeLabels[candidate.appliesTo] ?? candidate.appliesTo} · ${candidate.name}`}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {property && choices && (
        <fieldset aria-describedby={fields.triggerValues ? fieldErrorId(id("values")) : undefined}>
          <legend className="text-sm font-medium text-gray-700">{t("triggerValues")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {choices.map((choice) => (
              <label key={choice.value} className="inline-flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={picked.includes(choice.value)}
                  onChange={(event) => setPicked(event.target.checked ? [...picked, choice.value] : picked.filter((value) => value !== choice.value))}
                  className="h-4 w-4 rounded border-gray-500"
                />
                {choice.label}
              </label>
            ))}
          </div>
          <FieldError id={id("values")} error={fields.triggerValues} />
        </fieldset>
      )}
      {property && !choices && (
        <FormField id={id("values")} label={t("triggerValues")} hint={t("typedValuesHint")} error={fields.triggerValues}>
          {(describedBy, invalid) => (
            <input id={id("values")} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid || undefined} className={inputClass(invalid)} />
          )}
        </FormField>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={watermark?.enabled ?? true} className="h-4 w-4 rounded border-gray-500" />
        {t("enabled")}
      </label>
      <FormStatus error={error} success={saved} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? tActions("saving") : watermark ? tActions("save") : t("create")}
      </button>
    </form>
  );
}

function pickedOf(properties: TriggerProperty[], propertyId: string | null): boolean {
  const property = properties.find((candidate) => candidate.id === propertyId);
  return Boolean(property && (pickedValues(property) || property.type === "boolean"));
}
