import "server-only";
import type { Executor } from "@/db/client";
import { comments } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { CommentItem } from "./activity-item";
import { commentEditableUntil } from "./comment-edit-window";
import { commentPermissions } from "./comment-permissions";
import { feedPeople, type FeedPerson } from "./feed-people";

/** The columns a comment answer reads. */
export const commentItemColumns = {
  id: comments.id,
  authorId: comments.authorId,
  body: comments.body,
  mentionedUserIds: comments.mentionedUserIds,
  version: comments.version,
  editedAt: comments.editedAt,
  createdAt: comments.createdAt,
};

export interface CommentItemRow {
  id: string;
  authorId: string;
  body: string;
  mentionedUserIds: string[];
  version: number;
  editedAt: Date | null;
  createdAt: Date;
}

/** The people a page of comments needs: their authors and whom they mention. */
export function commentPeopleIds(rows: readonly CommentItemRow[]): string[] {
  return rows.flatMap((row) => [row.authorId, ...row.mentionedUserIds]);
}

/** A comment as the caller reads it, given its author and mentioned people (feedPeople). */
export function toCommentItem(row: CommentItemRow, people: Map<string, FeedPerson>, viewer: ActingUser, now: Date): CommentItem {
  const author = people.get(row.authorId);
  if (!author) throw new Error(`comment ${row.id} has no author in its organisation`);
  return {
    type: "comment",
    id: row.id,
    at: row.createdAt.toISOString(),
    author: { id: author.id, name: author.name },
    body: row.body,
    mentions: row.mentionedUserIds.flatMap((id) => {
      const person = people.get(id);
      return person ? [{ userId: person.id, name: person.name, email: person.email }] : [];
    }),
    editedAt: row.editedAt?.toISOString() ?? null,
    version: row.version,
    editableUntil: commentEditableUntil(row.createdAt).toISOString(),
    permissions: commentPermissions(viewer, row, now),
  };
}

/** One comment as the caller reads it (after a post or an edit). */
export async function commentItemOf(db: Executor, viewer: ActingUser, row: CommentItemRow, now: Date): Promise<CommentItem> {
  return toCommentItem(row, await feedPeople(db, viewer.organizationId, commentPeopleIds([row])), viewer, now);
}
