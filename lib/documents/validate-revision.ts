import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentRevisions, objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { objectNotFoundMessage } from "@/lib/authz/object-access";
import { guardedObjectWrite } from "@/lib/objects/guarded-object-write";
import { recordObjectActivity } from "@/lib/objects/record-object-activity";
import { fail, ok, type Result } from "@/lib/result";
import { lockRevision } from "./lock-revision";
import { revisionNotDraftMessage, revisionNotFoundMessage, staleRevisionMessage } from "./revision-messages";
import { revisionSummaryOf, type RevisionSummary } from "./revision-summary";

export interface RevisionTarget {
  organizationId: string;
  objectId: string;
  revisionId: string;
}

/**
 * Validates a draft: the document's validated revision (if any) becomes obsolete, the draft becomes the validated
 * one with a snapshot of the document's title and properties, and the feed says so — in one transaction. The
 * document row is locked first, then the revision (the order every revision writer keeps). `expectedVersion` is the
 * revision version the validator looked at: its files may have changed since, and then it is a conflict.
 */
async function validateDraft(
  tx: Executor,
  target: RevisionTarget & { validatedById: string; expectedVersion?: number },
): Promise<Result<RevisionSummary>> {
  const { organizationId, objectId, validatedById } = target;
  const [document] = await tx
    .select({ title: objects.title, properties: objects.properties, type: objects.type })
    .from(objects)
    .where(and(eq(objects.organizationId, organizationId), eq(objects.id, objectId)))
    .for("update");
  if (!document || document.type !== "document") return fail("not_found", objectNotFoundMessage);
  const revision = await lockRevision(tx, target);
  if (!revision) return fail("not_found", revisionNotFoundMessage);
  if (revision.status !== "draft") return fail("conflict", revisionNotDraftMessage);
  if (target.expectedVersion !== undefined && revision.version !== target.expectedVersion) return fail("conflict", staleRevisionMessage);

  const now = new Date();
  // Obsoleted first: at most one validated revision per document (a unique index).
  await tx
    .update(documentRevisions)
    .set({ status: "obsolete", obsoletedAt: now, updatedAt: now, version: sql`${documentRevisions.version} + 1` })
    .where(
      and(
        eq(documentRevisions.organizationId, organizationId),
        eq(documentRevisions.objectId, objectId),
        eq(documentRevisions.status, "validated"),
      ),
    );
  const [validated] = await tx
    .update(documentRevisions)
    .set({
      status: "validated",
      validatedById,
      validatedAt: now,
      updatedAt: now,
      snapshot: { title: document.title, properties: document.properties },
      version: sql`${documentRevisions.version} + 1`,
    })
    .where(eq(documentRevisions.id, revision.id))
    .returning();
  await tx.update(objects).set({ updatedAt: now }).where(and(eq(objects.organizationId, organizationId), eq(objects.id, objectId)));
  await recordObjectActivity(tx, {
    organizationId,
    objectId,
    objectType: "document",
    actorId: validatedById,
    kind: "revision_validated",
    data: { revisionId: revision.id, label: revision.label },
  });
  return ok(revisionSummaryOf(validated!));
}

/**
 * The transitions of a validation without any access check: for a completed validation workflow, which validates
 * with its responsible Manager as validator. Refuses a revision that is not (or no longer) a draft.
 */
export async function markRevisionValidated(
  db: Executor,
  target: RevisionTarget & { validatedById: string },
): Promise<Result<RevisionSummary>> {
  return db.transaction((tx) => validateDraft(tx, target));
}

/**
 * A user validates a draft revision (SPEC §4: Full access and Manager+). `not_found` for a document the user cannot
 * view or a revision it does not have, `forbidden` without Full access, `conflict` when the revision is no draft or
 * changed since `version` was read.
 */
export async function validateRevision(
  db: Executor,
  user: ActingUser,
  input: { objectId: string; revisionId: string; version: number },
  context: { clientAddress?: string | null } = {},
): Promise<Result<RevisionSummary>> {
  return guardedObjectWrite(db, user, { objectId: input.objectId, action: "validate_revision", clientAddress: context.clientAddress }, async ({ tx, where }) => {
    const [guarded] = await tx.select({ id: objects.id }).from(objects).where(where).for("update");
    if (!guarded) return null;
    return validateDraft(tx, {
      organizationId: user.organizationId,
      objectId: input.objectId,
      revisionId: input.revisionId,
      validatedById: user.id,
      expectedVersion: input.version,
    });
  });
}
