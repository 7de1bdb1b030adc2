import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { sites, users, userSites, type Role, type UserKind } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { listRelationsPointingAt, type RelationBacklink } from "@/lib/properties/list-relations-pointing-at";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";

export const getPersonSchema = z.strictObject({ id: z.uuid("people.errors.idInvalid") });
export type GetPersonInput = z.input<typeof getPersonSchema>;

/** How many carriers each relation property lists before saying there are more. */
export const referencesPerProperty = 20;

export interface Person {
  id: string;
  name: string;
  email: string;
  role: Role;
  kind: UserKind;
  active: boolean;
  sites: { id: string; name: string; archived: boolean }[];
}

/** A colleague's page: who they are, and what names them through relation properties (SPEC §5). */
export interface PersonPage {
  person: Person;
  /** Each relation property targeting users that names them: the objects the reader can view, and users. */
  referencedBy: RelationBacklink[];
}

export const personNotFoundMessage = "people.errors.notFound";

/**
 * A person's page for any signed-in user of the same organisation (SPEC §1: users are readable by everyone in it):
 * name, e-mail, role, sites, and what names them through relation properties — objects only where the reader can
 * view them (the visibility predicate and a JSONB containment test, in SQL). Another organisation's user, or no
 * user, is not_found.
 */
export async function getPerson(db: Executor, reader: ActingUser, input: GetPersonInput): Promise<Result<PersonPage>> {
  const parsed = parseInput(getPersonSchema, input);
  if (!parsed.ok) return parsed;
  const [person] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, kind: users.kind, active: users.active })
    .from(users)
    .where(and(eq(users.id, parsed.data.id), eq(users.organizationId, reader.organizationId)));
  if (!person) return fail("not_found", personNotFoundMessage);
  const [memberships, referencedBy] = await Promise.all([
    db
      .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
      .from(userSites)
      .innerJoin(sites, and(eq(sites.id, userSites.siteId), eq(sites.organizationId, userSites.organizationId)))
      .where(and(eq(userSites.userId, person.id), eq(userSites.organizationId, reader.organizationId)))
      .orderBy(asc(sql`lower(${sites.name})`), asc(sites.id)),
    listRelationsPointingAt(db, reader, { targetKind: "user", targetId: person.id, limit: referencesPerProperty }),
  ]);
  return ok({
    person: { ...person, sites: memberships.map(({ archivedAt, ...site }) => ({ ...site, archived: archivedAt !== null })) },
    referencedBy: referencedBy.filter((backlink) => backlink.carriers.length > 0),
  });
}
