import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { listRelationsPointingAt, type RelationBacklink } from "@/lib/properties/list-relations-pointing-at";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { getObjectDetailsSchema, type GetObjectDetailsInput } from "./details-schemas";

/** How many carriers each relation property lists before saying there are more. */
export const referencesPerProperty = 20;

/**
 * "Referenced by" (SPEC §5: relation properties both ways): for an object the caller can view, each relation
 * property that targets its type, with the objects the caller can view (visibility predicate in SQL) and the users
 * whose value names it.
 */
export async function listObjectReferences(
  db: Executor,
  user: ActingUser,
  input: GetObjectDetailsInput,
  context: ObjectReadContext = {},
): Promise<Result<RelationBacklink[]>> {
  const parsed = parseInput(getObjectDetailsSchema, input);
  if (!parsed.ok) return parsed;
  const authorized = await authorizeObjectRead(db, subjectOf(user), parsed.data.id, "view", context);
  if (!authorized.ok) return authorized;
  const { facts } = authorized.data;
  const backlinks = await listRelationsPointingAt(db, user, { targetKind: facts.type, targetId: facts.id, limit: referencesPerProperty });
  return ok(backlinks.filter((backlink) => backlink.carriers.length > 0));
}
