import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { teams } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { isAdmin, notAdminError, type TeamView } from "./team-records";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { decodeNameCursor, encodeNameCursor } from "@/lib/pagination/name-cursor";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";

export interface TeamSummary {
  id: string;
  name: string;
  version: number;
  memberCount: number;
  activeMemberCount: number;
}

// Counted by the database. Explicit aliases: drizzle leaves the columns of a single-table select unqualified.
const memberCountSql = sql<number>`(select count(*)::int from team_members tm where tm.team_id = "teams"."id")`;
const activeMemberCountSql = sql<number>`(select count(*)::int from team_members tm join users u on u.id = tm.user_id where tm.team_id = "teams"."id" and u.active)`;
const memberIdsSql = sql<string[]>`coalesce((select jsonb_agg(tm.user_id order by tm.user_id) from team_members tm where tm.team_id = "teams"."id"), '[]'::jsonb)`;

/** The organisation's teams with their member counts (counted by the database), by name. Admin only. */
export async function listTeams(db: Executor, actor: ActingUser): Promise<Result<TeamSummary[]>> {
  if (!isAdmin(actor)) return notAdminError();
  const rows = await db
    .select({ id: teams.id, name: teams.name, version: teams.version, memberCount: memberCountSql, activeMemberCount: activeMemberCountSql })
    .from(teams)
    .where(eq(teams.organizationId, actor.organizationId))
    .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id));
  return ok(rows);
}

const listTeamsPageFields = z.strictObject({
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export const listTeamsPageSchema = withoutEmptyParameters(listTeamsPageFields);
export type ListTeamsPageInput = z.input<typeof listTeamsPageFields>;

export interface TeamPage {
  items: TeamView[];
  nextCursor: string | null;
}

/** The organisation's teams as the API lists them (any signed-in user): `{ id, name, userIds }`, by name, paged. */
export async function listTeamsPage(db: Executor, user: ActingUser, input: ListTeamsPageInput): Promise<Result<TeamPage>> {
  const parsed = parseInput(listTeamsPageSchema, input);
  if (!parsed.ok) return parsed;
  const { limit, cursor: cursorText } = parsed.data;
  const cursor = cursorText === undefined ? null : decodeNameCursor(cursorText);
  if (cursorText !== undefined && !cursor) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });

  const sortName = sql<string>`lower(${teams.name})`;
  const rows = await db
    .select({
      id: teams.id,
      name: teams.name,
      version: teams.version,
      sortName,
      userIds: memberIdsSql,
    })
    .from(teams)
    .where(and(eq(teams.organizationId, user.organizationId), cursor ? sql`(lower(${teams.name}), ${teams.id}) > (${cursor.sortName}, ${cursor.id}::uuid)` : undefined))
    .orderBy(asc(sortName), asc(teams.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return ok({
    items: page.map(({ id, name, version, userIds }) => ({ id, name, version, userIds })),
    nextCursor: rows.length > limit && last ? encodeNameCursor({ sortName: last.sortName, id: last.id }) : null,
  });
}
