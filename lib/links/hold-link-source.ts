import "server-only";
import type { SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects } from "@/db/schema";

/**
 * The first statement of a link write, in guardedObjectWrite's transaction: a link changes no column of its source,
 * so instead of an UPDATE the guard's WHERE locks the source row (share mode: other links may be made beside it). It
 * answers false when the source is no longer reachable at link level — a scope, rule or trash change committed since
 * the decision — and a scope change waits for this transaction, so it cannot slip in before the link is written.
 */
export async function holdLinkSource(tx: Executor, guard: SQL): Promise<boolean> {
  const [row] = await tx.select({ id: objects.id }).from(objects).where(guard).for("share");
  return row !== undefined;
}
