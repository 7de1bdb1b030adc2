import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { isWithinEditWindow } from "./comment-edit-window";
import { editWindowClosedMessage, notYourCommentMessage } from "./comment-messages";

export type CommentWrite = "edit" | "delete";

/**
 * Why the user may not edit or delete a comment (a message key), or null when they may. Its author may, within
 * the window after posting. An Admin may also delete anyone's comment at any time (moderation: a pasted password,
 * an insult), never edit it — that would put words in someone else's name. Both need the object's `comment` action
 * too, which the gate and the write decide.
 */
export function commentWriteRefusal(
  user: Pick<ActingUser, "id" | "role">,
  comment: { authorId: string; createdAt: Date },
  write: CommentWrite,
  now: Date,
): string | null {
  if (write === "delete" && roleAllows(user.role, "administer")) return null;
  if (comment.authorId !== user.id) return notYourCommentMessage;
  if (!isWithinEditWindow(comment.createdAt, now)) return editWindowClosedMessage;
  return null;
}

export function commentPermissions(user: Pick<ActingUser, "id" | "role">, comment: { authorId: string; createdAt: Date }, now: Date): { edit: boolean; delete: boolean } {
  return {
    edit: commentWriteRefusal(user, comment, "edit", now) === null,
    delete: commentWriteRefusal(user, comment, "delete", now) === null,
  };
}
