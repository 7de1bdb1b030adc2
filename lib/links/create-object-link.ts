import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objectLinks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { guardedObjectWrite } from "@/lib/objects/guarded-object-write";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { recordObjectActivity } from "@/lib/objects/record-object-activity";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { holdLinkSource } from "./hold-link-source";
import { linkKindAllows, linkKindHasQuantity } from "./link-kinds";
import { linkKindSchema, linkQuantitySchema } from "./link-schemas";
import { linkSeenFrom } from "./guarded-link-write";
import type { LinkView } from "./link-view";
import { viewableLinkEnd } from "./viewable-link-end";

export const createObjectLinkSchema = z.strictObject({
  /** The source: the object that has the other (a product its parts). */
  id: objectIdSchema,
  targetId: z.uuid("links.fields.targetIdInvalid"),
  kind: linkKindSchema,
  /** Product parts and BOM lines only; 1 when not given. */
  quantity: linkQuantitySchema.optional(),
});
export type CreateObjectLinkInput = z.input<typeof createObjectLinkSchema>;

/** Said alike for an unknown target and one the caller cannot view, so a refusal tells nothing of its existence. */
export const linkTargetNotFoundMessage = "links.errors.targetNotFound";

/**
 * Links two objects: link access on the source (Modify, Manager+) and view on the target. The kind must suit both
 * types (link-kinds.ts); a `related` link is one link whichever way it was made, so its mirror is a duplicate too.
 * Written to the source's activity feed, naming the target by id only: the feed's readers may not see the target.
 */
export async function createObjectLink(
  db: Executor,
  user: ActingUser,
  input: CreateObjectLinkInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<LinkView>> {
  const parsed = parseInput(createObjectLinkSchema, input);
  if (!parsed.ok) return parsed;
  const { id, targetId, kind, quantity } = parsed.data;
  if (targetId === id) return fail("invalid", "errors.fieldsNeedAttention", { targetId: "links.fields.selfLink" });
  if (quantity !== undefined && !linkKindHasQuantity(kind)) {
    return fail("invalid", "errors.fieldsNeedAttention", { quantity: "links.fields.quantityNotForKind" });
  }
  const logContext = { clientAddress: context.clientAddress ?? null };

  return guardedObjectWrite(db, user, { objectId: id, action: "link", clientAddress: context.clientAddress }, async ({ tx, subject, authorized, where }) => {
    if (!(await holdLinkSource(tx, where))) return null;
    const target = await viewableLinkEnd(tx, subject, targetId, logContext);
    if (!target) return fail("not_found", linkTargetNotFoundMessage);
    if (!linkKindAllows(kind, authorized.facts.type, target.type)) {
      return fail("invalid", "errors.fieldsNeedAttention", { kind: `links.kindNotAllowed.${kind}` });
    }

    // The unique index cannot see a related link's mirror: two users linking the same pair both ways at once wait
    // for each other here, so the second finds the first.
    if (kind === "related") {
      const pair = [id, targetId].sort().join(":");
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`atelier.related_link:${pair}`}))`);
    }
    const sameLink = and(eq(objectLinks.fromObjectId, id), eq(objectLinks.toObjectId, targetId));
    const mirror = and(eq(objectLinks.fromObjectId, targetId), eq(objectLinks.toObjectId, id));
    const [existing] = await tx
      .select({ id: objectLinks.id })
      .from(objectLinks)
      .where(and(eq(objectLinks.organizationId, user.organizationId), eq(objectLinks.kind, kind), kind === "related" ? or(sameLink, mirror) : sameLink));
    if (existing) return fail("conflict", "links.errors.duplicate");

    const [row] = await tx
      .insert(objectLinks)
      .values({
        organizationId: user.organizationId,
        fromObjectId: id,
        toObjectId: targetId,
        kind,
        quantity: linkKindHasQuantity(kind) ? String(quantity ?? 1) : null,
        createdById: user.id,
      })
      .onConflictDoNothing()
      .returning();
    // Made by someone else between the check and the insert.
    if (!row) return fail("conflict", "links.errors.duplicate");

    await recordObjectActivity(tx, {
      organizationId: user.organizationId,
      objectId: id,
      objectType: authorized.facts.type,
      actorId: user.id,
      kind: "linked",
      data: { linkId: row.id, kind, targetId },
    });
    return ok(await linkSeenFrom(tx, id, row));
  });
}
