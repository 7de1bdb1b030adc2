import "server-only";
import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { users, type Role, type UserKind } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { isUuid } from "@/lib/validation/uuid";

/** A user as membership lists and pickers show them. */
export interface MemberUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  kind: UserKind;
  active: boolean;
}

export const memberUserColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  kind: users.kind,
  active: users.active,
};

/**
 * The users of the organisation among `ids` (unknown, malformed or other organisations' ids are simply absent),
 * locked FOR KEY SHARE so none is deleted while the membership that names them is written.
 */
export async function organizationUsers(db: Executor, organizationId: string, ids: readonly string[]): Promise<MemberUser[]> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return [];
  return db
    .select(memberUserColumns)
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, wanted)))
    .for("key share");
}

/** The user a member form picks: any string, which the service looks up among the organisation's users. */
export const memberUserIdSchema = z.string("admin.errors.pickUser").trim().min(1, "admin.errors.pickUser").max(100, "admin.errors.pickUser");

/** The user picked to join a site or a team, locked as organizationUsers does: one of the organisation's, active. */
export async function pickNewMember(db: Executor, organizationId: string, userId: string): Promise<Result<MemberUser>> {
  const [user] = await organizationUsers(db, organizationId, [userId]);
  if (!user) return fail("invalid", "errors.fieldsNeedAttention", { userId: "admin.errors.userOfOrganisation" });
  if (!user.active) return fail("invalid", "errors.fieldsNeedAttention", { userId: "admin.errors.userDeactivated" });
  return ok(user);
}

/**
 * The active users of the organisation for whom `membershipExists` (a correlated `select 1 … where … = users.id`)
 * finds no row: what a member picker offers. Deactivated users take no new membership.
 */
export async function activeUsersWithout(
  db: Executor,
  organizationId: string,
  membershipExists: Parameters<typeof notExists>[0],
): Promise<MemberUser[]> {
  return db
    .select(memberUserColumns)
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.active, true), notExists(membershipExists)))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.email));
}

/**
 * A list for a message's `{list}` and `{more}` values ("Ada, Alan, Grace and 3 others"): the first few names as they
 * are, and how many more there are, which the catalogue words in its language.
 */
export function shortList(names: readonly string[], shown = 3): { list: string; more: number } {
  return { list: names.slice(0, shown).join(", "), more: Math.max(0, names.length - shown) };
}

export interface MembershipChange {
  add: string[];
  remove: string[];
}

/**
 * What replacing a membership list by `wanted` adds and removes, or why not (on the `userIds` field): every id
 * must name a user of the organisation, and only active users join (members deactivated since may stay).
 * `refuseAdditions` is the field's message when the group takes no new member at all (an archived site).
 */
export async function planMembershipChange(
  db: Executor,
  organizationId: string,
  current: readonly string[],
  wanted: readonly string[],
  refuseAdditions?: string,
): Promise<Result<MembershipChange>> {
  const unique = [...new Set(wanted)];
  const found = await organizationUsers(db, organizationId, unique);
  const byId = new Map(found.map((user) => [user.id, user]));
  const unknown = unique.filter((id) => !byId.has(id));
  if (unknown.length > 0) return fail("invalid", "admin.errors.unknownUsers", { userIds: "admin.errors.unknownUsersField" }, shortList(unknown));
  const currentSet = new Set(current);
  const wantedSet = new Set(unique);
  const add = unique.filter((id) => !currentSet.has(id));
  const remove = current.filter((id) => !wantedSet.has(id));
  if (add.length > 0 && refuseAdditions) return fail("invalid", "errors.fieldsNeedAttention", { userIds: refuseAdditions });
  const inactive = add.map((id) => byId.get(id)!).filter((user) => !user.active);
  if (inactive.length > 0) {
    return fail("invalid", "admin.errors.deactivatedUsers", { userIds: "admin.errors.deactivatedUsersField" }, shortList(inactive.map((user) => user.name)));
  }
  return ok({ add, remove });
}
