import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { uuidArray } from "@/db/array-parameters";
import { objects, objectTypes, type ObjectType } from "@/db/schema";
import { formatReference, referencePrefixes } from "./object-references";

/** The narrowing a list, a search or a count may ask for, on top of visibility (which is never optional). */
export const objectListFiltersSchema = z.strictObject({
  type: z.enum(objectTypes, "objects.fields.typeInvalid").optional(),
  /** Matches the title (contains, any case) or the reference (`DOC-000123`, also typed `doc-123`). */
  q: z.string("objects.fields.searchInvalid").trim().max(200, "objects.fields.searchTooLong").optional(),
  /** Objects made on that site (origin) or shared with it by name (scope by sites). */
  siteId: z.uuid("objects.fields.siteIdInvalid").optional(),
});
export type ObjectListFilters = z.output<typeof objectListFiltersSchema>;

const prefixes = new Map(Object.entries(referencePrefixes).map(([type, prefix]) => [prefix, type as ObjectType]));

/** The reference a search names, if it looks like one: `doc-123`, `DOC 000123`, `DOC000123` → `DOC-000123`. */
export function referenceFromSearch(q: string): string | null {
  const match = /^([a-z]+)[-\s]?0*(\d{1,9})$/i.exec(q.trim());
  const type = match ? prefixes.get(match[1]!.toUpperCase()) : undefined;
  return type ? formatReference(type, Number(match![2])) : null;
}

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The SQL of the optional filters. The title test is written on `lower(title)` so PostgreSQL can use the
 * trigram index `objects_title_trgm`; the reference test is an equality on the unique (organisation, reference) index.
 * The site test reads the row's own copy of its scope sites (kept by the database, migration 0005).
 */
export function objectListFiltersSql(filters: Omit<ObjectListFilters, "type">): SQL | undefined {
  const parts: SQL[] = [];
  if (filters.q) {
    const reference = referenceFromSearch(filters.q) ?? filters.q.toUpperCase();
    parts.push(or(sql`lower(${objects.title}) like ${likePattern(filters.q)}`, eq(objects.reference, reference))!);
  }
  if (filters.siteId) {
    // Both tests have an index (`objects_live_origin_site_idx`, the GIN on the row's copy of its scope sites), so a
    // list or count of one site reads a bitmap of that site's objects, not every row of the type with a probe each.
    parts.push(
      or(eq(objects.originSiteId, filters.siteId), and(eq(objects.scopeKind, "sites"), sql`${objects.scopeSiteIds} && ${uuidArray([filters.siteId])}`))!,
    );
  }
  return parts.length > 0 ? and(...parts) : undefined;
}
