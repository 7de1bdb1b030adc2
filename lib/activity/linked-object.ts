import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** Events that name another object: the feed shows them only to a caller who can view that object too. */
export const linkEventKinds = ["linked", "unlinked"] as const;

/** Where a link event's record names the other object: its target (lib/links/create-object-link.ts writes it on the source). */
export const linkedObjectKey = "targetId";

/**
 * The other object's id a link event's record names, as a uuid, or null — a malformed value is no object, never a
 * failed cast.
 */
export function linkedObjectIdSql(data: AnyColumn): SQL<string | null> {
  const text = sql`${data} ->> ${linkedObjectKey}`;
  return sql<string | null>`case when ${text} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then (${text})::uuid end`;
}
