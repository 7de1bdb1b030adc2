import "server-only";
import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type Role, type UserKind } from "@/db/schema";
import { isUuid } from "./site-schemas";

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

/** "Ada Lovelace, Alan Turing and 3 others": names in a message without making it endless. */
export function nameList(names: readonly string[], shown = 3): string {
  if (names.length <= shown) {
    return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  }
  const rest = names.length - shown;
  return `${names.slice(0, shown).join(", ")} and ${rest} other${rest === 1 ? "" : "s"}`;
}

export interface MembershipChange {
  add: string[];
  remove: string[];
}

/**
 * What replacing a membership list by `wanted` adds and removes, or the message for the `userIds` field: every id
 * must name a user of the organisation, and only active users join (members deactivated since may stay).
 * `refuseAdditions` is the message when the group takes no new member at all (an archived site).
 */
export async function planMembershipChange(
  db: Executor,
  organizationId: string,
  current: readonly string[],
  wanted: readonly string[],
  refuseAdditions?: string,
): Promise<{ ok: true; change: MembershipChange } | { ok: false; message: string }> {
  const unique = [...new Set(wanted)];
  const found = await organizationUsers(db, organizationId, unique);
  const byId = new Map(found.map((user) => [user.id, user]));
  const unknown = unique.filter((id) => !byId.has(id));
  if (unknown.length > 0) return { ok: false, message: `No user of this organisation has the id ${nameList(unknown)}.` };
  const currentSet = new Set(current);
  const wantedSet = new Set(unique);
  const add = unique.filter((id) => !currentSet.has(id));
  const remove = current.filter((id) => !wantedSet.has(id));
  if (add.length > 0 && refuseAdditions) return { ok: false, message: refuseAdditions };
  const inactive = add.map((id) => byId.get(id)!).filter((user) => !user.active);
  if (inactive.length > 0) {
    return { ok: false, message: `${nameList(inactive.map((user) => user.name))} ${inactive.length === 1 ? "is" : "are"} deactivated: deactivated users take no new membership.` };
  }
  return { ok: true, change: { add, remove } };
}
