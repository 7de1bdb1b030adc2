import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { savedViews, type ObjectType } from "@/db/schema";

/**
 * The message (a catalogue key) when the name is already used among the views it would be listed with — the shared views of the type,
 * or the owner's personal views of the type — or null.
 */
export async function viewNameTaken(
  db: Executor,
  input: { organizationId: string; objectType: ObjectType; shared: boolean; ownerId: string; name: string; exceptId?: string },
): Promise<string | null> {
  const [row] = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.organizationId, input.organizationId),
        eq(savedViews.objectType, input.objectType),
        input.shared ? eq(savedViews.shared, true) : and(eq(savedViews.shared, false), eq(savedViews.ownerId, input.ownerId)),
        eq(sql`lower(${savedViews.name})`, input.name.toLowerCase()),
        input.exceptId ? ne(savedViews.id, input.exceptId) : undefined,
      ),
    )
    .limit(1);
  if (!row) return null;
  return input.shared ? "adminViews.errors.sharedNameTaken" : "adminViews.errors.personalNameTaken";
}
