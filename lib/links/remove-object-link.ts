import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objectLinks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { recordObjectActivity } from "@/lib/objects/record-object-activity";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { guardedLinkWrite } from "./guarded-link-write";
import { linkIdSchema, linkVersionSchema } from "./link-schemas";

export const removeObjectLinkSchema = z.strictObject({
  /** The object whose links are edited: either end of the link. */
  id: objectIdSchema,
  linkId: linkIdSchema,
  /** The version the user saw, when they want a removal made on a stale view refused; any version otherwise. */
  version: linkVersionSchema.optional(),
});
export type RemoveObjectLinkInput = z.input<typeof removeObjectLinkSchema>;

/**
 * Removes a link (link access on its source, view on its target). Neither object changes; the source's activity
 * feed records it, naming the target by id only.
 */
export async function removeObjectLink(
  db: Executor,
  user: ActingUser,
  input: RemoveObjectLinkInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<{ id: string }>> {
  const parsed = parseInput(removeObjectLinkSchema, input);
  if (!parsed.ok) return parsed;
  const { id, linkId, version } = parsed.data;

  return guardedLinkWrite(db, user, { objectId: id, linkId, expectedVersion: version, clientAddress: context.clientAddress }, async ({ tx, link, source }) => {
    await tx.delete(objectLinks).where(eq(objectLinks.id, link.id));
    await recordObjectActivity(tx, {
      organizationId: user.organizationId,
      objectId: source.id,
      objectType: source.type,
      actorId: user.id,
      kind: "unlinked",
      data: { linkId: link.id, kind: link.kind, targetId: link.toObjectId },
    });
    return ok({ id: link.id });
  });
}
