"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { changeObjectScopeAction } from "@/app/(app)/objects/share-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FieldError, fieldErrorId } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import { scopeKinds, type ScopeKind } from "@/db/schema";
import type { ScopeFormSite } from "@/lib/objects/scope-form-sites";
import { AccessChangeWarning } from "./access-change-warning";

export interface ScopeFormObject {
  id: string;
  version: number;
  scope: { kind: ScopeKind; siteIds: readonly string[] };
}

/**
 * The Share tab's scope form: Private, some sites, or the whole organisation. A change that alters who can access the
 * object shows the access-change warning first; one that would take the user's own access away is refused with the
 * service's message beside the field that caused it.
 */
export function ScopeForm({ object, sites }: { object: ScopeFormObject; sites: readonly ScopeFormSite[] }) {
  const t = useTranslations("share.scopeForm");
  const tActions = useTranslations("common.actions");
  const { state, formAction, pending, onSubmit } = useKeptFormAction(changeObjectScopeAction, null);
  const [dismissed, setDismissed] = useState<typeof state>(null);
  const typed = state?.values ?? null;
  const [kind, setKind] = useState<ScopeKind>(() => object.scope.kind);
  const failed = state && !state.ok ? state : null;
  const confirming = state?.ok && state.data.status === "confirm" && dismissed !== state ? state.data : null;
  const saved = state?.ok && state.data.status === "saved";
  const fields = failed?.error.fields ?? {};
  const kindErrorId = fieldErrorId("scope-kind");
  const sitesErrorId = fieldErrorId("scope-sites");
  const legendId = useId();
  const isChecked = (siteId: string) => (typed ? typed[`site:${siteId}`] !== undefined : object.scope.siteIds.includes(siteId));

  return (
    <form id="scope-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="id" value={object.id} />
      <input type="hidden" name="version" value={object.version} />
      <fieldset aria-describedby={fields.kind ? kindErrorId : undefined}>
        <legend className="text-sm font-medium text-gray-700">{t("legend")}</legend>
        <div className="mt-2 space-y-2">
          {scopeKinds.map((choice) => (
            <label key={choice} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="kind"
                value={choice}
                checked={kind === choice}
                onChange={() => setKind(choice)}
                className="h-4 w-4 shrink-0 border-gray-500"
              />
              {t(choice)}
            </label>
          ))}
        </div>
        <FieldError id="scope-kind" error={fields.kind} />
      </fieldset>
      {kind === "sites" && (
        <fieldset aria-labelledby={legendId} aria-describedby={fields.siteIds ? sitesErrorId : undefined} className="min-w-0">
          <legend id={legendId} className="text-sm font-medium text-gray-700">
            {t("sitesLegend")}
          </legend>
          {sites.length === 0 ? (
            <p className="mt-1 text-sm text-gray-600">{t("noSites")}</p>
          ) : (
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {sites.map((site) => (
                <label key={site.id} className="flex min-w-0 items-center gap-2 text-sm [overflow-wrap:anywhere]">
                  <input type="checkbox" name={`site:${site.id}`} defaultChecked={isChecked(site.id)} className="h-4 w-4 shrink-0 rounded border-gray-500" />
                  {site.archived ? t("archived", { name: site.name }) : site.yours ? t("yours", { name: site.name }) : site.name}
                </label>
              ))}
            </div>
          )}
          <FieldError id="scope-sites" error={fields.siteIds} />
        </fieldset>
      )}
      <FormStatus error={failed?.error ?? null} success={saved ? t("saved") : null} />
      {confirming ? (
        <AccessChangeWarning impact={confirming.impact} token={confirming.token} pending={pending} onCancel={() => setDismissed(state)} />
      ) : (
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? tActions("saving") : tActions("save")}
        </button>
      )}
    </form>
  );
}
