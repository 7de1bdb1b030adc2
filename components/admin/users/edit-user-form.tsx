"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateUserAction } from "@/app/(app)/admin/users/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import type { Role } from "@/db/schema/enums";
import type { UserFormOptions } from "@/lib/users/user-form-options";
import { siteIdsFromForm } from "@/lib/users/user-form-fields";
import type { UserView } from "@/lib/users/user-view";
import { splitFormError } from "./form-errors";
import { PropertyInputs } from "./property-inputs";
import { SitePicker } from "./site-picker";
import { UserNameField } from "./user-name-field";

/** The roles an account of this kind may take: a shared computer stays one, a personal account stays personal. */
function rolesFor(user: UserView): Role[] {
  if (user.kind === "shared") return ["shared_computer"];
  return ["viewer", "manager", "admin"];
}

export function EditUserForm({ user, options }: { user: UserView; options: UserFormOptions }) {
  const t = useTranslations("adminUsers");
  const tCommon = useTranslations("common");
  const { state, formAction, pending, onSubmit } = useKeptFormAction(updateUserAction, null);
  // After a refusal, what was typed comes back; after a save, the page shows the stored account again.
  const typed = state && !state.ok ? state.values : null;
  const error = state && !state.ok ? state.error : null;
  const { fields, properties, status } = splitFormError(error);
  const [role, setRole] = useState<string>(typed?.role ?? user.role);

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-6" noValidate>
      <input type="hidden" name="id" value={user.id} />
      {/* The version the page showed: saving over someone else's change is refused, never silent. */}
      <input type="hidden" name="version" value={user.version} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <UserNameField defaultValue={typed?.name ?? user.name} error={fields.name} />
        <FormField id="role" label={t("fields.role")} error={fields.role} hint={t(`edit.roleHints.${user.kind}`)}>
          {(describedBy, invalid) => (
            <select
              id="role"
              name="role"
              value={role}
              onChange={(event) => setRole(event.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              className={inputClass(invalid)}
            >
              {rolesFor(user).map((value) => (
                <option key={value} value={value}>
                  {tCommon(`roles.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="border-t border-gray-100 pt-6">
        <SitePicker
          sites={options.sites}
          initialSiteIds={typed ? siteIdsFromForm(typed) : user.siteIds}
          initialPrimarySiteId={typed ? (typed.primarySiteId ?? null) : user.primarySiteId}
          currentSiteIds={user.siteIds}
          errors={{ siteIds: fields.siteIds, primarySiteId: fields.primarySiteId }}
        />
      </div>
      <div className="border-t border-gray-100 pt-6">
        <h3 className="mb-3 text-sm font-semibold text-gray-900">{t("fields.properties")}</h3>
        <PropertyInputs
          definitions={options.properties}
          relationOptions={options.relationOptions}
          stored={user.properties}
          typed={typed}
          errors={properties}
        />
      </div>
      <FormStatus error={status} success={state?.ok ? t("edit.saved") : null} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? tCommon("actions.saving") : t("edit.submit")}
      </button>
    </form>
  );
}
