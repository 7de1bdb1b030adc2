import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { scopeKinds, sites, users, type ObjectType, type ViewFilter, type ViewSort } from "@/db/schema";
import { canonicalCandidate, type ComparableValue } from "@/lib/authz/property-values";
import { loadPropertyViews, type PropertyView } from "@/lib/properties/property-view";
import { fail, ok, type Result } from "@/lib/result";
import { builtInViewFieldKinds, isBuiltInViewField, opsForField, propertyIdOfField, unsortableKinds, type ViewFieldKind } from "./view-fields";
import { isUuid } from "@/lib/validation/uuid";

export interface ViewConfig {
  columns: string[];
  filters: ViewFilter[];
  sort: ViewSort[];
}

interface FieldInfo {
  kind: ViewFieldKind;
  builtIn: boolean;
  property?: PropertyView;
}

const maxInValues = 100;

function isInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value));
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Ids a value names that only the database can check: users and sites of the organisation. */
interface PendingIds {
  users: Map<string, string[]>;
  sites: Map<string, string[]>;
}

function need(map: Map<string, string[]>, id: string, errorKey: string) {
  map.set(id, [...(map.get(id) ?? []), errorKey]);
}

/**
 * One filter value in its canonical form — the forms rules and stored values use (lib/authz/property-values.ts):
 * numbers as numbers, dates as `YYYY-MM-DD`, booleans, choices as option ids, ids as strings — or a message.
 */
function canonicalValue(info: FieldInfo, raw: unknown, errorKey: string, pending: PendingIds): { ok: true; value: ComparableValue } | { ok: false; message: string } {
  switch (info.kind) {
    case "text": {
      if (typeof raw !== "string" || raw.trim() === "") return { ok: false, message: "adminViews.errors.textRequired" };
      if (raw.trim().length > 200) return { ok: false, message: "adminViews.errors.textTooLong" };
      return { ok: true, value: raw.trim() };
    }
    case "number":
    case "boolean": {
      const value = canonicalCandidate(info.kind, raw);
      return value === undefined ? { ok: false, message: info.kind === "number" ? "adminViews.errors.numberRequired" : "adminViews.errors.booleanRequired" } : { ok: true, value };
    }
    case "date":
      return typeof raw === "string" && isCalendarDate(raw) ? { ok: true, value: raw } : { ok: false, message: "adminViews.errors.dateRequired" };
    case "instant":
      return typeof raw === "string" && isInstant(raw.trim())
        ? { ok: true, value: raw.trim() }
        : { ok: false, message: "adminViews.errors.instantRequired" };
    case "single_choice":
    case "multi_choice":
      return typeof raw === "string" && (info.property?.options ?? []).some((option) => option.id === raw)
        ? { ok: true, value: raw }
        : { ok: false, message: "adminViews.errors.optionRequired" };
    case "scope":
      return typeof raw === "string" && (scopeKinds as readonly string[]).includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, message: "adminViews.errors.scopeRequired" };
    case "user":
    case "site":
    case "relation": {
      if (typeof raw !== "string" || !isUuid(raw)) return { ok: false, message: info.kind === "site" ? "adminViews.errors.siteRequired" : "adminViews.errors.pickFromList" };
      if (info.kind === "site") need(pending.sites, raw, errorKey);
      else if (info.kind === "user" || info.property?.targetType === "user") need(pending.users, raw, errorKey);
      return { ok: true, value: raw };
    }
  }
}

/**
 * Checks a view's columns, filters and sort against the fields of its object type (SPEC §9: views only narrow a
 * list): every field a built-in column or a property of that type; each operator one the field's kind takes; each
 * value in canonical form (`in` takes a list; `empty` and `not_empty` none); no column or sort field twice; no sort
 * by a list-valued property. Users and sites named must be the organisation's. Field errors are keyed like the
 * input (`filters.2.value`).
 */
