"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createAccessRuleAction, previewAccessRuleChangeAction, updateAccessRuleAction } from "@/app/(app)/admin/access-rules/actions";
import { accessLevels, objectTypes, roles, type AccessLevel } from "@/db/schema";
import type { AccessRuleRecord } from "@/lib/access-rules/access-rule-records";
import type { RulePreview } from "@/lib/access-rules/preview-rule-change";
import type { RuleEditorChoices } from "@/lib/admin/rule-editor-choices";
import type { AppError } from "@/lib/result";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { FieldMessage } from "@/components/admin/properties/field-message";
import { CheckboxGroup } from "./checkbox-group";
import { ImpactPreview } from "./impact-preview";
import { MultiPicker } from "./multi-picker";
import { PropertyConditions } from "./property-conditions";
import { PropertyMatches } from "./property-matches";
import { draftFieldErrors, draftKey, draftToSend, emptyRuleDraft, toggled, type RuleDraft } from "./rule-draft";

interface RuleEditorProps {
  choices: RuleEditorChoices;
  /** The rule being edited; a new rule when absent. */
  rule?: AccessRuleRecord;
}

function draftOf(rule: AccessRuleRecord | undefined): RuleDraft {
  if (!rule) return emptyRuleDraft;
  return { name: rule.name, level: rule.level, enabled: rule.enabled, users: rule.users, objects: rule.objects, match: rule.match };
}

// The paths the editor shows next to their field; any other error is listed with the form's status.
const placedField =
  /^(name|level|users|users\.(all|roles|siteIds|teamIds|userIds)|users\.properties\.\d+\.(propertyId|in)|objects\.types|objects\.properties\.\d+\.(propertyId|in)|match\.\d+\.(userPropertyId|objectPropertyId))$/;

/** Errors under one path (`users.properties`), keyed by the rest of it (`0.in`). */
function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).flatMap(([key, message]) => (key.startsWith(`${prefix}.`) ? [[key.slice(prefix.length + 1), message]] : [])));
}

/**
 * The access rule editor (SPEC §4, §8): whom, which objects, which level. Saving is offered once the impact preview
 * of exactly the draft on screen has been shown, so no rule changes access unseen.
 */
