import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objectLinks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { guardedLinkWrite, linkSeenFrom } from "./guarded-link-write";
import { linkKindHasQuantity } from "./link-kinds";
import { linkIdSchema, linkQuantitySchema, linkVersionSchema } from "./link-schemas";
import type { LinkView } from "./link-view";

export const updateLinkQuantitySchema = z.strictObject({
  /** The object whose links are edited: either end of the link. */
  id: objectIdSchema,
  linkId: linkIdSchema,
  version: linkVersionSchema,
  quantity: linkQuantitySchema,
});
export type UpdateLinkQuantityInput = z.input<typeof updateLinkQuantitySchema>;

/** Changes how many of the target a product part or BOM line counts (link access on the source); 409 on a stale version. */
export async function updateLinkQuantity(
  db: Executor,
  user: ActingUser,
  input: UpdateLinkQuantityInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<LinkView>> {
  const parsed = parseInput(updateLinkQuantitySchema, input);
  if (!parsed.ok) return parsed;
  const { id, linkId, version, quantity } = parsed.data;

  return guardedLinkWrite(db, user, { objectId: id, linkId, expectedVersion: version, clientAddress: context.clientAddress }, async ({ tx, link }) => {
    if (!linkKindHasQuantity(link.kind)) return fail("invalid", "errors.fieldsNeedAttention", { quantity: "links.fields.quantityNotForKind" });
    const [row] = await tx
      .update(objectLinks)
      .set({ quantity: String(quantity), version: sql`${objectLinks.version} + 1` })
      .where(eq(objectLinks.id, link.id))
      .returning();
    return ok(await linkSeenFrom(tx, id, row!));
  });
}
