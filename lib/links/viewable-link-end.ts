import "server-only";
import type { Executor } from "@/db/client";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import { authorizeObject } from "@/lib/authz/object-access";
import type { AccessSubject } from "@/lib/authz/subject";

/**
 * The other end of a link, when the subject can view it (else null: unknown, another organisation's, trashed, out of
 * scope or no rule all look the same, and a denial is written to the access log). Linking needs no more than view
 * on that end: the link action is decided on the source.
 */
export async function viewableLinkEnd(
  tx: Executor,
  subject: AccessSubject,
  objectId: string,
  context: { clientAddress?: string | null },
): Promise<ObjectAccessFacts | null> {
  const authorized = await authorizeObject(tx, subject, objectId, "view", context);
  return authorized.ok ? authorized.data.facts : null;
}
