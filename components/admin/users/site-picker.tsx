"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormField, fieldErrorId, inputClass } from "@/components/ui/form-field";
import { userFormFields } from "@/lib/users/user-form-fields";
import type { SiteOption } from "@/lib/users/user-form-options";

interface SitePickerProps {
  sites: SiteOption[];
  /** Sites checked when the form opens (the user's, or those typed before an error). */
  initialSiteIds: string[];
  initialPrimarySiteId: string | null;
  /** Memberships the user already has: an archived site stays pickable only for them. */
  currentSiteIds?: string[];
  errors?: { siteIds?: string; primarySiteId?: string };
}

/** Site checkboxes (archived sites take no new members) and the primary site, among the checked ones. */
export function SitePicker({ sites, initialSiteIds, initialPrimarySiteId, currentSiteIds = [], errors = {} }: SitePickerProps) {
  const t = useTranslations("adminUsers");
  const tStates = useTranslations("common.states");
  const [checked, setChecked] = useState(() => new Set(initialSiteIds));
  const [primary, setPrimary] = useState(initialPrimarySiteId ?? "");
  const chosen = sites.filter((site) => checked.has(site.id));
  const effectivePrimary = chosen.some((site) => site.id === primary) ? primary : (chosen[0]?.id ?? "");
  const pickable = sites.filter((site) => !site.archived || currentSiteIds.includes(site.id));

  function toggle(siteId: string, on: boolean) {
    setChecked((previous) => {
      const next = new Set(previous);
      if (on) next.add(siteId);
      else next.delete(siteId);
      return next;
    });
  }

  return (
    <div className="space-y-4">
      <fieldset aria-describedby={[errors.siteIds && fieldErrorId("siteIds"), "siteIds-hint"].filter(Boolean).join(" ")}>
        <legend className="block text-sm font-medium text-gray-700">{t("fields.sites")}</legend>
        {pickable.length === 0 ? (
          <p id="siteIds-hint" className="mt-1 text-sm text-gray-600">
            {t("sitePicker.none")}
          </p>
        ) : (
          <>
            <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {pickable.map((site) => (
                <label key={site.id} className="flex min-w-0 items-center gap-2 rounded-md border border-gray-200 px-3 py-2 text-sm">
                  <input
                    type="checkbox"
                    name={userFormFields.site(site.id)}
                    // Uncontrolled, so React's reset of the form after an action restores the typed choice;
                    // the state only follows it, for the primary site's options.
                    defaultChecked={initialSiteIds.includes(site.id)}
                    onChange={(event) => toggle(site.id, event.target.checked)}
                    className="h-4 w-4 shrink-0 rounded border-gray-500"
                  />
                  <span className="min-w-0 [overflow-wrap:anywhere]">{site.name}</span>
                  {site.archived && <span className="ml-auto rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">{tStates("archived")}</span>}
                </label>
              ))}
            </div>
            <p id="siteIds-hint" className="mt-1 text-xs text-gray-600">
              {t("sitePicker.hint")}
            </p>
          </>
        )}
        <FieldError id="siteIds" error={errors.siteIds} />
      </fieldset>
      <FormField id="primarySiteId" label={t("fields.primarySite")} error={errors.primarySiteId} hint={t("sitePicker.primaryHint")}>
        {(describedBy, invalid) => (
          <select
            id="primarySiteId"
            name="primarySiteId"
            value={effectivePrimary}
            onChange={(event) => setPrimary(event.target.value)}
            disabled={chosen.length === 0}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={`${inputClass(invalid)} max-w-sm disabled:bg-gray-50 disabled:text-gray-600`}
          >
            {chosen.length === 0 && <option value="">{t("sitePicker.noSiteChosen")}</option>}
            {chosen.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </div>
  );
}
