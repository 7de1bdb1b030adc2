import "server-only";
import type { Executor } from "@/db/client";
import { objects } from "@/db/schema";
import type { GuardedWriteContext } from "@/lib/objects/guarded-object-write";

/**
 * The guarded write's first statement for a comment, which changes no object row: it reads the object through the
 * guard (still live, still reachable at the `comment` level) and holds it in share mode until the comment commits,
 * so a scope change or a move to the trash made meanwhile waits instead of being overtaken. False when the guard matched
 * nothing (guardedObjectWrite then says why).
 */
export async function lockCommentedObject(tx: Executor, where: GuardedWriteContext["where"]): Promise<boolean> {
  const [row] = await tx.select({ id: objects.id }).from(objects).where(where).for("share");
  return row !== undefined;
}
