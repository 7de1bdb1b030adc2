import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { guardedObjectWrite } from "./guarded-object-write";
import { objectIdSchema, objectVersionSchema } from "./object-schemas";
import { recordObjectActivity } from "./record-object-activity";

export const trashObjectSchema = z.strictObject({
  id: objectIdSchema,
  /** The version the user saw, when they want a stale delete refused; any version otherwise. */
  version: objectVersionSchema.optional(),
});
export type TrashObjectInput = z.input<typeof trashObjectSchema>;

export interface TrashedObject {
  id: string;
  trashedAt: string;
}

/**
 * Deletes an object (Full access, Manager+) by moving it to the trash (SPEC §9): from then on the predicate leaves
 * it out of every list, count and decision, for everyone. Logged in its activity feed and the audit log.
 */
export async function trashObject(
  db: Executor,
  user: ActingUser,
  input: TrashObjectInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<TrashedObject>> {
  const parsed = parseInput(trashObjectSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version } = parsed.data;

  return guardedObjectWrite(
    db,
    user,
    { objectId: id, action: "delete", expectedVersion: version, clientAddress: context.clientAddress },
    async ({ tx, authorized, where }) => {
      const now = new Date();
      const [row] = await tx
        .update(objects)
        .set({ trashedAt: now, trashedById: user.id, version: sql`${objects.version} + 1`, updatedAt: now })
        .where(where)
        .returning({ id: objects.id, reference: objects.reference, title: objects.title });
      if (!row) return null;
      await recordObjectActivity(tx, {
        organizationId: user.organizationId,
        objectId: id,
        objectType: authorized.facts.type,
        actorId: user.id,
        kind: "trashed",
      });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: "object.trashed",
        targetType: "object",
        targetId: id,
        before: { reference: row.reference, title: row.title },
        clientAddress: context.clientAddress ?? null,
      });
      return ok({ id, trashedAt: now.toISOString() });
    },
  );
}
