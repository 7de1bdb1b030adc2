import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type PropertyValues, type Role, type SignInMethod, type UserKind } from "@/db/schema";

/** A user as the API answers it (API.md), with the row version an edit must state. Never a password hash. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  kind: UserKind;
  signInMethod: SignInMethod;
  siteIds: string[];
  primarySiteId: string | null;
  properties: PropertyValues;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * `users.id`, always qualified: drizzle leaves column names unqualified in the select list of a one-table query,
 * where a sub-select of a table with its own `id` would read its own column instead.
 */
export const outerUserId = sql`${sql.identifier("users")}.${sql.identifier("id")}`;

/** The columns every user answer reads; memberships in one sub-select, so a page of users is one query. */
export const userViewColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  kind: users.kind,
  signInMethod: users.signInMethod,
  siteIds: sql<string[]>`coalesce((select jsonb_agg(us.site_id order by us.site_id) from user_sites us where us.user_id = ${outerUserId}), '[]'::jsonb)`,
  primarySiteId: users.primarySiteId,
  properties: users.properties,
  active: users.active,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export interface UserViewRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  kind: UserKind;
  signInMethod: SignInMethod;
  siteIds: string[];
  primarySiteId: string | null;
  properties: PropertyValues;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function toUserView(row: UserViewRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    kind: row.kind,
    signInMethod: row.signInMethod,
    siteIds: row.siteIds,
    primarySiteId: row.primarySiteId,
    properties: row.properties,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One user of the organisation as the API answers it, or null when there is none by that id there. */
export async function loadUserView(db: Executor, organizationId: string, userId: string): Promise<UserView | null> {
  const [row] = await db
    .select(userViewColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  return row ? toUserView(row) : null;
}
