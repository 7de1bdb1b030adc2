"use client";

import Link from "next/link";
import { useState } from "react";
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField } from "@/components/ui/form-field";
import { fieldClass } from "./field-class";
import { FormStatus } from "@/components/ui/form-status";
import type { UserFormOptions } from "@/lib/users/user-form-options";
import { siteIdsFromForm } from "@/lib/users/user-form-fields";
import { roleLabels } from "@/lib/users/role-labels";
import { splitFormError } from "./form-errors";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import { PropertyInputs } from "./property-inputs";
import { SitePicker } from "./site-picker";

const roleHints = {
  shared_computer: "A shop-floor terminal several people use: views and comments only; never assigned tasks.",
  viewer: "Views objects, comments, works on assigned tasks and signatures.",
  manager: "Also creates and edits objects, shares them, runs workflows, sees analytics.",
  admin: "Also runs the admin panel: users, sites, properties, access rules…",
} as const;

export function NewUserForm({ options }: { options: UserFormOptions }) {
  const { state, formAction, pending, onSubmit } = useKeptFormAction(createUserAction, null);
  const values = state?.values ?? {};
  const error = state && !state.ok ? state.error : null;
  const { fields, properties, status } = splitFormError(error);
  const [method, setMethod] = useState(values.signInMethod ?? "password");
  const [role, setRole] = useState<keyof typeof roleHints>((values.role as keyof typeof roleHints | undefined) ?? "viewer");
  // After an error the typed sites come back; a blank form starts with none.
  const typedSiteIds = state ? siteIdsFromForm(values) : [];

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-8" noValidate>
      <FormStatus error={status} />
      <section className="space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <h2 className="text-base font-semibold text-gray-900">Account</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="email" label="E-mail" error={fields.email} hint="Also required for shared computers. Cannot be changed later.">
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
                className={fieldClass(invalid)}
              />
            )}
          </FormField>
          <FormField id="name" label="Name" error={fields.name}>
            {(describedBy, invalid) => (
              <input
                id="name"
                name="name"
                type="text"
                autoComplete="off"
                required
                maxLength={120}
                defaultValue={values.name ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={fieldClass(invalid)}
              />
            )}
          </FormField>
          <FormField id="role" label="Role" error={fields.role} hint={roleHints[role]}>
            {(describedBy, invalid) => (
              <select
                id="role"
                name="role"
                value={role}
                onChange={(event) => setRole(event.target.value as keyof typeof roleHints)}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={fieldClass(invalid)}
              >
                {(["viewer", "manager", "admin", "shared_computer"] as const).map((value) => (
                  <option key={value} value={value}>
                    {roleLabels[value]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="signInMethod" label="Sign-in method" error={fields.signInMethod}>
            {(describedBy, invalid) => (
              <select
                id="signInMethod"
                name="signInMethod"
                value={method}
                onChange={(event) => setMethod(event.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={fieldClass(invalid)}
              >
                <option value="password">Password</option>
                <option value="sso">Single sign-on</option>
              </select>
            )}
          </FormField>
          {method === "password" ? (
            <FormField
              id="password"
              label="Initial password"
              error={fields.password}
              hint="12 to 128 characters; very common passwords are refused. Give it to the user yourself: it is never shown again, and they can reset it from the sign-in page."
            >
              {(describedBy, invalid) => (
                <input
                  id="password"
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  required
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  className={fieldClass(invalid)}
                />
              )}
            </FormField>
          ) : (
            <p className="self-end text-sm text-gray-600 sm:col-span-1">
              The user signs in with the organisation&apos;s identity provider, with this e-mail address.
            </p>
          )}
        </div>
      </section>
      <section className="space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <h2 className="text-base font-semibold text-gray-900">Sites</h2>
        <SitePicker
          sites={options.sites}
          initialSiteIds={typedSiteIds}
          initialPrimarySiteId={values.primarySiteId ?? null}
          errors={{ siteIds: fields.siteIds, primarySiteId: fields.primarySiteId }}
        />
      </section>
      <section className="space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <h2 className="text-base font-semibold text-gray-900">Properties</h2>
        <PropertyInputs
          definitions={options.properties}
          relationOptions={options.relationOptions}
          stored={{}}
          typed={state ? values : null}
          errors={properties}
        />
      </section>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? "Creating…" : "Create account"}
        </button>
        <Link href="/admin/users" className={buttonStyles.secondary}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
