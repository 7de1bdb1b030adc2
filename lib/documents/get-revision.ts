import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { documentRevisions } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { ObjectReadContext } from "@/lib/authz/object-access";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { authorizeDocumentRead } from "./document-read";
import { findRevisionId } from "./find-revision";
import { loadRevisionViews } from "./load-revision-views";
import { revisionNotFoundMessage } from "./revision-messages";
import { revisionTargetSchema } from "./revision-schemas";
import type { RevisionView } from "./revision-view";

export const getRevisionSchema = revisionTargetSchema;
export type GetRevisionInput = z.input<typeof getRevisionSchema>;

/** One revision of a document (by id or label) with its files. */
export async function getRevision(db: Executor, user: ActingUser, input: GetRevisionInput, context: ObjectReadContext = {}): Promise<Result<RevisionView>> {
  const parsed = parseInput(getRevisionSchema, input);
  if (!parsed.ok) return parsed;
  const { id, rev } = parsed.data;
  const authorized = await authorizeDocumentRead(db, user, id, context);
  if (!authorized.ok) return authorized;
  const revisionId = await findRevisionId(db, { organizationId: user.organizationId, objectId: id }, rev);
  if (!revisionId) return fail("not_found", revisionNotFoundMessage);
  const [view] = await loadRevisionViews(db, { organizationId: user.organizationId, objectId: id }, { where: eq(documentRevisions.id, revisionId), order: [] });
  return view ? ok(view) : fail("not_found", revisionNotFoundMessage);
}
