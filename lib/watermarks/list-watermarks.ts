import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { watermarks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import { isAdmin, notAdminError, toWatermarkView, type WatermarkView } from "./watermark-records";

/** The organisation's watermarks by name (Admin): a short list, never paged beyond its cap. */
export async function listWatermarks(db: Executor, actor: ActingUser): Promise<Result<{ items: WatermarkView[]; nextCursor: null }>> {
  if (!isAdmin(actor)) return notAdminError();
  const rows = await db
    .select()
    .from(watermarks)
    .where(eq(watermarks.organizationId, actor.organizationId))
    .orderBy(asc(sql`lower(${watermarks.name})`), asc(watermarks.id))
    .limit(maxWatermarks);
  return ok({ items: rows.map(toWatermarkView), nextCursor: null });
}

/** Every preview draws each matching watermark: an organisation keeps a handful, and creation stops at this many. */
export const maxWatermarks = 100;
