import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, objectNotFoundMessage, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { getObjectDetailsSchema, type GetObjectDetailsInput } from "./details-schemas";
import { loadObjectDetails } from "./load-object-details";
import type { ObjectDetails } from "./object-details-view";

/** The type-specific details of an object the caller can view (not_found otherwise, whatever the reason). */
export async function getObjectDetails(
  db: Executor,
  user: ActingUser,
  input: GetObjectDetailsInput,
  context: ObjectReadContext = {},
): Promise<Result<ObjectDetails>> {
  const parsed = parseInput(getObjectDetailsSchema, input);
  if (!parsed.ok) return parsed;
  const subject = subjectOf(user);
  const authorized = await authorizeObjectRead(db, subject, parsed.data.id, "view", context);
  if (!authorized.ok) return authorized;
  const details = await loadObjectDetails(db, subject, authorized.data.facts);
  return details ? ok(details) : fail("not_found", objectNotFoundMessage);
}
