import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { comments } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { notifyMentionedUsers } from "@/lib/notifications/notify-mentioned-users";
import { guardedObjectWrite } from "@/lib/objects/guarded-object-write";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import type { CommentItem } from "./activity-item";
import { recordCommentedEvent } from "./comment-events";
import { commentItemColumns, commentItemOf } from "./comment-items";
import { commentBodySchema } from "./comment-schemas";
import { lockCommentedObject } from "./lock-commented-object";
import { resolveMentions } from "./resolve-mentions";

export const postCommentSchema = z.strictObject({
  /** The object commented on. */
  id: objectIdSchema,
  body: commentBodySchema,
});
export type PostCommentInput = z.input<typeof postCommentSchema>;

/**
 * Posts a comment on an object (SPEC §2 and §4: every role, on any object it can view — shared-computer accounts
 * too). The text is stored as typed; its `@<e-mail>` mentions are resolved to users of the organisation. The
 * `commented` event goes beside it in the same transaction.
 */
export async function postComment(
  db: Executor,
  user: ActingUser,
  input: PostCommentInput,
  context: { clientAddress?: string | null; now?: Date } = {},
): Promise<Result<CommentItem>> {
  const parsed = parseInput(postCommentSchema, input);
  if (!parsed.ok) return parsed;
  const { id, body } = parsed.data;

  return guardedObjectWrite(db, user, { objectId: id, action: "comment", clientAddress: context.clientAddress }, async ({ tx, authorized, where }) => {
    if (!(await lockCommentedObject(tx, where))) return null;
    const mentionedUserIds = await resolveMentions(tx, user.organizationId, body);
    const [row] = await tx
      .insert(comments)
      .values({ organizationId: user.organizationId, objectId: id, authorId: user.id, body, mentionedUserIds })
      .returning(commentItemColumns);
    if (!row) throw new Error("a comment insert returned no row");
    await recordCommentedEvent(tx, {
      organizationId: user.organizationId,
      objectId: id,
      objectType: authorized.facts.type,
      actorId: user.id,
      commentId: row.id,
    });
    await notifyMentionedUsers(tx, { organizationId: user.organizationId, objectId: id, commentId: row.id, authorId: user.id, body, mentionedUserIds });
    return ok(await commentItemOf(tx, user, row, context.now ?? new Date()));
  });
}
