import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";

export interface FeedPerson {
  id: string;
  name: string;
  email: string;
}

/**
 * The authors and mentioned people of a feed page, by id, in one query. Deactivated users keep their name here: the
 * account and all it authored stay (SPEC §1).
 */
export async function feedPeople(db: Executor, organizationId: string, ids: Iterable<string>): Promise<Map<string, FeedPerson>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, wanted)));
  return new Map(rows.map((row) => [row.id, row]));
}
