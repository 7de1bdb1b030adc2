import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { bumpAuthzVersion } from "@/lib/authz/bump-authz-version";
import { fail, ok, type Result } from "@/lib/result";

/**
 * Reactivates a deactivated account. Operator-only (the support path of SPEC §1): the admin panel and the API
 * have no way to call it.
 */
export async function reactivateUser(db: Database, email: string): Promise<Result<{ id: string; email: string }>> {
  const normalized = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, active: users.active, organizationId: users.organizationId })
      .from(users)
      .where(eq(sql`lower(${users.email})`, normalized))
      .for("update");
    if (!user) return fail("not_found", `No account has the e-mail ${normalized}.`);
    if (user.active) return fail("conflict", `${user.email} is already active.`);
    await tx
      .update(users)
      .set({ active: true, deactivatedAt: null, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, user.id), eq(users.organizationId, user.organizationId)));
    await bumpAuthzVersion(tx, user.organizationId);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: null,
      action: "user.reactivated",
      targetType: "user",
      targetId: user.id,
      before: { active: false },
      after: { active: true },
    });
    return ok({ id: user.id, email: user.email });
  });
}
