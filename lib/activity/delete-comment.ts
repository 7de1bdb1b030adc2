import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { comments } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { guardedObjectWrite } from "@/lib/objects/guarded-object-write";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { removeCommentedEvent } from "./comment-events";
import { commentNotFoundMessage, staleCommentMessage } from "./comment-messages";
import { commentWriteRefusal } from "./comment-permissions";
import { commentIdSchema, commentVersionSchema } from "./comment-schemas";
import { lockComment } from "./lock-comment";
import { lockCommentedObject } from "./lock-commented-object";

export const deleteCommentSchema = z.strictObject({
  /** The object the comment is on. */
  id: objectIdSchema,
  commentId: commentIdSchema,
  /** The version the user saw, when they want a deletion of a since-edited comment refused; any version otherwise. */
  version: commentVersionSchema.optional(),
});
export type DeleteCommentInput = z.input<typeof deleteCommentSchema>;

/**
 * Deletes a comment: its author within the window after posting it, or an Admin at any time (moderation). The
 * comment leaves the feed; the audit log keeps its text, its author and who deleted it.
 */
export async function deleteComment(
  db: Executor,
  user: ActingUser,
  input: DeleteCommentInput,
  context: { clientAddress?: string | null; now?: Date } = {},
): Promise<Result<{ id: string }>> {
  const parsed = parseInput(deleteCommentSchema, input);
  if (!parsed.ok) return parsed;
  const { id, commentId, version } = parsed.data;
  const now = context.now ?? new Date();

  return guardedObjectWrite(db, user, { objectId: id, action: "comment", clientAddress: context.clientAddress }, async ({ tx, where }) => {
    if (!(await lockCommentedObject(tx, where))) return null;
    const comment = await lockComment(tx, user.organizationId, id, commentId);
    if (!comment) return fail("not_found", commentNotFoundMessage);
    const refusal = commentWriteRefusal(user, comment, "delete", now);
    if (refusal) return fail("forbidden", refusal);
    if (version !== undefined && comment.version !== version) return fail("conflict", staleCommentMessage);

    await tx.delete(comments).where(and(eq(comments.id, commentId), eq(comments.organizationId, user.organizationId)));
    await removeCommentedEvent(tx, user.organizationId, id, commentId);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "comment.deleted",
      targetType: "comment",
      targetId: commentId,
      before: { objectId: id, authorId: comment.authorId, body: comment.body, createdAt: comment.createdAt.toISOString(), version: comment.version },
      after: { moderation: comment.authorId !== user.id },
      clientAddress: context.clientAddress ?? null,
    });
    return ok({ id: commentId });
  });
}