export function RuleEditor({ choices, rule }: RuleEditorProps) {
  const t = useTranslations("adminRules.editor");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const [preview, setPreview] = useState<{ key: string; data: RulePreview } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = draftFieldErrors(error?.fields);
  const unplaced = Object.entries(errors).filter(([key]) => !placedField.test(key));
  const sent = draftToSend(draft);
  const previewIsCurrent = preview?.key === draftKey(sent);
  const whomError = errors["users.all"] ?? errors.users;

  const update = (change: (draft: RuleDraft) => RuleDraft) => setDraft((current) => change(current));
  const setUsers = (users: Partial<RuleDraft["users"]>) => update((current) => ({ ...current, users: { ...current.users, ...users } }));

  const runPreview = () =>
    startTransition(async () => {
      const result = await previewAccessRuleChangeAction(rule ? { kind: "update", id: rule.id, rule: sent } : { kind: "create", rule: sent });
      if (!result.ok) {
        setError(result.error);
        setPreview(null);
        return;
      }
      setError(null);
      setPreview({ key: draftKey(sent), data: result.data });
    });

  const save = () =>
    startTransition(async () => {
      const result = rule ? await updateAccessRuleAction({ id: rule.id, version: rule.version, ...sent }) : await createAccessRuleAction(sent);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setPreview(null);
      router.replace(`/admin/access-rules/${result.data.id}?${rule ? "saved" : "created"}=1`);
    });

  const userProperties = choices.properties.filter((property) => property.appliesTo === "user");
  const objectProperties = choices.properties.filter(
    (property) => property.appliesTo !== "user" && (draft.objects.types.length === 0 || draft.objects.types.some((type) => type === property.appliesTo)),
  );

  return (
    <div className="space-y-6 [overflow-wrap:anywhere]">
      <section aria-labelledby="rule-basics" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-5">
        <h2 id="rule-basics" className="text-lg font-semibold">
          {t("basicsHeading")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="rule-name" label={t("name")} error={errors.name}>
            {(describedBy, invalid) => (
              <input
                id="rule-name"
                value={draft.name}
                maxLength={200}
                autoComplete="off"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(event) => update((current) => ({ ...current, name: event.target.value }))}
                className={inputClass(invalid)}
              />
            )}
          </FormField>
          <FormField id="rule-level" label={t("level")} error={errors.level}>
            {(describedBy, invalid) => (
              <select
                id="rule-level"
                value={draft.level}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(event) => update((current) => ({ ...current, level: event.target.value as AccessLevel }))}
                className={inputClass(invalid)}
              >
                {accessLevels.map((level) => (
                  <option key={level} value={level}>
                    {tCommon(`levels.${level}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => update((current) => ({ ...current, enabled: event.target.checked }))}
            className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-300"
          />
          {t("enabled")}
        </label>
      </section>

      <section aria-labelledby="rule-users" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-5">
        <div>
          <h2 id="rule-users" className="text-lg font-semibold">
            {t("usersHeading")}
          </h2>
          <p className="text-sm text-gray-600">{t("usersHint")}</p>
        </div>
        <fieldset className="flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-describedby={whomError ? "rule-users-error" : undefined}>
          <legend className="sr-only">{t("usersLegend")}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="rule-users-all" checked={draft.users.all} onChange={() => setUsers({ all: true })} className="h-4 w-4 shrink-0" />
            {t("everyone")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="rule-users-all" checked={!draft.users.all} onChange={() => setUsers({ all: false })} className="h-4 w-4 shrink-0" />
            {t("matching")}
          </label>
        </fieldset>
        <FieldMessage id="rule-users-error" message={whomError} />
        {!draft.users.all && (
          <div className="space-y-5">
            <CheckboxGroup
              legend={t("roles")}
              choices={roles.map((role) => ({ value: role, label: tCommon(`roles.${role}`) }))}
              selected={draft.users.roles}
              onChange={(value, on) => setUsers({ roles: toggled(draft.users.roles, value as (typeof roles)[number], on) })}
              error={errors["users.roles"]}
            />
            <MultiPicker
              label={t("sites")}
              hint={t("sitesHint")}
              options={choices.sites.map((site) => ({ value: site.id, label: site.archived ? t("archivedSite", { name: site.name }) : site.name, unavailable: site.archived }))}
              selected={draft.users.siteIds}
              onChange={(siteIds) => setUsers({ siteIds })}
              error={errors["users.siteIds"]}
              emptyText={t("noSite")}
            />
            <MultiPicker
              label={t("teams")}
              hint={t("teamsHint")}
              options={choices.teams.map((team) => ({ value: team.id, label: team.name }))}
              selected={draft.users.teamIds}
              onChange={(teamIds) => setUsers({ teamIds })}
              error={errors["users.teamIds"]}
              emptyText={t("noTeam")}
            />
            <MultiPicker
              label={t("users")}
              options={choices.users.map((user) => ({
                value: user.id,
                label: t(user.active ? "user" : "deactivatedUser", { name: user.name, email: user.email }),
                unavailable: !user.active,
              }))}
              selected={draft.users.userIds}
              onChange={(userIds) => setUsers({ userIds })}
              error={errors["users.userIds"]}
              emptyText={t("noUser")}
            />
            <div className="space-y-2">
              <h3 className="text-sm font-medium text-gray-700">{t("userProperties")}</h3>
              <PropertyConditions
                side="user"
                properties={userProperties}
                relationOptions={choices.relationOptions}
                conditions={draft.users.properties}
                onChange={(properties) => setUsers({ properties })}
                errors={errorsUnder(errors, "users.properties")}
              />
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="rule-objects" className="space-y-5 rounded-lg border border-gray-200 bg-white p-4 sm:p-5">
        <div>
          <h2 id="rule-objects" className="text-lg font-semibold">
            {t("objectsHeading")}
          </h2>
          <p className="text-sm text-gray-600">{t("objectsHint")}</p>
        </div>
        <CheckboxGroup
          legend={t("objectTypes")}
          choices={objectTypes.map((type) => ({ value: type, label: tCommon(`objectTypesPlural.${type}`) }))}
          selected={draft.objects.types}
          onChange={(value, on) =>
            update((current) => ({ ...current, objects: { ...current.objects, types: toggled(current.objects.types, value as (typeof objectTypes)[number], on) } }))
          }
          error={errors["objects.types"]}
        />
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-gray-700">{t("objectProperties")}</h3>
          <PropertyConditions
            side="object"
            properties={objectProperties}
            relationOptions={choices.relationOptions}
            conditions={draft.objects.properties}
            onChange={(properties) => update((current) => ({ ...current, objects: { ...current.objects, properties } }))}
            errors={errorsUnder(errors, "objects.properties")}
          />
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-gray-700">{t("matchHeading")}</h3>
          <PropertyMatches
            userProperties={userProperties}
            objectProperties={objectProperties}
            matches={draft.match}
            onChange={(match) => update((current) => ({ ...current, match }))}
            errors={errorsUnder(errors, "match")}
          />
        </div>
      </section>

      {preview && previewIsCurrent && <ImpactPreview preview={preview.data} />}

      <div className="space-y-3">
        <FormStatus error={error && error.fields ? { ...error, message: t("fieldsNeedAttention") } : error} />
        {unplaced.length > 0 && (
          <ul className="list-inside list-disc text-sm text-red-700">
            {unplaced.map(([key, message]) => (
              <li key={key}>{message}</li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={buttonStyles.secondary} onClick={runPreview} disabled={pending} aria-describedby={previewIsCurrent ? undefined : "rule-preview-first"}>
            {pending && !previewIsCurrent ? t("working") : t("preview")}
          </button>
          <button type="button" className={buttonStyles.primary} onClick={save} disabled={pending || !previewIsCurrent}>
            {rule ? t("save") : t("create")}
          </button>
          {!previewIsCurrent && (
            <p id="rule-preview-first" className="text-sm text-gray-600">
              {t("previewFirst")}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
