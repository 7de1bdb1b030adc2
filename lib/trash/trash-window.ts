import { sql, type SQL } from "drizzle-orm";
import { objects } from "@/db/schema";

/** How long a deleted object stays restorable (SPEC §9); after that it is neither listed nor restorable. */
export const trashRetentionDays = 30;

const dayMs = 24 * 60 * 60 * 1000;

/** The last instant an object trashed at `trashedAt` can be restored. */
export function restorableUntil(trashedAt: Date): Date {
  return new Date(trashedAt.getTime() + trashRetentionDays * dayMs);
}

/** Objects trashed less than 30 days ago, by the database's clock (the same for every app instance). */
export const withinTrashWindowSql: SQL = sql`${objects.trashedAt} > now() - make_interval(days => ${trashRetentionDays})`;
