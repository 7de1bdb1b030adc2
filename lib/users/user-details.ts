import "server-only";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, propertyDefinitions, sites, teamMembers, teams, usageSessions, users, type ObjectType, type Role } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { countHandovers } from "./deactivate-user";

import { loadUserView, type UserView } from "./user-view";
import { roleAllows } from "@/lib/authz/roles";
import { isUuid } from "@/lib/validation/uuid";

export interface RelatedObject {
  id: string;
  type: ObjectType;
  reference: string;
  title: string;
  /** The names of the relation properties through which the object names this user. */
  via: string[];
}

export interface UserDetails {
  user: UserView;
  sites: { id: string; name: string; archived: boolean }[];
  teams: { id: string; name: string }[];
  lastActivityAt: Date | null;
  handovers: Awaited<ReturnType<typeof countHandovers>>;
  relatedObjects: RelatedObject[];
}

const relatedObjectsLimit = 100;

/**
 * Objects whose user-relation properties name this user (SPEC §5: "a product's Quality lead shows on that user's
 * page"), by JSONB containment in SQL, and only those the viewing user may see: the visibility predicate of their
 * own plan applies, Admins included.
 */
export async function listObjectsRelatedToUser(db: Executor, viewer: ActingUser, userId: string): Promise<RelatedObject[]> {
  const relations = await db
    .select({ id: propertyDefinitions.id, name: propertyDefinitions.name })
    .from(propertyDefinitions)
    .where(
      and(
        eq(propertyDefinitions.organizationId, viewer.organizationId),
        eq(propertyDefinitions.type, "relation"),
        eq(propertyDefinitions.targetType, "user"),
        ne(propertyDefinitions.appliesTo, "user"),
      ),
    )
    .orderBy(asc(propertyDefinitions.position), asc(propertyDefinitions.name));
  if (relations.length === 0) return [];
  const subject = subjectOf(viewer);
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: viewer.organizationId, minLevel: "view_no_download" });
  if (filter.never) return [];
  const naming = relations.map((relation) => sql`${objects.properties} @> ${JSON.stringify({ [relation.id]: [userId] })}::jsonb`);
  const rows = await db
    .select({ id: objects.id, type: objects.type, reference: objects.reference, title: objects.title, properties: objects.properties })
    .from(objects)
    .where(and(filter.where, naming.length === 1 ? naming[0] : or(...naming)))
    .orderBy(asc(objects.type), asc(objects.reference))
    .limit(relatedObjectsLimit);
  return rows.map(({ properties, ...row }) => ({
    ...row,
    via: relations.filter((relation) => {
      const value = properties[relation.id];
      return Array.isArray(value) && value.includes(userId);
    }).map((relation) => relation.name),
  }));
}

/** Everything the admin panel's user page shows about one user of the viewer's organisation, or null. */
export async function loadUserDetails(db: Executor, viewer: ActingUser, userId: string): Promise<UserDetails | null> {
  if (!isUuid(userId)) return null;
  const user = await loadUserView(db, viewer.organizationId, userId);
  if (!user) return null;
  const org = viewer.organizationId;
  const [siteRows, teamRows, [activity], handovers, relatedObjects] = await Promise.all([
    db
      .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
      .from(sites)
      .where(and(eq(sites.organizationId, org), user.siteIds.length > 0 ? inArray(sites.id, user.siteIds) : sql`false`))
      .orderBy(asc(sql`lower(${sites.name})`)),
    db
      .select({ id: teams.id, name: teams.name })
      .from(teamMembers)
      .innerJoin(teams, and(eq(teams.id, teamMembers.teamId), eq(teams.organizationId, teamMembers.organizationId)))
      .where(and(eq(teamMembers.organizationId, org), eq(teamMembers.userId, userId)))
      .orderBy(asc(sql`lower(${teams.name})`)),
    db
      .select({ at: sql<Date | null>`max(${usageSessions.lastActivityAt})`.mapWith((value) => (value === null ? null : new Date(value as string))) })
      .from(usageSessions)
      .where(and(eq(usageSessions.organizationId, org), eq(usageSessions.userId, userId))),
    countHandovers(db, org, userId),
    listObjectsRelatedToUser(db, viewer, userId),
  ]);
  return {
    user,
    sites: siteRows.map((site) => ({ id: site.id, name: site.name, archived: site.archivedAt !== null })),
    teams: teamRows,
    lastActivityAt: activity?.at ?? null,
    handovers,
    relatedObjects,
  };
}

export interface UserChoice {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * Who can take over from a user being deactivated (docs/decisions.md): a new owner among the active Managers and
 * Admins, a new assignee among the active personal accounts of Viewer role or above; never the user themselves.
 */
export async function listHandoverCandidates(db: Executor, organizationId: string, userId: string) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.active, true), eq(users.kind, "person"), ne(users.id, userId), ne(users.role, "shared_computer")))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
  return {
    owners: rows.filter((row) => roleAllows(row.role, "edit_objects")) satisfies UserChoice[],
    assignees: rows satisfies UserChoice[],
  };
}
