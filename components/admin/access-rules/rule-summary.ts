import type { useFormatter, useTranslations } from "next-intl";
import type { RuleObjectCondition, RulePropertyCondition, RulePropertyMatch, RuleUserCondition } from "@/db/schema";
import type { RuleEditorChoices } from "@/lib/admin/rule-editor-choices";

type Names = Pick<RuleEditorChoices, "sites" | "teams" | "users" | "properties" | "relationOptions">;

/** What a summary is written with: the rules' and common catalogues, and the list formatter ("A, B or C"). */
export interface SummaryWords {
  t: ReturnType<typeof useTranslations<"adminRules">>;
  tCommon: ReturnType<typeof useTranslations<"common">>;
  format: ReturnType<typeof useFormatter>;
}

const either = (words: SummaryWords, items: string[]) => words.format.list(items, { type: "disjunction" });

function nameList(words: SummaryWords, ids: readonly string[], rows: readonly { id: string; name: string }[]): string {
  const byId = new Map(rows.map((row) => [row.id, row.name]));
  return either(
    words,
    ids.map((id) => byId.get(id) ?? words.t("summary.deleted")),
  );
}

/** A value as the Admin picked it: an option's label, a record's label, yes/no, or the value itself. */
function valueLabel(words: SummaryWords, names: Names, propertyId: string, value: unknown): string {
  const property = names.properties.find((candidate) => candidate.id === propertyId);
  const option = property?.options.find((candidate) => candidate.id === value);
  if (option) return option.label;
  const record = names.relationOptions[propertyId]?.find((candidate) => candidate.id === value);
  if (record) return record.deactivated ? words.tCommon("deactivatedChoice", { label: record.label }) : record.label;
  if (typeof value === "boolean") return words.tCommon(value ? "yes" : "no");
  return String(value);
}

function propertyName(words: SummaryWords, names: Names, id: string): string {
  return names.properties.find((property) => property.id === id)?.name ?? words.t("summary.deletedProperty");
}

function conditionText(words: SummaryWords, names: Names, condition: RulePropertyCondition): string {
  const values = condition.in.map((value) => valueLabel(words, names, condition.propertyId, value));
  return words.t("summary.condition", { property: propertyName(words, names, condition.propertyId), values: either(words, values) });
}

/** Whom a rule grants, in words: "Everyone", or each stated condition (all must hold). */
export function describeRuleUsers(words: SummaryWords, names: Names, users: RuleUserCondition): string {
  const { t, tCommon } = words;
  if (users.all) return t("summary.everyone");
  const parts = [
    users.roles.length > 0 && t("summary.roles", { roles: either(words, users.roles.map((role) => tCommon(`roles.${role}`))) }),
    users.siteIds.length > 0 && t("summary.sites", { sites: nameList(words, users.siteIds, names.sites) }),
    users.teamIds.length > 0 && t("summary.teams", { teams: nameList(words, users.teamIds, names.teams) }),
    users.userIds.length > 0 && nameList(words, users.userIds, names.users),
    ...users.properties.map((condition) => conditionText(words, names, condition)),
  ].filter((part): part is string => Boolean(part));
  return parts.join("; ");
}

/** Which objects a rule covers, in words, with its user-property = object-property matches. */
export function describeRuleObjects(words: SummaryWords, names: Names, objects: RuleObjectCondition, match: readonly RulePropertyMatch[]): string {
  const { t, tCommon, format } = words;
  const types = objects.types.length > 0 ? format.list(objects.types.map((type) => tCommon(`objectTypesPlural.${type}`))) : t("summary.allObjects");
  const parts = [
    ...objects.properties.map((condition) => conditionText(words, names, condition)),
    ...match.map((pair) =>
      t("summary.match", { objectProperty: propertyName(words, names, pair.objectPropertyId), userProperty: propertyName(words, names, pair.userPropertyId) }),
    ),
  ];
  return parts.length > 0 ? t("summary.where", { types, conditions: parts.join("; ") }) : types;
}
