import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";

/** The channel every app instance listens on to drop its cached authorization plans (SPEC §9). */
export const authzVersionChannel = "atelier_authz";

/**
 * Marks every cached access decision of the organisation stale: bumps its authorization version and announces
 * it with NOTIFY (delivered at commit, so listeners never see a change that was rolled back).
 */
export async function bumpAuthzVersion(db: Executor, organizationId: string): Promise<number> {
  const [row] = await db
    .update(organizations)
    .set({ authzVersion: sql`${organizations.authzVersion} + 1`, updatedAt: new Date() })
    .where(eq(organizations.id, organizationId))
    .returning({ authzVersion: organizations.authzVersion });
  if (!row) throw new Error(`organisation ${organizationId} not found`);
  await db.execute(sql`select pg_notify(${authzVersionChannel}, ${`${organizationId}:${row.authzVersion}`})`);
  return row.authzVersion;
}
