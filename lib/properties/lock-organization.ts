import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";

/**
 * Serialises this transaction with every other admin change of the organisation: each of them bumps the
 * organisation's authorization version (an UPDATE of its row), so holding the row lock from the start means a rule
 * saved meanwhile is either seen by this transaction's checks or waits for it. NO KEY UPDATE, so inserts that
 * merely reference the organisation are not blocked.
 */
export async function lockOrganizationForAdminChange(tx: Executor, organizationId: string): Promise<void> {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for("no key update");
}
