import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objectLinks, objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import { guardedObjectWrite } from "@/lib/objects/guarded-object-write";
import { fail, type Result } from "@/lib/result";
import { holdLinkSource } from "./hold-link-source";
import { isManagedLinkKind } from "./link-kinds";
import { toLinkView, type LinkView } from "./link-view";
import { viewableLinkEnd } from "./viewable-link-end";

export const linkNotFoundMessage = "links.errors.notFound";

/**
 * The source of a link of this object (either end), in the caller's organisation, or null: what the gate authorizes
 * for a change to one link, since link access is decided on the source whichever page the change comes from.
 */
export async function linkSourceId(db: Executor, scope: { organizationId: string; objectId: string; linkId: string }): Promise<string | null> {
  const [row] = await db
    .select({ sourceId: objectLinks.fromObjectId })
    .from(objectLinks)
    .where(
      and(
        eq(objectLinks.id, scope.linkId),
        eq(objectLinks.organizationId, scope.organizationId),
        or(eq(objectLinks.fromObjectId, scope.objectId), eq(objectLinks.toObjectId, scope.objectId)),
      ),
    );
  return row?.sourceId ?? null;
}

export type LinkRecord = typeof objectLinks.$inferSelect;

export interface GuardedLinkContext {
  tx: Executor;
  link: LinkRecord;
  source: ObjectAccessFacts;
}

/**
 * Runs one change to one link of an object (`objectId`: the page or path it comes from, either end): link access on
 * the source (guardedObjectWrite, its row held), view on the target, the link locked, the version the user read, and
 * never a link another record keeps. A link whose other end the caller cannot view is not found: it was never listed.
 */
export async function guardedLinkWrite<T>(
  db: Executor,
  user: ActingUser,
  options: { objectId: string; linkId: string; expectedVersion?: number; clientAddress?: string | null },
  write: (context: GuardedLinkContext) => Promise<Result<T>>,
): Promise<Result<T>> {
  const sourceId = await linkSourceId(db, { organizationId: user.organizationId, objectId: options.objectId, linkId: options.linkId });
  if (!sourceId) return fail("not_found", linkNotFoundMessage);
  const logContext = { clientAddress: options.clientAddress ?? null };

  return guardedObjectWrite(db, user, { objectId: sourceId, action: "link", clientAddress: options.clientAddress }, async ({ tx, subject, authorized, where }) => {
    if (!(await holdLinkSource(tx, where))) return null;
    const [link] = await tx
      .select()
      .from(objectLinks)
      .where(and(eq(objectLinks.id, options.linkId), eq(objectLinks.fromObjectId, sourceId), eq(objectLinks.organizationId, user.organizationId)))
      .for("update");
    if (!link || !(await viewableLinkEnd(tx, subject, link.toObjectId, logContext))) return fail("not_found", linkNotFoundMessage);
    if (isManagedLinkKind(link.kind)) return fail("forbidden", "links.errors.managedByOrder");
    if (options.expectedVersion !== undefined && link.version !== options.expectedVersion) return fail("conflict", "links.errors.stale");
    return write({ tx, link, source: authorized.facts });
  });
}

/** A link as seen from one of its ends, after a change the caller was allowed to make. */
export async function linkSeenFrom(tx: Executor, objectId: string, link: LinkRecord): Promise<LinkView> {
  const outgoing = link.fromObjectId === objectId;
  const otherId = outgoing ? link.toObjectId : link.fromObjectId;
  const [other] = await tx
    .select({ type: objects.type, reference: objects.reference, title: objects.title })
    .from(objects)
    .where(eq(objects.id, otherId));
  return toLinkView({ ...link, ...other!, direction: outgoing ? "outgoing" : "incoming", objectId: otherId, objectType: other!.type }, true);
}
