import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, type AuthorizedObject, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { fail, type Result } from "@/lib/result";
import { notADocumentMessage } from "./revision-messages";

/**
 * The read check of every revision and file read: the user may view the object (else `not_found`, as for any
 * object), and it is a document (another type has no revisions: `not_found` too, saying so).
 */
export async function authorizeDocumentRead(
  db: Executor,
  user: ActingUser,
  objectId: string,
  context: ObjectReadContext = {},
): Promise<Result<AuthorizedObject>> {
  const authorized = await authorizeObjectRead(db, subjectOf(user), objectId, "view", context);
  if (!authorized.ok) return authorized;
  if (authorized.data.facts.type !== "document") return fail("not_found", notADocumentMessage);
  return authorized;
}
