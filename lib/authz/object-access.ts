import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accessLog, objects } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type Result } from "@/lib/result";
import { decideAccess, type AccessDecision, type ObjectAccessFacts } from "./decide";
import type { ObjectAction } from "./object-actions";
import { planFor, type AccessSubject } from "./subject";
import { isUuid } from "@/lib/validation/uuid";

/** Loads what access to one object depends on, in one query (null for another organisation's or unknown ids). */
export async function loadObjectAccessFacts(db: Executor, organizationId: string, objectId: string): Promise<ObjectAccessFacts | null> {
  // Ids are opaque to callers: anything that is not a UUID is simply not an object.
  if (!isUuid(objectId)) return null;
  const [row] = await db
    .select({
      id: objects.id,
      type: objects.type,
      ownerId: objects.ownerId,
      scopeKind: objects.scopeKind,
      properties: objects.properties,
      trashedAt: objects.trashedAt,
      scopeSiteIds: objects.scopeSiteIds,
    })
    .from(objects)
    .where(and(eq(objects.id, objectId), eq(objects.organizationId, organizationId)));
  if (!row) return null;
  const { trashedAt, ...facts } = row;
  return { ...facts, trashed: trashedAt !== null };
}

export const objectNotFoundMessage = "objects.errors.notFound";

export interface AuthorizedObject {
  facts: ObjectAccessFacts;
  decision: AccessDecision;
}

/**
 * The gate's object check: `not_found` whenever the subject cannot view the object (unknown, another
 * organisation's, trashed, out of scope, or no rule) — so nothing tells it exists — and `forbidden` only for a
 * visible object and a disallowed action. Denials are written to the access log; denied writes to the audit log too.
 */
export async function authorizeObject(
  db: Executor,
  subject: AccessSubject,
  objectId: string,
  action: ObjectAction,
  context: { clientAddress?: string | null } = {},
): Promise<Result<AuthorizedObject>> {
  const facts = await loadObjectAccessFacts(db, subject.organizationId, objectId);
  const decision = facts ? decideAccess(await planFor(db, subject), subject, facts) : null;
  if (facts && decision?.actions[action].allowed) return ok({ facts, decision });

  const visible = decision?.actions.view.allowed ?? false;
  const verdict = decision?.actions[action];
  const reason = !facts ? "unknown object" : !visible ? "cannot view" : !verdict?.role.ok ? "role" : "level";
  if (facts) {
    await db.insert(accessLog).values({
      organizationId: subject.organizationId,
      userId: subject.id,
      kind: "denied",
      action,
      objectId: facts.id,
      reason,
      clientAddress: context.clientAddress ?? null,
    });
    if (action !== "view" && action !== "download") {
      await recordAudit(db, {
        organizationId: subject.organizationId,
        actorId: subject.id,
        action: "access.denied",
        targetType: "object",
        targetId: facts.id,
        after: { action, reason },
        clientAddress: context.clientAddress ?? null,
      });
    }
  }
  if (!visible) return fail("not_found", objectNotFoundMessage);
  return fail("forbidden", verdict?.role.ok ? "objects.errors.levelForbidden" : "errors.roleForbidden");
}

/** What a read service is handed by the gate that already authorized its object, for the same request. */
export interface ObjectReadContext {
  clientAddress?: string | null;
  /** The gate's decision for this request: reused instead of deciding a second time. */
  authorized?: AuthorizedObject;
}

/**
 * The object's access for a read: the gate's decision when the route or action already made it for this object
 * (one decision per request), else decided now — for callers that do not go through a gated route (pages, jobs).
 */
export async function authorizeObjectRead(
  db: Executor,
  subject: AccessSubject,
  objectId: string,
  action: ObjectAction,
  context: ObjectReadContext = {},
): Promise<Result<AuthorizedObject>> {
  const given = context.authorized;
  if (given && given.facts.id === objectId && given.decision.actions[action].allowed) return ok(given);
  return authorizeObject(db, subject, objectId, action, context);
}
