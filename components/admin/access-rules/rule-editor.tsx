"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createAccessRuleAction, previewAccessRuleChangeAction, updateAccessRuleAction } from "@/app/(app)/admin/access-rules/actions";
import { accessLevels, objectTypes, roles, type AccessLevel } from "@/db/schema";
import type { AccessRuleRecord } from "@/lib/access-rules/access-rule-records";
import type { RulePreview } from "@/lib/access-rules/preview-rule-change";
import type { RuleEditorChoices } from "@/lib/admin/rule-editor-choices";
import { levelLabels } from "@/lib/authz/levels";
import { objectTypeLabels } from "@/lib/objects/object-type-labels";
import type { AppError } from "@/lib/result";
import { roleLabels } from "@/lib/users/role-labels";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { CheckboxGroup } from "./checkbox-group";
import { ImpactPreview } from "./impact-preview";
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
  const router = useRouter();
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const [preview, setPreview] = useState<{ key: string; data: RulePreview } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = draftFieldErrors(error?.fields);
  const unplaced = Object.entries(errors).filter(([key]) => !placedField.test(key));
  const sent = draftToSend(draft);
  const previewIsCurrent = preview?.key === draftKey(sent);

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
    <div className="space-y-6">
      <section aria-labelledby="rule-basics" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
        <h2 id="rule-basics" className="text-lg font-semibold">
          Rule
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="rule-name" label="Name" error={errors.name}>
            {(describedBy, invalid) => (
              <input
                id="rule-name"
                value={draft.name}
                maxLength={200}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(event) => update((current) => ({ ...current, name: event.target.value }))}
                className={inputClass(invalid)}
              />
            )}
          </FormField>
          <FormField id="rule-level" label="Level granted" error={errors.level}>
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
                    {levelLabels[level]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => update((current) => ({ ...current, enabled: event.target.checked }))}
            className="h-4 w-4 rounded border-gray-300"
          />
          Enabled (a disabled rule grants nothing but keeps its definition)
        </label>
      </section>

      <section aria-labelledby="rule-users" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
        <div>
          <h2 id="rule-users" className="text-lg font-semibold">
            Whom it grants
          </h2>
          <p className="text-sm text-gray-600">Every condition you state must hold; within one, any entry matches.</p>
        </div>
        <fieldset className="flex flex-wrap gap-6 text-sm" aria-describedby={errors["users.all"] || errors.users ? "rule-users-error" : undefined}>
          <legend className="sr-only">Users</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="rule-users-all" checked={draft.users.all} onChange={() => setUsers({ all: true })} />
            Everyone in the organisation
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="rule-users-all" checked={!draft.users.all} onChange={() => setUsers({ all: false })} />
            Users matching these conditions
          </label>
        </fieldset>
        {(errors["users.all"] || errors.users) && (
          <p id="rule-users-error" className="text-sm text-red-700">
            {errors["users.all"] ?? errors.users}
          </p>
        )}
        {!draft.users.all && (
          <div className="space-y-5">
            <CheckboxGroup
              legend="Roles"
              choices={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
              selected={draft.users.roles}
              onChange={(value, on) => setUsers({ roles: toggled(draft.users.roles, value as (typeof roles)[number], on) })}
              error={errors["users.roles"]}
            />
            <CheckboxGroup
              legend="Sites"
              hint="Members of any of these sites."
              choices={choices.sites.map((site) => ({ value: site.id, label: site.archived ? `${site.name} (archived)` : site.name, disabled: site.archived }))}
              selected={draft.users.siteIds}
              onChange={(value, on) => setUsers({ siteIds: toggled(draft.users.siteIds, value, on) })}
              error={errors["users.siteIds"]}
              emptyText="No site yet."
            />
            <CheckboxGroup
              legend="Teams"
              choices={choices.teams.map((team) => ({ value: team.id, label: team.name }))}
              selected={draft.users.teamIds}
              onChange={(value, on) => setUsers({ teamIds: toggled(draft.users.teamIds, value, on) })}
              error={errors["users.teamIds"]}
              emptyText="No team yet."
            />
            <CheckboxGroup
              legend="Specific users"
              choices={choices.users.map((user) => ({
                value: user.id,
                label: `${user.name} (${user.email})${user.active ? "" : " — deactivated"}`,
                disabled: !user.active,
              }))}
              selected={draft.users.userIds}
              onChange={(value, on) => setUsers({ userIds: toggled(draft.users.userIds, value, on) })}
              error={errors["users.userIds"]}
              filterable
            />
            <div className="space-y-2">
              <h3 className="text-sm font-medium text-gray-700">User properties</h3>
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

      <section aria-labelledby="rule-objects" className="space-y-5 rounded-lg border border-gray-200 bg-white p-5">
        <div>
          <h2 id="rule-objects" className="text-lg font-semibold">
            Which objects
          </h2>
          <p className="text-sm text-gray-600">Only objects inside a user&apos;s scope are ever reached; no type ticked means every type.</p>
        </div>
        <CheckboxGroup
          legend="Object types"
          choices={objectTypes.map((type) => ({ value: type, label: objectTypeLabels[type].plural }))}
          selected={draft.objects.types}
          onChange={(value, on) =>
            update((current) => ({ ...current, objects: { ...current.objects, types: toggled(current.objects.types, value as (typeof objectTypes)[number], on) } }))
          }
          error={errors["objects.types"]}
        />
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-gray-700">Object properties</h3>
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
          <h3 className="text-sm font-medium text-gray-700">User property equals object property</h3>
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
        <FormStatus error={error && error.fields ? { ...error, message: "Some fields need attention: see the messages above." } : error} />
        {unplaced.length > 0 && (
          <ul className="list-inside list-disc text-sm text-red-700">
            {unplaced.map(([key, message]) => (
              <li key={key}>{message}</li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={buttonStyles.secondary} onClick={runPreview} disabled={pending}>
            {pending && !previewIsCurrent ? "Working…" : "Preview impact"}
          </button>
          <button type="button" className={buttonStyles.primary} onClick={save} disabled={pending || !previewIsCurrent}>
            {rule ? "Save rule" : "Create rule"}
          </button>
          {!previewIsCurrent && <p className="text-sm text-gray-600">Preview the impact of this draft before saving it.</p>}
        </div>
      </div>
    </div>
  );
}
