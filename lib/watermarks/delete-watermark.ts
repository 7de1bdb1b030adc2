import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { watermarks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { isAdmin, lockWatermark, notAdminError, staleWatermarkError, toWatermarkView, watermarkNotFound } from "./watermark-records";
import { deleteWatermarkSchema, type DeleteWatermarkInput } from "./watermark-schemas";

/** Deletes a watermark (Admin): previews rendered from now on no longer carry it. */
export async function deleteWatermark(
  db: Database,
  actor: ActingUser,
  input: DeleteWatermarkInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<{ id: string; name: string }>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(deleteWatermarkSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    const row = await lockWatermark(tx, organizationId, id);
    if (!row) return watermarkNotFound();
    if (version !== undefined && version !== row.version) return staleWatermarkError();
    await tx.delete(watermarks).where(and(eq(watermarks.id, id), eq(watermarks.organizationId, organizationId)));
    await recordAudit(tx, {
      organizationId,
      actorId: actor.id,
      action: "watermark.deleted",
      targetType: "watermark",
      targetId: id,
      before: toWatermarkView(row),
      clientAddress: context.clientAddress ?? null,
    });
    return ok({ id, name: row.name });
  });
}