export async function validateViewConfig(
  db: Executor,
  organizationId: string,
  objectType: ObjectType,
  config: Partial<ViewConfig>,
): Promise<Result<Partial<ViewConfig>>> {
  const properties = new Map((await loadPropertyViews(db, organizationId, { appliesTo: objectType })).map((view) => [view.id, view]));
  const fieldInfo = (field: string): FieldInfo | null => {
    if (isBuiltInViewField(field)) return { kind: builtInViewFieldKinds[field], builtIn: true };
    const propertyId = propertyIdOfField(field);
    const property = propertyId ? properties.get(propertyId) : undefined;
    return property ? { kind: property.type, builtIn: false, property } : null;
  };
  const unknownField = "adminViews.errors.fieldUnknown";
  const fields: Record<string, string> = {};
  const pending: PendingIds = { users: new Map(), sites: new Map() };
  const result: Partial<ViewConfig> = {};

  if (config.columns) {
    const seen = new Set<string>();
    config.columns.forEach((field, index) => {
      if (!fieldInfo(field)) fields[`columns.${index}`] = unknownField;
      else if (seen.has(field)) fields[`columns.${index}`] = "adminViews.errors.columnTwice";
      seen.add(field);
    });
    result.columns = [...config.columns];
  }

  if (config.filters) {
    result.filters = config.filters.map((filter, index) => {
      const info = fieldInfo(filter.field);
      if (!info) {
        fields[`filters.${index}.field`] = unknownField;
        return filter;
      }
      const ops = opsForField(info.kind, info.builtIn);
      if (!ops.includes(filter.op)) {
        fields[`filters.${index}.op`] = "adminViews.errors.opNotApplicable";
        return filter;
      }
      if (filter.op === "empty" || filter.op === "not_empty") return { field: filter.field, op: filter.op };
      const key = `filters.${index}.value`;
      if (filter.op === "in") {
        if (!Array.isArray(filter.value) || filter.value.length === 0) {
          fields[key] = "adminViews.errors.valuesRequired";
          return filter;
        }
        if (filter.value.length > maxInValues) {
          fields[key] = "adminViews.errors.valuesTooMany";
          return filter;
        }
        const values: ComparableValue[] = [];
        for (const raw of filter.value) {
          const outcome = canonicalValue(info, raw, key, pending);
          if (!outcome.ok) {
            fields[key] = outcome.message;
            return filter;
          }
          if (!values.includes(outcome.value)) values.push(outcome.value);
        }
        return { field: filter.field, op: filter.op, value: values };
      }
      const outcome = canonicalValue(info, filter.value, key, pending);
      if (!outcome.ok) {
        fields[key] = outcome.message;
        return filter;
      }
      return { field: filter.field, op: filter.op, value: outcome.value };
    });
  }

  if (config.sort) {
    const seen = new Set<string>();
    config.sort.forEach((entry, index) => {
      const info = fieldInfo(entry.field);
      if (!info) fields[`sort.${index}.field`] = unknownField;
      else if (unsortableKinds.includes(info.kind)) fields[`sort.${index}.field`] = "adminViews.errors.sortListValued";
      else if (seen.has(entry.field)) fields[`sort.${index}.field`] = "adminViews.errors.sortTwice";
      seen.add(entry.field);
    });
    result.sort = config.sort.map((entry) => ({ field: entry.field, direction: entry.direction }));
  }

  if (pending.users.size > 0) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), inArray(users.id, [...pending.users.keys()])));
    const known = new Set(rows.map((row) => row.id));
    for (const [id, keys] of pending.users) if (!known.has(id)) for (const key of keys) fields[key] = "adminViews.errors.usersUnknown";
  }
  if (pending.sites.size > 0) {
    const rows = await db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, [...pending.sites.keys()])));
    const known = new Set(rows.map((row) => row.id));
    for (const [id, keys] of pending.sites) if (!known.has(id)) for (const key of keys) fields[key] = "adminViews.errors.sitesUnknown";
  }

  if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);
  return ok(result);
}
