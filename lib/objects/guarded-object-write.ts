import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObject, type AuthorizedObject } from "@/lib/authz/object-access";
import { objectActionRequirements, type ObjectAction } from "@/lib/authz/object-actions";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, type AccessSubject } from "@/lib/authz/subject";
import { fail, type Result } from "@/lib/result";
import { currentSubject } from "./current-subject";
import { concurrentChangeMessage, staleObjectMessage } from "./object-messages";

export interface GuardedWriteContext {
  tx: Executor;
  /** The acting user as of this transaction (re-read if the authorization version moved). */
  subject: AccessSubject;
  /** The decision that allowed the action, on the object's facts as read in this transaction. */
  authorized: AuthorizedObject;
  /**
   * The guard, for the WHERE of the write's first statement on `objects`: this object, at the expected version if
   * one was given, still live and still reachable at the action's level (the visibility predicate, repeated).
   */
  where: SQL;
}

export interface GuardedWriteOptions {
  objectId: string;
  action: ObjectAction;
  /** The version the user read; a write on a newer one is refused as stale. */
  expectedVersion?: number;
  clientAddress?: string | null;
}

/**
 * Runs one write on one object under the three checks (role, scope, rule), in a transaction:
 * 1. decides the action for the user as of now (`not_found` if they cannot view it, `forbidden` if they may not do
 *    this — denials go to the access and audit logs, by `authorizeObject`);
 * 2. hands the write a guard to put in its UPDATE's WHERE, so a scope, rule or version change committed between
 *    the decision and the write makes the write match no row instead of going through;
 * 3. when the guarded write matched nothing (`write` answers null), decides again to say why: no longer visible
 *    (`not_found`), no longer allowed (`forbidden`, logged), or changed by someone else (`conflict`).
 * `write` answers a Result (its own refusals, e.g. invalid input, are made before it writes anything) or null.
 */
export async function guardedObjectWrite<T>(
  db: Executor,
  user: ActingUser,
  options: GuardedWriteOptions,
  write: (context: GuardedWriteContext) => Promise<Result<T> | null>,
): Promise<Result<T>> {
  const logContext = { clientAddress: options.clientAddress ?? null };
  return db.transaction(async (tx) => {
    const subject = await currentSubject(tx, user);
    const authorized = await authorizeObject(tx, subject, options.objectId, options.action, logContext);
    if (!authorized.ok) return authorized;
    const { facts } = authorized.data;
    const filter = visibleObjectsFilter(await planFor(tx, subject), subject, {
      organizationId: subject.organizationId,
      minLevel: objectActionRequirements[options.action].level,
      type: facts.type,
    });
    const outcome = filter.never
      ? null
      : await write({
          tx,
          subject,
          authorized: authorized.data,
          where: and(
            eq(objects.id, facts.id),
            options.expectedVersion === undefined ? undefined : eq(objects.version, options.expectedVersion),
            filter.where,
          )!,
        });
    if (outcome) return outcome;
    const again = await authorizeObject(tx, subject, options.objectId, options.action, logContext);
    if (!again.ok) return again;
    return fail("conflict", options.expectedVersion === undefined ? concurrentChangeMessage : staleObjectMessage);
  });
}
