import { and, desc, not, or, sql, type SQL } from "drizzle-orm";
import { objects } from "@/db/schema";
import type { PropertyType } from "@/db/schema/enums";
import { isMultiValued, type ComparableValue } from "@/lib/authz/property-values";
import type { BuiltInViewField } from "@/lib/views/view-fields";
import type { ListCondition, ListField, ListOrder } from "@/lib/views/view-to-list-filter";

/** What the SQL of a condition needs to know besides the condition: property types and the organisation's time zone. */
export interface ListConditionContext {
  propertyTypes: ReadonlyMap<string, PropertyType>;
  timeZone: string;
}

const columns: Record<BuiltInViewField, SQL> = {
  reference: sql`${objects.reference}`,
  title: sql`${objects.title}`,
  owner: sql`${objects.ownerId}`,
  originSite: sql`${objects.originSiteId}`,
  scope: sql`${objects.scopeKind}`,
  createdAt: sql`${objects.createdAt}`,
  updatedAt: sql`${objects.updatedAt}`,
};

const textColumns = new Set<BuiltInViewField>(["reference", "title"]);
const instantColumns = new Set<BuiltInViewField>(["createdAt", "updatedAt"]);

function likePattern(value: string): string {
  return `%${value.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** `properties @> {"<id>": value}` (or `[value]` for lists): the GIN index's containment, exact on canonical values. */
function holds(propertyId: string, value: ComparableValue, multiValued: boolean): SQL {
  return sql`${objects.properties} @> ${JSON.stringify({ [propertyId]: multiValued ? [value] : value })}::jsonb`;
}

function propertyValue(propertyId: string): SQL {
  return sql`(${objects.properties} -> ${propertyId})`;
}

function isEmptyProperty(propertyId: string): SQL {
  return sql`coalesce(${propertyValue(propertyId)} = 'null'::jsonb or ${propertyValue(propertyId)} = '[]'::jsonb, true)`;
}

/** An instant column against a calendar date is compared in the organisation's time zone. */
function instantOperand(column: SQL, value: ComparableValue, timeZone: string): { left: SQL; right: SQL } {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { left: sql`(${column} at time zone ${timeZone})::date`, right: sql`${value}::date` };
  }
  return { left: column, right: sql`${String(value)}::timestamptz` };
}

function columnCondition(column: BuiltInViewField, condition: ListCondition, timeZone: string): SQL {
  const expression = columns[column];
  const text = textColumns.has(column);
  const equal = (value: ComparableValue): SQL =>
    text ? sql`lower(${expression}) = lower(${String(value)})` : sql`${expression}::text = ${String(value)}`;
  switch (condition.op) {
    case "eq":
      return equal(condition.value);
    case "neq":
      return text ? sql`lower(${expression}) is distinct from lower(${String(condition.value)})` : sql`${expression}::text is distinct from ${String(condition.value)}`;
    case "contains":
      return sql`lower(${expression}::text) like ${likePattern(String(condition.value))}`;
    case "in":
      return or(...condition.values.map(equal))!;
    case "gt":
    case "lt": {
      const { left, right } = instantColumns.has(column) ? instantOperand(expression, condition.value, timeZone) : { left: expression, right: sql`${String(condition.value)}` };
      return condition.op === "gt" ? sql`${left} > ${right}` : sql`${left} < ${right}`;
    }
    case "empty":
      return sql`${expression} is null`;
    case "not_empty":
      return sql`${expression} is not null`;
  }
}

function propertyCondition(propertyId: string, type: PropertyType, condition: ListCondition): SQL {
  const multiValued = isMultiValued(type);
  const equal = (value: ComparableValue): SQL =>
    type === "text" ? sql`lower(${objects.properties} ->> ${propertyId}) = lower(${String(value)})` : holds(propertyId, value, multiValued);
  switch (condition.op) {
    case "eq":
      return equal(condition.value);
    case "neq":
      return not(sql`coalesce(${equal(condition.value)}, false)`);
    case "contains":
      return type === "text" ? sql`lower(${objects.properties} ->> ${propertyId}) like ${likePattern(String(condition.value))}` : holds(propertyId, condition.value, multiValued);
    case "in":
      return or(...condition.values.map(equal))!;
    case "gt":
    case "lt": {
      const operator = condition.op === "gt" ? sql`>` : sql`<`;
      // A missing value or a value of another JSON type never matches: the comparison is null then.
      return type === "number"
        ? sql`(case when jsonb_typeof(${propertyValue(propertyId)}) = 'number' then (${objects.properties} ->> ${propertyId})::numeric end) ${operator} ${Number(condition.value)}`
        : sql`(case when jsonb_typeof(${propertyValue(propertyId)}) = 'string' then ${objects.properties} ->> ${propertyId} end) ${operator} ${String(condition.value)}`;
    }
    case "empty":
      return isEmptyProperty(propertyId);
    case "not_empty":
      return not(isEmptyProperty(propertyId));
  }
}

/**
 * The SQL of a saved view's (or a list filter's) conditions, ANDed. A condition on a property the organisation no
 * longer has matches nothing: a view only ever narrows.
 */
export function listConditionsSql(conditions: readonly ListCondition[], context: ListConditionContext): SQL | undefined {
  if (conditions.length === 0) return undefined;
  return and(
    ...conditions.map((condition) => {
      if (condition.field.source === "column") return columnCondition(condition.field.column, condition, context.timeZone);
      const type = context.propertyTypes.get(condition.field.propertyId);
      return type ? propertyCondition(condition.field.propertyId, type, condition) : sql`false`;
    }),
  );
}

function orderExpression(field: ListField): SQL {
  if (field.source === "property") return propertyValue(field.propertyId);
  return textColumns.has(field.column) ? sql`lower(${columns[field.column]})` : columns[field.column];
}

/** ORDER BY terms for a view's sort, missing values last either way, then newest first so pages are stable. */
export function listOrderSql(order: readonly ListOrder[]): SQL[] {
  const terms = order.map((term) => {
    const expression = orderExpression(term.field);
    return term.direction === "asc" ? sql`${expression} asc nulls last` : sql`${expression} desc nulls last`;
  });
  return [...terms, desc(objects.createdAt), desc(objects.id)];
}
