"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { createObjectAction } from "@/app/(app)/objects/create-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import { workflowKinds, type ObjectType } from "@/db/schema/enums";
import { WorkflowCreateFields } from "@/components/workflows/workflow-create-fields";
import type { CreateFormChoices } from "@/lib/objects/load-create-form";
import { PropertyInputs } from "../property-inputs";

function Select({ id, name, label, error, value, children }: { id: string; name: string; label: string; error?: string; value?: string; children: ReactNode }) {
  return (
    <FormField id={id} label={label} error={error}>
      {(describedBy, invalid) => (
        <select id={id} name={name} defaultValue={value} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={inputClass(invalid)}>
          {children}
        </select>
      )}
    </FormField>
  );
}

function Input({ id, name, label, error, value, type = "text", hint }: { id: string; name: string; label: string; error?: string; value?: string; type?: string; hint?: string }) {
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      {(describedBy, invalid) => (
        <input id={id} name={name} type={type} defaultValue={value} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={inputClass(invalid)} />
      )}
    </FormField>
  );
}

/**
 * The create form of one object type: title, template, origin site, sharing, the type's own fields and its custom
 * properties (prefilled with the default template's values). The server decides everything again.
 */
export function CreateObjectForm({ type, choices }: { type: ObjectType; choices: CreateFormChoices }) {
  const t = useTranslations("workspace.create");
  const tScope = useTranslations("workspace.scope");
  const { state, formAction, onSubmit, pending } = useKeptFormAction(createObjectAction, null);
  const values = state?.values ?? {};
  const errors = state && !state.ok ? (state.error.fields ?? {}) : {};
  const created = state?.ok ? state.data : null;
  const defaultTemplate = choices.templates.find((template) => template.isDefault);
  const detailError = (field: string) => errors[`details.${field}`];
  const scope = values.scope ?? "";

  if (created) {
    return (
      <div role="status" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
        <p>{created.message}</p>
        <Link href={created.listPath} className={buttonStyles.secondary}>
          {t("backToList")}
        </Link>
      </div>
    );
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
      <FormStatus error={state && !state.ok ? state.error : null} />
      <input type="hidden" name="type" value={type} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Input id="create-title" name="title" label={t("title")} error={errors.title} value={values.title} />
        </div>
        {choices.templates.length > 0 && (
          <Select id="create-template" name="templateId" label={t("template")} error={errors.templateId} value={values.templateId ?? defaultTemplate?.id ?? ""}>
            {!defaultTemplate && <option value="">{t("noTemplate")}</option>}
            {choices.templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </Select>
        )}
        {choices.mySites.length > 0 && (
          <Select id="create-origin" name="originSiteId" label={t("originSite")} error={errors.originSiteId} value={values.originSiteId ?? choices.primarySiteId ?? choices.mySites[0]?.id}>
            {choices.mySites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </Select>
        )}
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-gray-700">{t("sharing")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {(["", "owner", "sites", "organization"] as const).map((kind) => (
            <label key={kind || "default"} className="flex items-center gap-2">
              <input type="radio" name="scope" value={kind} defaultChecked={scope === kind} />
              {kind ? tScope(kind) : t("templateScope")}
            </label>
          ))}
        </div>
        <fieldset>
          <legend className="text-sm text-gray-700">{t("sites")}</legend>
          <p className="text-xs text-gray-600">{t("sitesHint")}</p>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2 text-sm">
            {choices.sites.map((site) => (
              <label key={site.id} className="flex items-center gap-2">
                <input type="checkbox" name={`site:${site.id}`} value="on" defaultChecked={values[`site:${site.id}`] === "on"} />
                {site.name}
              </label>
            ))}
          </div>
        </fieldset>
        {(errors["scope.siteIds"] ?? errors.siteIds ?? errors["scope.kind"] ?? errors.scope) && (
          <p role="alert" className="text-sm text-red-700">
            {errors["scope.siteIds"] ?? errors.siteIds ?? errors["scope.kind"] ?? errors.scope}
          </p>
        )}
      </fieldset>

      {type !== "document" && type !== "product" && (
        <div className="grid gap-4 sm:grid-cols-2">
          {type === "part" && (
            <Input id="create-unit" name="details.unit" label={t("unit")} error={detailError("unit")} value={values["details.unit"] ?? "pc"} />
          )}
          {type === "project" && (
            <>
              <Select id="create-team" name="details.teamId" label={t("team")} error={detailError("teamId")} value={values["details.teamId"] ?? ""}>
                <option value="">{t("noTeam")}</option>
                {choices.teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </Select>
              <Input id="create-start" name="details.startDate" type="date" label={t("startDate")} error={detailError("startDate")} value={values["details.startDate"]} />
              <Input id="create-due" name="details.dueDate" type="date" label={t("dueDate")} error={detailError("dueDate")} value={values["details.dueDate"]} />
            </>
          )}
          {type === "manufacturing_order" && (
            <>
              <Select id="create-product" name="details.productId" label={t("product")} error={detailError("productId")} value={values["details.productId"] ?? ""}>
                <option value="">{t("noProduct")}</option>
                {choices.products.map((product) => (
                  <option key={product.id} value={product.id}>
                    {product.reference} — {product.title}
                  </option>
                ))}
              </Select>
              <Input id="create-quantity" name="details.quantity" type="number" label={t("quantity")} error={detailError("quantity")} value={values["details.quantity"]} />
              <Select id="create-mo-site" name="details.siteId" label={t("site")} error={detailError("siteId")} value={values["details.siteId"] ?? ""}>
                <option value="">{t("originSiteDefault")}</option>
                {choices.sites.map((site) => (
                  <option key={site.id} value={site.id}>
                    {site.name}
                  </option>
                ))}
              </Select>
            </>
          )}
          {type === "workflow" && (
            <Select id="create-kind" name="details.kind" label={t("kind")} error={detailError("kind")} value={values["details.kind"] ?? "ECR"}>
              {workflowKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </Select>
          )}
        </div>
      )}

      {type === "workflow" && choices.workflow && <WorkflowCreateFields choices={choices.workflow} values={values} errors={errors} />}

      {choices.fields.length > 0 && (
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold text-gray-900">{t("properties")}</legend>
          <PropertyInputs
            fields={choices.fields}
            values={defaultTemplate?.defaultProperties ?? {}}
            typed={state && !state.ok ? state.values : null}
            errors={state && !state.ok ? state.error.fields : null}
          />
        </fieldset>
      )}

      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? t("creating") : t(`submit.${type}`)}
      </button>
    </form>
  );
}
