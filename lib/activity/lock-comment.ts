import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { comments } from "@/db/schema";
import { commentItemColumns, type CommentItemRow } from "./comment-items";

/** A comment of the object, locked for an edit or a deletion; null when the object has no such comment. */
export async function lockComment(tx: Executor, organizationId: string, objectId: string, commentId: string): Promise<CommentItemRow | null> {
  const [row] = await tx
    .select(commentItemColumns)
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.objectId, objectId), eq(comments.organizationId, organizationId)))
    .for("update");
  return row ?? null;
}
