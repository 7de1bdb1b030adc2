import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { comments } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyMentionedUsers } from "@/lib/notifications/notify-mentioned-users";
import { guardedObjectWrite } from "@/lib/objects/guarded-object-write";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import type { CommentItem } from "./activity-item";
import { commentItemColumns, commentItemOf } from "./comment-items";
import { commentNotFoundMessage, staleCommentMessage } from "./comment-messages";
import { commentWriteRefusal } from "./comment-permissions";
import { commentBodySchema, commentIdSchema, commentVersionSchema } from "./comment-schemas";
import { lockComment } from "./lock-comment";
import { lockCommentedObject } from "./lock-commented-object";
import { resolveMentions } from "./resolve-mentions";

export const updateCommentSchema = z.strictObject({
  /** The object the comment is on. */
  id: objectIdSchema,
  commentId: commentIdSchema,
  body: commentBodySchema,
  version: commentVersionSchema,
});
export type UpdateCommentInput = z.input<typeof updateCommentSchema>;

/**
 * Edits one's own comment within the window after posting it (issue 15: 15 minutes); an edit made on an older
 * version is refused as stale. The text it replaces is kept in the audit log, so an edit cannot quietly rewrite
 * what was said; the feed marks the comment as edited.
 */
export async function updateComment(
  db: Executor,
  user: ActingUser,
  input: UpdateCommentInput,
  context: { clientAddress?: string | null; now?: Date } = {},
): Promise<Result<CommentItem>> {
  const parsed = parseInput(updateCommentSchema, input);
  if (!parsed.ok) return parsed;
  const { id, commentId, body, version } = parsed.data;
  const now = context.now ?? new Date();

  return guardedObjectWrite(db, user, { objectId: id, action: "comment", clientAddress: context.clientAddress }, async ({ tx, where }) => {
    if (!(await lockCommentedObject(tx, where))) return null;
    const comment = await lockComment(tx, user.organizationId, id, commentId);
    if (!comment) return fail("not_found", commentNotFoundMessage);
    const refusal = commentWriteRefusal(user, comment, "edit", now);
    if (refusal) return fail("forbidden", refusal);
    if (comment.version !== version) return fail("conflict", staleCommentMessage);
    if (comment.body === body) return ok(await commentItemOf(tx, user, comment, now));

    const mentionedUserIds = await resolveMentions(tx, user.organizationId, body);
    const [row] = await tx
      .update(comments)
      .set({ body, mentionedUserIds, version: sql`${comments.version} + 1`, editedAt: now })
      .where(and(eq(comments.id, commentId), eq(comments.organizationId, user.organizationId)))
      .returning(commentItemColumns);
    if (!row) throw new Error("a locked comment vanished");
    await notifyMentionedUsers(
      tx,
      { organizationId: user.organizationId, objectId: id, commentId, authorId: user.id, body, mentionedUserIds },
      comment.mentionedUserIds,
    );
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "comment.updated",
      targetType: "comment",
      targetId: commentId,
      before: { objectId: id, body: comment.body, version: comment.version },
      after: { body: row.body, version: row.version },
      clientAddress: context.clientAddress ?? null,
    });
    return ok(await commentItemOf(tx, user, row, now));
  });
}
