import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { ObjectType } from "@/db/schema";

/**
 * Reserves `count` consecutive reference numbers for a type and returns the first. Call it inside the create
 * transaction: the counter row stays locked until commit, so numbers are never handed out twice, and a rolled-back
 * create gives its numbers back while committed ones are never reused.
 */
export async function allocateReferenceNumbers(
  db: Executor,
  organizationId: string,
  objectType: ObjectType,
  count = 1,
): Promise<number> {
  const result = await db.execute(sql`
    insert into reference_counters (organization_id, object_type, last_number)
    values (${organizationId}, ${objectType}, ${count})
    on conflict (organization_id, object_type)
    do update set last_number = reference_counters.last_number + ${count}
    returning last_number`);
  const [row] = rowsOf<{ last_number: number }>(result);
  if (!row) throw new Error("reference counter returned no row");
  return Number(row.last_number) - count + 1;
}
