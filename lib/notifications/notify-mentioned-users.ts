import "server-only";
import type { Executor } from "@/db/client";
import { notifyUsers } from "./notify-users";

/** How much of the comment a mention notification (and its e-mail) quotes. */
const excerptLength = 140;

/**
 * Notifies the users a comment @mentions (`comments.mentioned_user_ids`), in the comment's transaction. notifyUsers
 * keeps only those who may receive notifications and can view the commented object, so a mention never tells someone
 * about an object out of their sight. On an edit, pass the ids the comment already mentioned: they were told.
 */
export async function notifyMentionedUsers(
  db: Executor,
  comment: { organizationId: string; objectId: string; commentId: string; authorId: string; body: string; mentionedUserIds: string[] },
  alreadyMentioned: readonly string[] = [],
): Promise<void> {
  const recipientIds = comment.mentionedUserIds.filter((id) => !alreadyMentioned.includes(id));
  if (recipientIds.length === 0) return;
  const excerpt = comment.body.length > excerptLength ? `${comment.body.slice(0, excerptLength)}…` : comment.body;
  await notifyUsers(db, {
    organizationId: comment.organizationId,
    recipientIds,
    kind: "mention",
    objectId: comment.objectId,
    data: { commentId: comment.commentId, excerpt },
    actorId: comment.authorId,
  });
}
