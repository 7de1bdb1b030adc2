import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objects, objectScopeSites, type ScopeKind } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { decideAccess } from "@/lib/authz/decide";
import { planFor } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { guardedObjectWrite } from "./guarded-object-write";
import { objectIdSchema, objectVersionSchema } from "./object-schemas";
import { computeObjectAccessImpact } from "./object-access-impact";
import { loadObjectView, type ObjectView } from "./object-view";
import { recordAccessChange } from "./record-access-change";
import { recordObjectActivity } from "./record-object-activity";
import { checkScopeChoiceSites, scopeChoiceFields, scopeChoiceSiteIds } from "./scope-choice";
import { scopeSiteProblem } from "./scope-site-problem";

/**
 * The refusal of a scope that would take the acting user's own access away (SPEC §3), its field message on the
 * input that caused it: the sites, or the kind (`fieldPrefix` when the scope is nested in a larger input).
 */
export function ownAccessLostRefusal(kind: ScopeKind, fieldPrefix = "") {
  return fail("invalid", "objects.errors.ownAccessLost", {
    [`${fieldPrefix}${kind === "sites" ? "siteIds" : "kind"}`]: kind === "owner" ? "objects.scope.ownerOnlyLocksYouOut" : "objects.scope.sitesLockYouOut",
  });
}

export const changeObjectScopeSchema = z
  .strictObject({
    id: objectIdSchema,
    ...scopeChoiceFields,
    /** The version the user saw, when they want a change on a stale view refused. */
    version: objectVersionSchema.optional(),
  })
  .superRefine(checkScopeChoiceSites);
export type ChangeObjectScopeInput = z.input<typeof changeObjectScopeSchema>;

/**
 * Changes an object's sharing scope (Share menu: Modify level, Manager+). Refuses a change that would take the
 * acting user's own access away, and archived sites that were not already in the scope. Every change goes to the
 * audit log with the scope before and after, and to the object's activity feed; one that changes who can access the
 * object also writes an `object.access_changed` security event with the users gaining and losing each level.
 */
export async function changeObjectScope(
  db: Executor,
  user: ActingUser,
  input: ChangeObjectScopeInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<ObjectView>> {
  const parsed = parseInput(changeObjectScopeSchema, input);
  if (!parsed.ok) return parsed;
  const { id, kind, version } = parsed.data;
  const siteIds = scopeChoiceSiteIds(parsed.data);

  return guardedObjectWrite(
    db,
    user,
    { objectId: id, action: "change_scope", expectedVersion: version, clientAddress: context.clientAddress },
    async ({ tx, subject, authorized, where }) => {
      const { facts } = authorized;
      const before = { kind: facts.scopeKind, siteIds: facts.scopeKind === "sites" ? [...facts.scopeSiteIds].sort() : [] };

      const siteProblem = await scopeSiteProblem(tx, user.organizationId, siteIds, before.siteIds);
      if (siteProblem) return fail("invalid", siteProblem.message, { siteIds: siteProblem.field }, siteProblem.params);

      const afterFacts = { ...facts, scopeKind: kind, scopeSiteIds: siteIds };
      if (!decideAccess(await planFor(tx, subject), subject, afterFacts).actions.view.allowed) return ownAccessLostRefusal(kind);

      const [row] = await tx
        .update(objects)
        .set({ scopeKind: kind, version: sql`${objects.version} + 1`, updatedAt: new Date() })
        // The owner is always in scope: the lock-out check above holds only for the owner it saw.
        .where(and(where, eq(objects.ownerId, facts.ownerId)))
        .returning({ id: objects.id });
      if (!row) return null;
      await tx.delete(objectScopeSites).where(and(eq(objectScopeSites.objectId, id), eq(objectScopeSites.organizationId, user.organizationId)));
      if (siteIds.length > 0) {
        await tx.insert(objectScopeSites).values(siteIds.map((siteId) => ({ organizationId: user.organizationId, objectId: id, siteId })));
      }
      const scopeAfter = { kind, siteIds };
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: "object.scope_changed",
        targetType: "object",
        targetId: id,
        before,
        after: scopeAfter,
        clientAddress: context.clientAddress ?? null,
      });
      await recordAccessChange(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        objectId: id,
        impact: await computeObjectAccessImpact(tx, subject, facts, afterFacts, authorized.decision.level),
        cause: { kind: "scope", scope: scopeAfter },
        clientAddress: context.clientAddress,
      });
      await recordObjectActivity(tx, {
        organizationId: user.organizationId,
        objectId: id,
        objectType: facts.type,
        actorId: user.id,
        kind: "scope_changed",
        data: { before, after: scopeAfter },
      });
      const object = await loadObjectView(tx, user.organizationId, id);
      if (!object) throw new Error("an object vanished while its scope changed");
      return ok(object);
    },
  );
}
