import "server-only";
import type { Database } from "@/db/client";
import type { ObjectType, Role } from "@/db/schema";
import { listAllAccessRules, type AccessRuleRecord } from "@/lib/access-rules/access-rule-records";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadRuleNames, type RuleNames } from "@/lib/objects/describe-rule";
import type { ExportSource } from "./export-source";
import { joinedValues, type ExportWords } from "./export-words";

function conditionText(names: RuleNames, condition: { propertyId: string; in: readonly unknown[] }): string {
  const property = names.properties.get(condition.propertyId);
  const labels = condition.in.map((value) => property?.options.find((option) => option.id === value)?.label ?? String(value));
  return `${property?.name ?? condition.propertyId}: ${labels.join(", ")}`;
}

function ruleCells(rule: AccessRuleRecord, names: RuleNames, { t, tCommon, yesNo }: ExportWords): string[] {
  const named = (ids: readonly string[], from: Map<string, string>) => joinedValues(ids.map((id) => from.get(id) ?? id));
  const propertyName = (id: string) => names.properties.get(id)?.name ?? id;
  return [
    String(rule.position),
    rule.name,
    tCommon(`levels.${rule.level}`),
    yesNo(rule.enabled),
    yesNo(rule.users.all),
    named(rule.users.siteIds, names.sites),
    joinedValues(rule.users.roles.map((role: Role) => tCommon(`roles.${role}`))),
    named(rule.users.teamIds, names.teams),
    named(rule.users.userIds, names.users),
    joinedValues(rule.users.properties.map((condition) => conditionText(names, condition))),
    joinedValues(rule.objects.types.map((type: ObjectType) => tCommon(`objectTypes.${type}`))),
    joinedValues(rule.objects.properties.map((condition) => conditionText(names, condition))),
    joinedValues(rule.match.map((pair) => t("propertyMatch", { user: propertyName(pair.userPropertyId), object: propertyName(pair.objectPropertyId) }))),
    rule.createdAt,
    rule.updatedAt,
  ];
}

/**
 * The organisation's access rules in list order, each condition in words. Rules are a few hundred at most (the
 * authorization module loads them all for every plan), so they are read in one statement and sent as one batch.
 */
export async function accessRulesExport(db: Database, user: ActingUser, words: ExportWords): Promise<ExportSource> {
  const { t } = words;
  let rules: AccessRuleRecord[] | null = null;
  const load = async () => (rules ??= await listAllAccessRules(db, user.organizationId));
  return {
    header: [
      t("columns.position"),
      t("columns.name"),
      t("columns.level"),
      t("columns.enabled"),
      t("columns.allUsers"),
      t("columns.sites"),
      t("columns.roles"),
      t("columns.teams"),
      t("columns.users"),
      t("columns.userProperties"),
      t("columns.objectTypes"),
      t("columns.objectProperties"),
      t("columns.propertyMatches"),
      t("columns.createdAt"),
      t("columns.updatedAt"),
    ],
    count: async () => (await load()).length,
    batches: async function* () {
      const all = await load();
      if (all.length === 0) return;
      const names = await loadRuleNames(db, user.organizationId, all);
      yield all.map((rule) => ruleCells(rule, names, words));
    },
  };
}
