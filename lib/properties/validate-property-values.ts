import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objectTypes, users, type ObjectType, type PropertyTarget, type PropertyValues } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "./load-property-definitions";
import { isUuid } from "@/lib/validation/uuid";

export const maxTextLength = 2000;

/** The canonical stored form of one value (null: no value), or why it is refused (a catalogue key). */
export type CanonicalOutcome = { ok: true; value: string | number | boolean | string[] | null } | { ok: false; message: string };

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function idList(raw: unknown): string[] | null {
  if (!Array.isArray(raw) || !raw.every((entry) => typeof entry === "string")) return null;
  return [...new Set(raw as string[])];
}

/**
 * A value as it is stored, in exactly the form lib/authz/property-values.ts compares (SPEC §9): text and option
 * ids as strings, numbers as numbers, dates as `YYYY-MM-DD`, booleans, and arrays of ids for multiple choice and
 * relations. Empty text and empty lists clear the value. Relation targets are checked separately (they need the
 * database and the acting user's access).
 */
export function canonicalPropertyValue(definition: PropertyDefinitionFacts, raw: unknown): CanonicalOutcome {
  if (raw === null) return { ok: true, value: null };
  switch (definition.type) {
    case "text": {
      if (typeof raw !== "string") return { ok: false, message: "objects.propertyValues.text" };
      const text = raw.trim();
      if (text.length > maxTextLength) return { ok: false, message: "objects.propertyValues.textTooLong" };
      return { ok: true, value: text === "" ? null : text };
    }
    case "number": {
      if (raw === "") return { ok: true, value: null };
      const number = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
      if (typeof number !== "number" || !Number.isFinite(number)) return { ok: false, message: "objects.propertyValues.number" };
      return { ok: true, value: number };
    }
    case "date": {
      if (raw === "") return { ok: true, value: null };
      if (typeof raw !== "string" || !isCalendarDate(raw)) return { ok: false, message: "objects.propertyValues.date" };
      return { ok: true, value: raw };
    }
    case "boolean": {
      if (raw === true || raw === "true") return { ok: true, value: true };
      if (raw === false || raw === "false") return { ok: true, value: false };
      return { ok: false, message: "objects.propertyValues.boolean" };
    }
    case "single_choice": {
      if (raw === "") return { ok: true, value: null };
      if (typeof raw !== "string" || !definition.options.some((option) => option.id === raw)) {
        return { ok: false, message: "objects.propertyValues.singleChoice" };
      }
      return { ok: true, value: raw };
    }
    case "multi_choice": {
      const ids = idList(raw);
      if (!ids || !ids.every((id) => definition.options.some((option) => option.id === id))) {
        return { ok: false, message: "objects.propertyValues.multiChoice" };
      }
      return { ok: true, value: ids.length === 0 ? null : ids };
    }
    case "relation": {
      const ids = idList(raw);
      if (!ids) return { ok: false, message: "objects.propertyValues.idList" };
      return { ok: true, value: ids.length === 0 ? null : ids };
    }
  }
}

/** Values to write (`set`) and property ids whose value goes away (`clear`). */
export interface PropertyValuesPatch {
  set: PropertyValues;
  clear: string[];
}

export interface ValidatePropertyValuesInput {
  organizationId: string;
  /** What carries the values: users, or one object type. */
  appliesTo: PropertyTarget;
  /** Values by property id; null (or empty text, an empty list) clears one. */
  values: Record<string, unknown>;
  /**
   * Which of `ids` are live objects of `type` the acting user may see. A relation may only point at those, and the
   * refusal names no difference between "does not exist" and "you cannot see it" (SPEC §3).
   */
  visibleObjectIds: (type: ObjectType, ids: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Preloaded definitions of `appliesTo`, when the caller has them. */
  definitions?: Map<string, PropertyDefinitionFacts>;
  /** Prefix of the field keys of the errors (`properties.<id>`). */
  fieldPrefix?: string;
}

function isObjectType(target: PropertyTarget): target is ObjectType {
  return (objectTypes as readonly string[]).includes(target);
}

/**
 * Validates custom property values against the definitions of what carries them (SPEC §5, §9): each must be a
 * property of that target, of the right type, in its canonical form; relations must name existing users or
 * objects of the target type the acting user can see. Errors are per field, keyed `properties.<propertyId>`.
 */
export async function validatePropertyValues(db: Executor, input: ValidatePropertyValuesInput): Promise<Result<PropertyValuesPatch>> {
  const prefix = input.fieldPrefix ?? "properties";
  const entries = Object.entries(input.values).filter(([, value]) => value !== undefined);
  const patch: PropertyValuesPatch = { set: {}, clear: [] };
  if (entries.length === 0) return ok(patch);
  const definitions = input.definitions ?? (await loadPropertyDefinitions(db, input.organizationId, [input.appliesTo]));
  const fields: Record<string, string> = {};
  const relations: { definition: PropertyDefinitionFacts; ids: string[] }[] = [];

  for (const [propertyId, raw] of entries) {
    const field = `${prefix}.${propertyId}`;
    const definition = definitions.get(propertyId);
    if (!definition || definition.appliesTo !== input.appliesTo) {
      fields[field] = `objects.propertyValues.notFor.${input.appliesTo}`;
      continue;
    }
    const outcome = canonicalPropertyValue(definition, raw);
    if (!outcome.ok) {
      fields[field] = outcome.message;
      continue;
    }
    if (outcome.value === null) {
      patch.clear.push(propertyId);
      continue;
    }
    patch.set[propertyId] = outcome.value;
    if (definition.type === "relation") relations.push({ definition, ids: outcome.value as string[] });
  }

  for (const { definition, ids } of relations) {
    const field = `${prefix}.${definition.id}`;
    const target = definition.targetType;
    if (!target) {
      fields[field] = "objects.propertyValues.relationWithoutTarget";
      continue;
    }
    const wellFormed = ids.filter((id) => isUuid(id));
    let known: ReadonlySet<string>;
    if (target === "user") {
      const rows =
        wellFormed.length === 0
          ? []
          : await db
              .select({ id: users.id })
              .from(users)
              .where(and(eq(users.organizationId, input.organizationId), inArray(users.id, wellFormed)));
      known = new Set(rows.map((row) => row.id));
    } else if (isObjectType(target)) {
      known = wellFormed.length === 0 ? new Set() : await input.visibleObjectIds(target, wellFormed);
    } else {
      known = new Set();
    }
    if (ids.some((id) => !known.has(id))) fields[field] = `objects.propertyValues.recordsUnknown.${target}`;
  }

  if (Object.keys(fields).length > 0) return fail("invalid", "objects.propertyValues.needAttention", fields);
  return ok(patch);
}
