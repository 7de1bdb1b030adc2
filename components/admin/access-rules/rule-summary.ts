import type { RuleObjectCondition, RulePropertyCondition, RulePropertyMatch, RuleUserCondition } from "@/db/schema";
import type { RuleEditorChoices } from "@/lib/admin/rule-editor-choices";
import { objectTypeLabels } from "@/lib/objects/object-type-labels";
import { roleLabels } from "@/lib/users/role-labels";

type Names = Pick<RuleEditorChoices, "sites" | "teams" | "users" | "properties" | "relationOptions">;

function nameList(ids: readonly string[], rows: readonly { id: string; name: string }[]): string {
  const byId = new Map(rows.map((row) => [row.id, row.name]));
  return ids.map((id) => byId.get(id) ?? "(deleted)").join(", ");
}

/** A value as the Admin picked it: an option's label, a record's label, yes/no, or the value itself. */
export function valueLabel(names: Names, propertyId: string, value: unknown): string {
  const property = names.properties.find((candidate) => candidate.id === propertyId);
  const option = property?.options.find((candidate) => candidate.id === value);
  if (option) return option.label;
  const record = names.relationOptions[propertyId]?.find((candidate) => candidate.id === value);
  if (record) return record.label;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

function conditionText(names: Names, condition: RulePropertyCondition): string {
  const property = names.properties.find((candidate) => candidate.id === condition.propertyId);
  const values = condition.in.map((value) => valueLabel(names, condition.propertyId, value));
  return `${property?.name ?? "(deleted property)"} is ${values.join(" or ")}`;
}

/** Whom a rule grants, in words: "Everyone", or each stated condition (all must hold). */
export function describeRuleUsers(names: Names, users: RuleUserCondition): string {
  if (users.all) return "Everyone";
  const parts = [
    users.roles.length > 0 && `role ${users.roles.map((role) => roleLabels[role]).join(" or ")}`,
    users.siteIds.length > 0 && `on ${nameList(users.siteIds, names.sites)}`,
    users.teamIds.length > 0 && `in team ${nameList(users.teamIds, names.teams)}`,
    users.userIds.length > 0 && nameList(users.userIds, names.users),
    ...users.properties.map((condition) => conditionText(names, condition)),
  ].filter((part): part is string => Boolean(part));
  return parts.join("; ");
}

/** Which objects a rule covers, in words, with its user-property = object-property matches. */
export function describeRuleObjects(names: Names, objects: RuleObjectCondition, match: readonly RulePropertyMatch[]): string {
  const types = objects.types.length > 0 ? objects.types.map((type) => objectTypeLabels[type].plural).join(", ") : "All objects";
  const propertyName = (id: string) => names.properties.find((property) => property.id === id)?.name ?? "(deleted property)";
  const parts = [
    ...objects.properties.map((condition) => conditionText(names, condition)),
    ...match.map((pair) => `${propertyName(pair.objectPropertyId)} = the user's ${propertyName(pair.userPropertyId)}`),
  ];
  return parts.length > 0 ? `${types} where ${parts.join("; ")}` : types;
}
