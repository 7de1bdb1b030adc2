import "server-only";
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { adminsOnlyMessage } from "./user-messages";
import { outerUserId, toUserView, userViewColumns, type UserView } from "./user-view";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { decodeNameCursor, encodeNameCursor } from "@/lib/pagination/name-cursor";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { roleAllows } from "@/lib/authz/roles";

const listUsersFields = z.strictObject({
  /** Part of the name or the e-mail, any case. */
  q: z.string().trim().max(200, "adminUsers.errors.searchTooLong").optional(),
  limit: pageLimitSchema,
  /** The `nextCursor` of the previous page. */
  cursor: cursorSchema.optional(),
  /** The `previousCursor` of the next page: the page before it (the admin panel's "Previous" link). */
  before: cursorSchema.optional(),
});
export const listUsersSchema = withoutEmptyParameters(listUsersFields);
export type ListUsersInput = z.input<typeof listUsersFields>;

export interface UserPage<Item> {
  items: Item[];
  /** Pass it back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  /** Pass it back as `before` for the page before; null on the first one. */
  previousCursor: string | null;
}

/** A row of the admin panel's users table: the API's answer plus memberships by name and the last activity. */
export interface AdminUserListItem extends UserView {
  sites: { id: string; name: string; archived: boolean }[];
  lastActivityAt: string | null;
}

// Keyset pagination in name order (accents folded, case-insensitive, then id).

// Accents folded (the embedded database sorts and lower-cases in the C locale), so "Émilie" sorts and is found
// among the e's: the same table in SQL and for the search text.
const accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
const unaccented = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyy";
const foldedName = sql<string>`lower(translate(${users.name}, ${accented}, ${unaccented}))`;

function fold(text: string): string {
  return [...text].map((character) => unaccented[accented.indexOf(character)] ?? character).join("").toLowerCase();
}

const sortName = foldedName;


function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function searchSql(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  return or(ilike(users.name, likePattern(q)), sql`${foldedName} like ${likePattern(fold(q))}`, ilike(users.email, likePattern(q)));
}

const listColumns = {
  ...userViewColumns,
  sites: sql<AdminUserListItem["sites"]>`coalesce((
    select jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name, 'archived', s.archived_at is not null) order by lower(s.name))
    from user_sites us join sites s on s.id = us.site_id and s.organization_id = us.organization_id
    where us.user_id = ${outerUserId}), '[]'::jsonb)`,
  // The latest activity of any of the user's usage sessions, a sub-select per row (usage_sessions_user_idx).
  lastActivityAt: sql<string | null>`(select to_char(max(s.last_activity_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    from usage_sessions s where s.user_id = ${outerUserId})`,
  cursorName: sortName,
};

async function pageOf(db: Executor, organizationId: string, input: z.output<typeof listUsersSchema>): Promise<Result<UserPage<AdminUserListItem>>> {
  const { q, limit } = input;
  const after = input.cursor === undefined ? null : decodeNameCursor(input.cursor);
  const before = input.before === undefined ? null : decodeNameCursor(input.before);
  if (input.cursor !== undefined && !after) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });
  if (input.before !== undefined && !before) return fail("invalid", "errors.fieldsNeedAttention", { before: invalidCursorMessage });
  const backwards = before !== null;
  const key = after ?? before;
  const keySql = key
    ? backwards
      ? sql`(${sortName}, ${users.id}) < (${key.sortName}, ${key.id}::uuid)`
      : sql`(${sortName}, ${users.id}) > (${key.sortName}, ${key.id}::uuid)`
    : undefined;
  const rows = await db
    .select(listColumns)
    .from(users)
    .where(and(eq(users.organizationId, organizationId), searchSql(q), keySql))
    .orderBy(...(backwards ? [desc(sortName), desc(users.id)] : [asc(sortName), asc(users.id)]))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const cursorOf = (row: { cursorName: string; id: string } | undefined) => (row ? encodeNameCursor({ sortName: row.cursorName, id: row.id }) : null);
  return ok({
    items: page.map(({ sites, lastActivityAt, cursorName: _cursorName, ...row }) => ({ ...toUserView(row), sites, lastActivityAt })),
    // Going forwards, there is a page before iff we came from one; going backwards, a page after iff we came from one.
    nextCursor: backwards || more ? cursorOf(page.at(-1)) : null,
    previousCursor: backwards ? (more ? cursorOf(page.at(0)) : null) : after ? cursorOf(page.at(0)) : null,
  });
}

/**
 * The organisation's users in name order, one page at a time, searched by name or e-mail in SQL (any signed-in
 * user of the organisation may list them: `GET /api/v1/users`). Deactivated accounts are listed, marked inactive.
 */
export async function listUsers(db: Executor, actor: ActingUser, input: ListUsersInput): Promise<Result<UserPage<UserView>>> {
  const parsed = parseInput(listUsersSchema, input);
  if (!parsed.ok) return parsed;
  const page = await pageOf(db, actor.organizationId, parsed.data);
  if (!page.ok) return page;
  return ok({ ...page.data, items: page.data.items.map(({ sites: _sites, lastActivityAt: _lastActivityAt, ...view }) => view) });
}

/** The admin panel's users table: one page, with memberships by name, last activity, and how many users match. */
export async function listUsersForAdmin(
  db: Executor,
  actor: ActingUser,
  input: ListUsersInput,
): Promise<Result<UserPage<AdminUserListItem> & { total: number }>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(listUsersSchema, input);
  if (!parsed.ok) return parsed;
  const page = await pageOf(db, actor.organizationId, parsed.data);
  if (!page.ok) return page;
  const [matching] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.organizationId, actor.organizationId), searchSql(parsed.data.q)));
  return ok({ ...page.data, total: matching?.n ?? 0 });
}
