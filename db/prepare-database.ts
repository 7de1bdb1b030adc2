import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "./client";
import { migrateDatabase } from "./migrate";
import { appMeta } from "./schema";
import { demoPassword } from "./seed/demo-accounts";
import { seedDemo } from "./seed/demo";
import { env } from "@/lib/env";

export interface PreparedDatabase {
  /** True when this start seeded the demo organisation. */
  demoSeededNow: boolean;
  /** True when the deployment holds the demo organisation (seeded now or earlier). */
  demoPresent: boolean;
}

/**
 * Brings the database to the current schema and, on the very first start of a deployment, seeds the demo
 * organisation (never twice: the seed records itself in app_meta). SEED_DEMO=false skips the demo.
 */
export async function prepareDatabase(): Promise<PreparedDatabase> {
  const db = await getDb();
  await migrateDatabase(db);
  if (!env().SEED_DEMO) {
    const marker = await db.select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, "demo_seeded"));
    return { demoSeededNow: false, demoPresent: marker.length > 0 };
  }
  const { seeded } = await seedDemo(db, { password: demoPassword() });
  return { demoSeededNow: seeded, demoPresent: true };
}
