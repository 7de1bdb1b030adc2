import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objectTypes, propertyDefinitions, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { subjectOf } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { objectChoices, userChoices, type RelationChoices } from "./relation-choices";

export const findRelationChoicesSchema = z.strictObject({
  propertyId: z.uuid("objects.propertyInputs.propertyIdInvalid"),
  q: z.string("objects.fields.searchInvalid").trim().min(1, "objects.fields.searchInvalid").max(200, "objects.fields.searchTooLong"),
});
export type FindRelationChoicesInput = z.input<typeof findRelationChoicesSchema>;

/** How many matches a search answers: enough to pick from, few enough to read. */
const searchLimit = 20;

function isObjectType(target: string | null): target is ObjectType {
  return (objectTypes as readonly string[]).includes(target ?? "");
}

/**
 * A relation input's search, when its list was capped: active users by name or e-mail, or objects of the target type
 * the acting user can view by title or reference (the visibility predicate, in SQL).
 */
export async function findRelationChoices(db: Executor, user: ActingUser, input: FindRelationChoicesInput): Promise<Result<RelationChoices>> {
  const parsed = parseInput(findRelationChoicesSchema, input);
  if (!parsed.ok) return parsed;
  const { propertyId, q } = parsed.data;
  const [definition] = await db
    .select({ type: propertyDefinitions.type, targetType: propertyDefinitions.targetType })
    .from(propertyDefinitions)
    .where(and(eq(propertyDefinitions.id, propertyId), eq(propertyDefinitions.organizationId, user.organizationId)));
  if (!definition || definition.type !== "relation") return fail("not_found", "objects.propertyInputs.propertyNotFound");
  const query = { q, limit: searchLimit };
  if (definition.targetType === "user") return ok(await userChoices(db, user.organizationId, query));
  if (isObjectType(definition.targetType)) return ok(await objectChoices(db, subjectOf(user), definition.targetType, query));
  return ok({ choices: [], capped: false });
}
