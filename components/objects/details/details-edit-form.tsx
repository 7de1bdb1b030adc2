"use client";

import { useTranslations } from "next-intl";
import { updateObjectDetailsAction } from "@/app/(app)/objects/details-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import type { DetailsFormOptions } from "@/lib/object-details/details-form-options";
import type { ObjectDetails } from "@/lib/object-details/object-details-view";
import { LabelledInput, LabelledSelect } from "./form-inputs";
import { useStatusLabel } from "../use-status-label";

interface DetailsEditFormProps {
  details: ObjectDetails;
  /** The statuses the form offers: every status of the type, or an order's current one and its allowed moves. */
  statusChoices: string[];
  options: DetailsFormOptions;
  /** The object's page, reloaded when someone else saved in between. */
  pagePath: string;
}

/** The form of an object's type-specific details; it states the version it was opened at, so a stale save is refused. */
export function DetailsEditForm({ details, statusChoices, options, pagePath }: DetailsEditFormProps) {
  const t = useTranslations("details");
  const tActions = useTranslations("common.actions");
  const statusLabel = useStatusLabel();
  const { state, pending, onSubmit, formAction } = useKeptFormAction(updateObjectDetailsAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  // After a refused save the form shows what was typed; otherwise the stored details.
  const value = (name: string, stored: string | number | null) => failed?.values[name] ?? (stored === null ? "" : String(stored));
  const id = (name: string) => `details-${name}`;
  const none = { value: "", label: t("form.none") };
  const status = (
    <LabelledSelect
      id={id("status")}
      name="status"
      label={t("labels.status")}
      defaultValue={value("status", details.type === "document" || details.type === "workflow" ? null : details.status)}
      options={statusChoices.map((choice) => ({ value: choice, label: statusLabel(details.type, choice) }))}
      error={fields.status}
      hint={details.type === "manufacturing_order" ? t(statusChoices.length > 1 ? "form.orderMoves" : "form.orderClosed") : undefined}
    />
  );

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <div key={details.version} className="grid gap-4 sm:grid-cols-2">
        {details.type === "part" && (
          <>
            {status}
            <LabelledInput id={id("unit")} name="unit" label={t("labels.unit")} required maxLength={20} defaultValue={value("unit", details.unit)} error={fields.unit} />
            <LabelledInput id={id("material")} name="material" label={t("labels.material")} maxLength={200} defaultValue={value("material", details.material)} error={fields.material} />
          </>
        )}
        {details.type === "product" && status}
        {details.type === "project" && (
          <>
            {status}
            <LabelledSelect
              id={id("team")}
              name="teamId"
              label={t("labels.team")}
              defaultValue={value("teamId", details.team?.id ?? null)}
              options={[none, ...options.teams.map((team) => ({ value: team.id, label: team.name }))]}
              error={fields.teamId}
            />
            <LabelledInput id={id("start")} name="startDate" type="date" label={t("labels.startDate")} defaultValue={value("startDate", details.startDate)} error={fields.startDate} />
            <LabelledInput id={id("due")} name="dueDate" type="date" label={t("labels.dueDate")} defaultValue={value("dueDate", details.dueDate)} error={fields.dueDate} />
          </>
        )}
        {details.type === "manufacturing_order" && (
          <>
            {status}
            {details.product && !details.product.visible ? (
              <div className="min-w-0 text-sm">
                <p className="font-medium text-gray-700">{t("labels.product")}</p>
                <p className="mt-1 text-gray-600">{t("form.productKept")}</p>
              </div>
            ) : (
              <LabelledSelect
                id={id("product")}
                name="productId"
                label={t("labels.product")}
                defaultValue={value("productId", details.product?.id ?? null)}
                options={[none, ...options.products.map((product) => ({ value: product.id, label: product.label }))]}
                error={fields.productId}
              />
            )}
            <LabelledInput
              id={id("quantity")}
              name="quantity"
              type="number"
              min={1}
              required
              label={t("labels.quantity")}
              hint={t("form.quantityHint")}
              defaultValue={value("quantity", details.quantity)}
              error={fields.quantity}
            />
            <LabelledSelect
              id={id("site")}
              name="siteId"
              label={t("labels.site")}
              defaultValue={value("siteId", details.site?.id ?? null)}
              options={[none, ...options.sites.map((site) => ({ value: site.id, label: site.archived ? t("values.archivedSite", { name: site.name }) : site.name }))]}
              error={fields.siteId}
            />
            <LabelledInput id={id("planned-start")} name="plannedStart" type="date" label={t("labels.plannedStart")} defaultValue={value("plannedStart", details.plannedStart)} error={fields.plannedStart} />
            <LabelledInput id={id("planned-end")} name="plannedEnd" type="date" label={t("labels.plannedEnd")} defaultValue={value("plannedEnd", details.plannedEnd)} error={fields.plannedEnd} />
          </>
        )}
      </div>
      <FormStatus error={failed?.error} success={state?.ok ? t("panel.saved") : null} />
      {fields.form && (
        <p role="alert" className="text-sm text-red-700">
          {fields.form}
        </p>
      )}
      {failed?.error.code === "conflict" && (
        <a href={pagePath} className={buttonStyles.secondary}>
          {t("panel.reload")}
        </a>
      )}
      <div>
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? tActions("saving") : tActions("save")}
        </button>
      </div>
      <input type="hidden" name="id" value={details.id} />
      <input type="hidden" name="version" value={details.version} />
    </form>
  );
}
