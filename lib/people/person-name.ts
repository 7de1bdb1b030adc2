import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isUuid } from "@/lib/validation/uuid";

/** A colleague's name for the browser tab's title; null for anyone outside the reader's organisation. */
export async function personName(db: Executor, reader: ActingUser, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.id, id), eq(users.organizationId, reader.organizationId)));
  return row?.name ?? null;
}
