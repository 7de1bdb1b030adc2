"use client";

import type { RulePropertyMatch } from "@/db/schema";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";

interface PropertyMatchesProps {
  userProperties: readonly PropertyDefinitionFacts[];
  objectProperties: readonly PropertyDefinitionFacts[];
  matches: readonly RulePropertyMatch[];
  onChange: (matches: RulePropertyMatch[]) => void;
  /** Field errors relative to the list: `0.userPropertyId`, `0.objectPropertyId`. */
  errors: Record<string, string>;
}

/** "user.Department equals document.Department": one rule that serves every value (SPEC §4). */
export function PropertyMatches({ userProperties, objectProperties, matches, onChange, errors }: PropertyMatchesProps) {
  const replace = (index: number, match: RulePropertyMatch) => onChange(matches.map((entry, at) => (at === index ? match : entry)));
  const select = (id: string, label: string, value: string, properties: readonly PropertyDefinitionFacts[], error: string | undefined, pick: (value: string) => void) => (
    <div className="min-w-56 flex-1">
      <FormField id={id} label={label} error={error}>
        {(describedBy, invalid) => (
          <select id={id} value={value} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(event) => pick(event.target.value)} className={inputClass(invalid)}>
            <option value="">Pick a property…</option>
            {properties.map((property) => (
              <option key={property.id} value={property.id}>
                {property.name}
                {property.appliesTo !== "user" && ` (${property.appliesTo.replace("_", " ")})`}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </div>
  );
  return (
    <div className="space-y-3">
      {matches.map((match, index) => (
        <div key={index} className="flex flex-wrap items-end gap-3 rounded-md border border-gray-200 bg-gray-50 p-3">
          {select(`match-user-${index}`, `User's property (match ${index + 1})`, match.userPropertyId, userProperties, errors[`${index}.userPropertyId`], (value) =>
            replace(index, { ...match, userPropertyId: value }),
          )}
          <span className="pb-2 text-sm text-gray-600">equals</span>
          {select(`match-object-${index}`, `Object's property (match ${index + 1})`, match.objectPropertyId, objectProperties, errors[`${index}.objectPropertyId`], (value) =>
            replace(index, { ...match, objectPropertyId: value }),
          )}
          <button type="button" className={buttonStyles.secondary} onClick={() => onChange(matches.filter((_, at) => at !== index))} aria-label={`Remove match ${index + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className={buttonStyles.secondary}
        onClick={() => onChange([...matches, { userPropertyId: "", objectPropertyId: "" }])}
        disabled={userProperties.length === 0 || objectProperties.length === 0}
      >
        Add a match
      </button>
    </div>
  );
}
