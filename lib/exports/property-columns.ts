import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, users, type PropertyTarget, type PropertyValues } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { isObjectTarget } from "@/lib/properties/property-labels";
import { joinedValues, type ExportWords } from "./export-words";

/** What a relation value shows in a cell: a user's name, an object's reference — only for objects the caller may view. */
export type RelationLabels = Map<string, string>;

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
}

/**
 * The labels of every relation value in a batch of rows, in one query per relation target. An object the caller may
 * not view is left out, exactly as if the relation did not hold it (SPEC §3: not even its reference leaks).
 */
export async function relationLabels(
  db: Executor,
  user: ActingUser,
  definitions: readonly PropertyDefinitionFacts[],
  batch: readonly PropertyValues[],
): Promise<RelationLabels> {
  const labels: RelationLabels = new Map();
  const idsByTarget = new Map<PropertyTarget, Set<string>>();
  for (const definition of definitions) {
    if (definition.type !== "relation" || !definition.targetType) continue;
    const ids = idsByTarget.get(definition.targetType) ?? new Set<string>();
    for (const values of batch) for (const id of idsOf(values[definition.id])) ids.add(id);
    idsByTarget.set(definition.targetType, ids);
  }
  for (const [target, idSet] of idsByTarget) {
    const ids = [...idSet];
    if (ids.length === 0) continue;
    if (target === "user") {
      const rows = await db
        .select({ id: users.id, label: users.name })
        .from(users)
        .where(and(eq(users.organizationId, user.organizationId), inArray(users.id, ids)));
      for (const row of rows) labels.set(row.id, row.label);
    } else if (isObjectTarget(target)) {
      const subject = subjectOf(user);
      const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: user.organizationId, minLevel: "view_no_download", type: target });
      if (filter.never) continue;
      const rows = await db
        .select({ id: objects.id, label: objects.reference })
        .from(objects)
        .where(and(filter.where, inArray(objects.id, ids)));
      for (const row of rows) labels.set(row.id, row.label);
    }
  }
  return labels;
}

// Option labels by id, built once per definition rather than searched for every cell.
const optionLabelMaps = new WeakMap<PropertyDefinitionFacts, Map<unknown, string>>();

function optionLabelsOf(definition: PropertyDefinitionFacts): Map<unknown, string> {
  let labels = optionLabelMaps.get(definition);
  if (!labels) optionLabelMaps.set(definition, (labels = new Map(definition.options.map((option) => [option.id, option.label]))));
  return labels;
}

/** One property value as a cell: choices by label, relations by name or reference, several values joined. */
export function propertyCell(definition: PropertyDefinitionFacts, value: unknown, relations: RelationLabels, words: ExportWords): string {
  if (value === undefined || value === null) return "";
  const labels = optionLabelsOf(definition);
  const optionLabel = (id: unknown) => labels.get(id) ?? String(id);
  switch (definition.type) {
    case "boolean":
      return typeof value === "boolean" ? words.yesNo(value) : String(value);
    case "single_choice":
      return optionLabel(value);
    case "multi_choice":
      return joinedValues((Array.isArray(value) ? value : [value]).map(optionLabel));
    case "relation":
      return joinedValues(idsOf(value).flatMap((id) => (relations.has(id) ? [relations.get(id)!] : [])));
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

/** The cells of a row's custom properties, one per definition, in the header's order. */
export function propertyCells(
  definitions: readonly PropertyDefinitionFacts[],
  values: PropertyValues,
  relations: RelationLabels,
  words: ExportWords,
): string[] {
  return definitions.map((definition) => propertyCell(definition, values[definition.id], relations, words));
}
