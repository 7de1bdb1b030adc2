"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import type { UserFormOptions } from "@/lib/users/user-form-options";
import { siteIdsFromForm } from "@/lib/users/user-form-fields";
import { splitFormError } from "./form-errors";
import { PropertyInputs } from "./property-inputs";
import { SitePicker } from "./site-picker";
import { UserNameField } from "./user-name-field";

const newUserRoles = ["viewer", "manager", "admin", "shared_computer"] as const;
type NewUserRole = (typeof newUserRoles)[number];

export function NewUserForm({ options }: { options: UserFormOptions }) {
  const t = useTranslations("adminUsers");
  const tCommon = useTranslations("common");
  const { state, formAction, pending, onSubmit } = useKeptFormAction(createUserAction, null);
  const values = state?.values ?? {};
  const error = state && !state.ok ? state.error : null;
  const { fields, properties, status } = splitFormError(error);
  const [method, setMethod] = useState(values.signInMethod ?? "password");
  const [role, setRole] = useState<NewUserRole>((values.role as NewUserRole | undefined) ?? "viewer");
  // After an error the typed sites come back; a blank form starts with none.
  const typedSiteIds = state ? siteIdsFromForm(values) : [];

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-8" noValidate>
      <FormStatus error={status} />
      <section aria-labelledby="new-user-account" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <h2 id="new-user-account" className="text-base font-semibold text-gray-900">
          {t("new.account")}
        </h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormField id="email" label={t("fields.email")} error={fields.email} hint={t("new.emailHint")}>
            {(describedBy, invalid) => (
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="off"
                required
                defaultValue={values.email ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={inputClass(invalid)}
              />
            )}
          </FormField>
          <UserNameField defaultValue={values.name ?? ""} error={fields.name} />
          <FormField id="role" label={t("fields.role")} error={fields.role} hint={t(`new.roleHints.${role}`)}>
            {(describedBy, invalid) => (
              <select
                id="role"
                name="role"
                value={role}
                onChange={(event) => setRole(event.target.value as NewUserRole)}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={inputClass(invalid)}
              >
                {newUserRoles.map((value) => (
                  <option key={value} value={value}>
                    {tCommon(`roles.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="signInMethod" label={t("fields.signInMethod")} error={fields.signInMethod}>
            {(describedBy, invalid) => (
              <select
                id="signInMethod"
                name="signInMethod"
                value={method}
                onChange={(event) => setMethod(event.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={inputClass(invalid)}
              >
                <option value="password">{tCommon("signInMethods.password")}</option>
                <option value="sso">{tCommon("signInMethods.sso")}</option>
              </select>
            )}
          </FormField>
          {method === "password" ? (
            <FormField id="password" label={t("fields.password")} error={fields.password} hint={t("new.passwordHint")}>
              {(describedBy, invalid) => (
                <input
                  id="password"
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  required
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  className={inputClass(invalid)}
                />
              )}
            </FormField>
          ) : (
            <p className="self-end text-sm text-gray-600">{t("new.ssoNote")}</p>
          )}
        </div>
      </section>
      <section aria-labelledby="new-user-sites" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <h2 id="new-user-sites" className="text-base font-semibold text-gray-900">
          {t("fields.sites")}
        </h2>
        <SitePicker
          sites={options.sites}
          initialSiteIds={typedSiteIds}
          initialPrimarySiteId={values.primarySiteId ?? null}
          errors={{ siteIds: fields.siteIds, primarySiteId: fields.primarySiteId }}
        />
      </section>
      <section aria-labelledby="new-user-properties" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <h2 id="new-user-properties" className="text-base font-semibold text-gray-900">
          {t("fields.properties")}
        </h2>
        <PropertyInputs
          definitions={options.properties}
          relationOptions={options.relationOptions}
          stored={{}}
          typed={state ? values : null}
          errors={properties}
        />
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? t("new.creating") : t("new.submit")}
        </button>
        <Link href="/admin/users" className={buttonStyles.secondary}>
          {tCommon("actions.cancel")}
        </Link>
      </div>
    </form>
  );
}
