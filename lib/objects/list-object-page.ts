import "server-only";
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objects, sites, users, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { canonicalCandidate } from "@/lib/authz/property-values";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { cursorSchema, decodeCursorText, encodeCursorText, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { loadSavedView, type SavedViewShape } from "@/lib/views/saved-view";
import { viewToListFilter, type ListCondition, type ListField, type ListOrder } from "@/lib/views/view-to-list-filter";
import { objectCountCap } from "./count-visible-objects";
import { listConditionsSql, listOrderSql } from "./list-conditions-sql";
import { afterCursorSql, cursorInstantSql, decodeObjectCursor, encodeObjectCursor } from "./object-cursor";
import { objectListFiltersSchema, objectListFiltersSql } from "./object-list-filters";
import { objectStatusSql, statusesByType } from "./object-status";
import { objectViewColumns, toObjectView, type ObjectView } from "./object-view";

export const objectListSorts = ["newest", "oldest", "updated", "title", "reference"] as const;
export type ObjectListSort = (typeof objectListSorts)[number];

/** The list page's query: what the URL of a workspace list says (`?q=&siteId=&status=&owner=&view=&sort=&cursor=`). */
export const objectListQuerySchema = objectListFiltersSchema.omit({ type: true }).extend({
  status: z.string("workspace.listErrors.statusInvalid").max(40, "workspace.listErrors.statusInvalid").optional(),
  /** `me`, or a user id. */
  owner: z.union([z.literal("me"), z.uuid("workspace.listErrors.ownerInvalid")], "workspace.listErrors.ownerInvalid").optional(),
  /** A saved view the user may see (shared, or their own). */
  view: z.uuid("workspace.listErrors.viewInvalid").optional(),
  sort: z.enum(objectListSorts, "workspace.listErrors.sortInvalid").optional(),
  /** Custom property filters: property id → the value typed or picked (text contains; others equal). */
  properties: z.record(z.uuid("workspace.listErrors.propertyInvalid"), z.string().max(200, "workspace.listErrors.propertyValueTooLong")).optional(),
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type ObjectListQuery = z.input<typeof objectListQuerySchema>;

export interface ObjectListRow extends ObjectView {
  ownerName: string;
  originSiteName: string | null;
  status: string | null;
}

export interface ObjectListPage {
  items: ObjectListRow[];
  nextCursor: string | null;
  /** As the list's header shows it: "42", or "1,000+" past the cap. */
  count: { count: number; capped: boolean; label: string };
  /** The saved view applied, if any: its columns decide what the table shows. */
  view: SavedViewShape | null;
  columns: ListField[];
  sort: ObjectListSort;
  /** The type's custom properties, for the filter form and the view's property columns. */
  properties: PropertyDefinitionFacts[];
}

const sortOrders: Record<Exclude<ObjectListSort, "newest">, ListOrder[]> = {
  oldest: [{ field: { source: "column", column: "createdAt" }, direction: "asc", nulls: "last" }],
  updated: [{ field: { source: "column", column: "updatedAt" }, direction: "desc", nulls: "last" }],
  title: [{ field: { source: "column", column: "title" }, direction: "asc", nulls: "last" }],
  reference: [{ field: { source: "column", column: "reference" }, direction: "asc", nulls: "last" }],
};

const defaultColumns: ListField[] = [
  { source: "column", column: "reference" },
  { source: "column", column: "title" },
  { source: "column", column: "owner" },
  { source: "column", column: "originSite" },
  { source: "column", column: "updatedAt" },
];

// Sorts other than newest-first page by position: `o|<offset>`, refused past a depth no one pages to by hand.
const maxOffset = 100_000;

function encodeOffsetCursor(offset: number): string {
  return encodeCursorText(`o|${offset}`);
}

function decodeOffsetCursor(text: string): number | null {
  const match = /^o\|([1-9]\d{0,5})$/.exec(decodeCursorText(text) ?? "");
  const offset = match ? Number(match[1]) : null;
  return offset !== null && offset <= maxOffset ? offset : null;
}

/** The custom property filters as list conditions: text contains; every other type equals its canonical value. */
function propertyConditions(
  given: Record<string, string>,
  definitions: Map<string, PropertyDefinitionFacts>,
): { conditions: ListCondition[]; fields: Record<string, string> } {
  const conditions: ListCondition[] = [];
  const fields: Record<string, string> = {};
  for (const [propertyId, raw] of Object.entries(given)) {
    const value = raw.trim();
    if (value === "") continue;
    const definition = definitions.get(propertyId);
    const candidate = definition ? canonicalCandidate(definition.type, value) : undefined;
    if (!definition || candidate === undefined) {
      fields[`properties.${propertyId}`] = "workspace.listErrors.propertyValueInvalid";
      continue;
    }
    const field: ListField = { source: "property", propertyId };
    conditions.push(definition.type === "text" ? { field, op: "contains", value: candidate } : { field, op: "eq", value: candidate });
  }
  return { conditions, fields };
}

/**
 * One page of a workspace list: the objects of one type the user may see (the visibility predicate, in SQL, never
 * loosened), narrowed by the search, the filters and a saved view, in the chosen order, with the capped count of
 * everything that matches. Newest-first pages go by keyset (the same cursor as `GET /api/v1/objects`); other orders
 * by position.
 */
export async function listObjectPage(
  db: Executor,
  user: ActingUser,
  type: ObjectType,
  input: ObjectListQuery,
  context: { locale?: Locale } = {},
): Promise<Result<ObjectListPage>> {
  const parsed = parseInput(objectListQuerySchema, input);
  if (!parsed.ok) return parsed;
  const query = parsed.data;
  const fields: Record<string, string> = {};

  const view = query.view ? await loadSavedView(db, user, query.view) : null;
  if (query.view && (!view || view.objectType !== type)) fields.view = "workspace.listErrors.viewUnknown";
  if (query.status && !statusesByType[type].includes(query.status)) fields.status = "workspace.listErrors.statusInvalid";
  const definitions = await loadPropertyDefinitions(db, user.organizationId, [type]);
  const properties = propertyConditions(query.properties ?? {}, definitions);
  Object.assign(fields, properties.fields);

  const sort = query.sort ?? "newest";
  const keyset = sort === "newest" && !(view && view.sort.length > 0 && !query.sort);
  const keysetCursor = keyset && query.cursor !== undefined ? decodeObjectCursor(query.cursor) : null;
  const offset = !keyset && query.cursor !== undefined ? decodeOffsetCursor(query.cursor) : 0;
  if (query.cursor !== undefined && (keyset ? !keysetCursor : offset === null)) fields.cursor = invalidCursorMessage;
  if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);

  const viewFilter = view ? viewToListFilter(view) : null;
  const empty: ObjectListPage = {
    items: [],
    nextCursor: null,
    count: { count: 0, capped: false, label: "0" },
    view,
    columns: viewFilter && viewFilter.columns.length > 0 ? viewFilter.columns : defaultColumns,
    sort,
    properties: [...definitions.values()],
  };
  const subject = subjectOf(user);
  const plan = await planFor(db, subject);
  const visibility = visibleObjectsFilter(plan, subject, { organizationId: user.organizationId, minLevel: "view_no_download", type });
  // The count's own form of the same predicate: planned for counting every match, not for the newest page.
  const countVisibility = visibleObjectsFilter(plan, subject, { organizationId: user.organizationId, minLevel: "view_no_download", type, use: "count" });
  if (visibility.never || countVisibility.never) return ok(empty);

  const propertyTypes = new Map([...definitions.values()].map((definition) => [definition.id, definition.type]));
  const status = objectStatusSql(type);
  const narrowing = [
    objectListFiltersSql({ q: query.q, siteId: query.siteId }),
    query.status ? sql`${status} = ${query.status}` : undefined,
    query.owner ? eq(objects.ownerId, query.owner === "me" ? user.id : query.owner) : undefined,
    listConditionsSql([...(viewFilter?.conditions ?? []), ...properties.conditions], { propertyTypes, timeZone: user.timeZone }),
  ];
  const where = and(visibility.where, ...narrowing);

  const order: SQL[] = keyset
    ? [desc(objects.createdAt), desc(objects.id)]
    : listOrderSql(query.sort ? sortOrders[query.sort as Exclude<ObjectListSort, "newest">] : (viewFilter?.order ?? []));
  const rows = await db
    .select({
      ...objectViewColumns,
      cursorInstant: cursorInstantSql,
      status,
      ownerName: sql<string>`(select ${users.name} from ${users} where ${users.id} = ${objects.ownerId})`,
      originSiteName: sql<string | null>`(select ${sites.name} from ${sites} where ${sites.id} = ${objects.originSiteId})`,
    })
    .from(objects)
    .where(and(where, keysetCursor ? afterCursorSql(keysetCursor) : undefined))
    .orderBy(...order)
    .limit(query.limit + 1)
    .offset(offset ?? 0);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const more = rows.length > query.limit && last;
  const nextCursor = !more ? null : keyset ? encodeObjectCursor({ createdAt: last.cursorInstant, id: last.id }) : encodeOffsetCursor((offset ?? 0) + query.limit);

  const matches = db
    .select({ one: sql<number>`1`.as("one") })
    .from(objects)
    .where(and(countVisibility.where, ...narrowing))
    .limit(objectCountCap + 1)
    .as("matches");
  const [counted] = await db.select({ n: count() }).from(matches);
  const total = counted?.n ?? 0;
  const capped = total > objectCountCap;
  const label = new Intl.NumberFormat(context.locale ?? defaultLocale).format(capped ? objectCountCap : total);

  return ok({
    ...empty,
    items: page.map((row) => ({ ...toObjectView(row), status: row.status, ownerName: row.ownerName, originSiteName: row.originSiteName })),
    nextCursor,
    count: { count: capped ? objectCountCap : total, capped, label: capped ? `${label}+` : label },
  });
}
