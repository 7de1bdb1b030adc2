import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appMeta } from "@/db/schema";
import { seedDemoOrganization } from "./demo-organization";
import { seedWatermarks } from "./demo-watermarks";

const markerKey = "demo_seeded";

export interface SeedDemoOptions {
  /** The password of every demo account (stored hashed). */
  password: string;
  /** The end of the six months of history; now by default. */
  now?: Date;
}

export interface SeedDemoResult {
  /** False when the deployment already had the demo: nothing was written. */
  seeded: boolean;
  organizationId: string | null;
}

function organizationIdOf(marker: unknown): string | null {
  if (typeof marker !== "object" || marker === null || !("organizationId" in marker)) return null;
  return typeof marker.organizationId === "string" ? marker.organizationId : null;
}

/**
 * Seeds the demo organisation once per deployment. Everything, including the `demo_seeded` marker, is written in
 * one transaction, so a failed seed leaves nothing behind and a later start tries again.
 */
export async function seedDemo(db: Database, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    // Two instances starting at once: the second waits here, then finds the marker.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('atelier.demo_seed'))`);
    const [marker] = await tx.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, markerKey));
    if (marker) return { seeded: false, organizationId: organizationIdOf(marker.value) };

    const organizationId = await seedDemoOrganization(tx, options.password, now);
    await seedWatermarks(tx, organizationId, now);
    const value = { organizationId, seededAt: now.toISOString() };
    await tx.insert(appMeta).values({ key: markerKey, value, updatedAt: now });
    return { seeded: true, organizationId };
  });
}
