import "server-only";
import { eq, sql } from "drizzle-orm";
import { type z } from "zod";
import type { Executor } from "@/db/client";
import { documentRevisions } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { findRevisionId } from "./find-revision";
import { guardedDraftWrite } from "./guarded-draft-write";
import { loadRevisionViews } from "./load-revision-views";
import { revisionNoteSchema, revisionTargetSchema, revisionVersionSchema } from "./revision-schemas";
import type { RevisionView } from "./revision-view";

export const updateDraftSchema = revisionTargetSchema.extend({
  version: revisionVersionSchema,
  note: revisionNoteSchema,
});
export type UpdateDraftInput = z.input<typeof updateDraftSchema>;

/**
 * Edits a draft revision's note (what the revision changes). A draft's other content is its files; the document's
 * title and properties are the object's own (SPEC §9) and are edited on the object.
 */
export async function updateDraft(
  db: Executor,
  user: ActingUser,
  input: UpdateDraftInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<RevisionView>> {
  const parsed = parseInput(updateDraftSchema, input);
  if (!parsed.ok) return parsed;
  const { id, rev, version, note } = parsed.data;
  const scope = { organizationId: user.organizationId, objectId: id };
  const revisionId = (await findRevisionId(db, scope, rev)) ?? rev;

  return guardedDraftWrite(db, user, { objectId: id, revisionId, expectedVersion: version, clientAddress: context.clientAddress }, async ({ tx, draft }) => {
    await tx
      .update(documentRevisions)
      .set({ note: note || null, updatedAt: new Date(), version: sql`${documentRevisions.version} + 1` })
      .where(eq(documentRevisions.id, draft.id));
    const [view] = await loadRevisionViews(tx, scope, { where: eq(documentRevisions.id, draft.id), order: [] });
    return ok(view!);
  });
}
