import "server-only";
import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, users, type ObjectType } from "@/db/schema";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, type AccessSubject } from "@/lib/authz/subject";
import { isUuid } from "@/lib/validation/uuid";
import { objectListFiltersSql } from "./object-list-filters";

/** One user or object a relation property may point at, as a form lists it. */
export interface RelationChoice {
  id: string;
  label: string;
  /** A deactivated user still held by the value: forms say so beside the label, in the reader's language. */
  deactivated?: boolean;
}

/** What a form lists, and whether more matched than it lists (the form then offers a search). */
export interface RelationChoices {
  choices: RelationChoice[];
  capped: boolean;
}

interface ChoiceQuery {
  /** Contains, any case: a user's name or e-mail; an object's title or reference. */
  q?: string;
  /** Ids the value already holds: listed too (when the caller may see them), whatever the cap. */
  chosen?: readonly string[];
  limit: number;
}

function chosenIds(query: ChoiceQuery): string[] {
  return (query.chosen ?? []).filter((id) => isUuid(id));
}

function contains(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Merges the chosen rows first (those the value holds), then the listed ones, each once. */
function merged(chosen: RelationChoice[], listed: RelationChoice[], limit: number): RelationChoices {
  const byId = new Map([...chosen, ...listed.slice(0, limit)].map((choice) => [choice.id, choice]));
  return { choices: [...byId.values()], capped: listed.length > limit };
}

/**
 * People a relation to users may name: the organisation's active users (not integration accounts), by name. A chosen
 * user who has since been deactivated is listed too, flagged, so the form shows what the value holds.
 */
export async function userChoices(db: Executor, organizationId: string, query: ChoiceQuery): Promise<RelationChoices> {
  const columns = { id: users.id, name: users.name, email: users.email, active: users.active };
  const search: SQL | undefined = query.q
    ? or(sql`lower(${users.name}) like ${contains(query.q)}`, sql`lower(${users.email}) like ${contains(query.q)}`)
    : undefined;
  const chosen = chosenIds(query);
  const [listed, held] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.active, true), ne(users.kind, "service"), search))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
      .limit(query.limit + 1),
    chosen.length === 0 ? [] : db.select(columns).from(users).where(and(eq(users.organizationId, organizationId), inArray(users.id, chosen))),
  ]);
  const label = (row: (typeof listed)[number]): RelationChoice => ({
    id: row.id,
    label: `${row.name} (${row.email})`,
    ...(row.active ? {} : { deactivated: true }),
  });
  return merged(held.map(label), listed.map(label), query.limit);
}

/**
 * Objects a relation to `type` may name: those the subject can view (the visibility predicate, in SQL), newest first.
 * A chosen object the subject cannot view is not listed: nothing tells it exists.
 */
export async function objectChoices(db: Executor, subject: AccessSubject, type: ObjectType, query: ChoiceQuery): Promise<RelationChoices> {
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: subject.organizationId, minLevel: "view_no_download", type });
  if (filter.never) return { choices: [], capped: false };
  const columns = { id: objects.id, reference: objects.reference, title: objects.title };
  const chosen = chosenIds(query);
  const [listed, held] = await Promise.all([
    db
      .select(columns)
      .from(objects)
      .where(and(filter.where, objectListFiltersSql({ q: query.q })))
      .orderBy(desc(objects.createdAt), desc(objects.id))
      .limit(query.limit + 1),
    chosen.length === 0 ? [] : db.select(columns).from(objects).where(and(filter.where, inArray(objects.id, chosen))),
  ]);
  const label = (row: (typeof listed)[number]): RelationChoice => ({ id: row.id, label: `${row.reference} — ${row.title}` });
  return merged(held.map(label), listed.map(label), query.limit);
}
