import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { documentFiles, documentRevisions, objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { guardedObjectWrite } from "@/lib/objects/guarded-object-write";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { recordObjectActivity } from "@/lib/objects/record-object-activity";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { loadRevisionViews } from "./load-revision-views";
import { revisionLabel } from "./revision-labels";
import { draftExistsMessage, notADocumentMessage } from "./revision-messages";
import { revisionNoteSchema } from "./revision-schemas";
import type { RevisionView } from "./revision-view";

export const openNextDraftSchema = z.strictObject({
  /** The document. */
  id: objectIdSchema,
  note: revisionNoteSchema.optional(),
});
export type OpenNextDraftInput = z.input<typeof openNextDraftSchema>;

/**
 * "Edit" on a validated revision (SPEC §5): opens the next draft — B after A — starting with the files of the
 * revision before it (the same stored bytes, content-addressed: nothing is copied on disk), so a change replaces or
 * adds files instead of starting again. One draft at a time: `conflict` while one is open. Modify and Manager+.
 */
export async function openNextDraft(
  db: Executor,
  user: ActingUser,
  input: OpenNextDraftInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<RevisionView>> {
  const parsed = parseInput(openNextDraftSchema, input);
  if (!parsed.ok) return parsed;
  const { id, note } = parsed.data;
  const organizationId = user.organizationId;

  return guardedObjectWrite(db, user, { objectId: id, action: "upload_revision", clientAddress: context.clientAddress }, async ({ tx, where, authorized }) => {
    const [guarded] = await tx.select({ id: objects.id }).from(objects).where(where).for("update");
    if (!guarded) return null;
    if (authorized.facts.type !== "document") return fail("not_found", notADocumentMessage);
    const [latest] = await tx
      .select({ id: documentRevisions.id, sequence: documentRevisions.sequence, status: documentRevisions.status, label: documentRevisions.label })
      .from(documentRevisions)
      .where(and(eq(documentRevisions.organizationId, organizationId), eq(documentRevisions.objectId, id)))
      .orderBy(desc(documentRevisions.sequence))
      .limit(1);
    if (latest?.status === "draft") return fail("conflict", draftExistsMessage, undefined, { label: latest.label });

    const sequence = latest ? latest.sequence + 1 : 0;
    const label = revisionLabel(sequence);
    const [draft] = await tx
      .insert(documentRevisions)
      .values({ organizationId, objectId: id, label, sequence, status: "draft", note: note || null, createdById: user.id })
      .returning({ id: documentRevisions.id });
    if (latest) {
      const carried = await tx
        .select({ fileName: documentFiles.fileName, contentType: documentFiles.contentType, sizeBytes: documentFiles.sizeBytes, sha256: documentFiles.sha256, storageKey: documentFiles.storageKey, uploadedById: documentFiles.uploadedById, createdAt: documentFiles.createdAt })
        .from(documentFiles)
        .where(and(eq(documentFiles.organizationId, organizationId), eq(documentFiles.revisionId, latest.id)));
      if (carried.length > 0) await tx.insert(documentFiles).values(carried.map((file) => ({ ...file, organizationId, revisionId: draft!.id })));
    }
    await tx.update(objects).set({ updatedAt: new Date() }).where(eq(objects.id, id));
    await recordObjectActivity(tx, { organizationId, objectId: id, objectType: "document", actorId: user.id, kind: "revision_created", data: { revisionId: draft!.id, label } });
    const [view] = await loadRevisionViews(tx, { organizationId, objectId: id }, { where: eq(documentRevisions.id, draft!.id), order: [] });
    return ok(view!);
  });
}
