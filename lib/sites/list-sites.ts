import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { organizations, sites } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { isAdmin, notAdminError, type SiteView } from "./site-records";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { decodeNameCursor, encodeNameCursor } from "@/lib/pagination/name-cursor";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";

export interface SiteSummary {
  id: string;
  name: string;
  timeZone: string;
  archivedAt: Date | null;
  version: number;
  /** Every membership (user_sites rows), deactivated members included. */
  memberCount: number;
  activeMemberCount: number;
}

export interface SiteList {
  sites: SiteSummary[];
  /** The organisation's time zone: the default of a new site. */
  organizationTimeZone: string;
}

// Counted by the database, per site, in the query that lists them. Written with explicit aliases: drizzle leaves
// the columns of a single-table select unqualified, which would make `id` ambiguous inside a subquery.
const memberCountSql = sql<number>`(select count(*)::int from user_sites us where us.site_id = "sites"."id")`;
const activeMemberCountSql = sql<number>`(select count(*)::int from user_sites us join users u on u.id = us.user_id where us.site_id = "sites"."id" and u.active)`;
const memberIdsSql = sql<string[]>`coalesce((select jsonb_agg(us.user_id order by us.user_id) from user_sites us where us.site_id = "sites"."id"), '[]'::jsonb)`;

/** The organisation's sites with their member counts, by name (the admin Sites tab). Admin only. */
export async function listSites(db: Executor, actor: ActingUser): Promise<Result<SiteList>> {
  if (!isAdmin(actor)) return notAdminError();
  const rows = await db
    .select({
      id: sites.id,
      name: sites.name,
      timeZone: sites.timeZone,
      archivedAt: sites.archivedAt,
      version: sites.version,
      memberCount: memberCountSql,
      activeMemberCount: activeMemberCountSql,
    })
    .from(sites)
    .where(eq(sites.organizationId, actor.organizationId))
    .orderBy(asc(sql`lower(${sites.name})`), asc(sites.id));
  const [organization] = await db
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId));
  return ok({ sites: rows, organizationTimeZone: organization?.timeZone ?? "UTC" });
}

const listSitesPageFields = z.strictObject({
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export const listSitesPageSchema = withoutEmptyParameters(listSitesPageFields);
export type ListSitesPageInput = z.input<typeof listSitesPageFields>;

export interface SitePage {
  items: SiteView[];
  nextCursor: string | null;
}

/**
 * The organisation's sites as the API lists them (any signed-in user): `{ id, name, archived, userIds }` plus the
 * time zone and version, by name, one page at a time. Members are every user_sites row, as the user page sees them.
 */
export async function listSitesPage(db: Executor, user: ActingUser, input: ListSitesPageInput): Promise<Result<SitePage>> {
  const parsed = parseInput(listSitesPageSchema, input);
  if (!parsed.ok) return parsed;
  const { limit, cursor: cursorText } = parsed.data;
  const cursor = cursorText === undefined ? null : decodeNameCursor(cursorText);
  if (cursorText !== undefined && !cursor) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });

  const sortName = sql<string>`lower(${sites.name})`;
  const rows = await db
    .select({
      id: sites.id,
      name: sites.name,
      timeZone: sites.timeZone,
      archivedAt: sites.archivedAt,
      version: sites.version,
      sortName,
      userIds: memberIdsSql,
    })
    .from(sites)
    .where(and(eq(sites.organizationId, user.organizationId), cursor ? sql`(lower(${sites.name}), ${sites.id}) > (${cursor.sortName}, ${cursor.id}::uuid)` : undefined))
    .orderBy(asc(sortName), asc(sites.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return ok({
    items: page.map((row) => ({
      id: row.id,
      name: row.name,
      timeZone: row.timeZone,
      archived: row.archivedAt !== null,
      version: row.version,
      userIds: row.userIds,
    })),
    nextCursor: rows.length > limit && last ? encodeNameCursor({ sortName: last.sortName, id: last.id }) : null,
  });
}
