import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { watermarks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import {
  canonicalTrigger,
  isAdmin,
  lockWatermark,
  notAdminError,
  staleWatermarkError,
  toWatermarkView,
  watermarkNotFound,
  type WatermarkView,
} from "./watermark-records";
import { updateWatermarkSchema, type UpdateWatermarkInput } from "./watermark-schemas";

/** Changes a watermark (Admin) on the version the editor read; audited before and after. */
export async function updateWatermark(
  db: Database,
  actor: ActingUser,
  input: UpdateWatermarkInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<WatermarkView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(updateWatermarkSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, name, text, color, enabled } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    const row = await lockWatermark(tx, organizationId, id);
    if (!row) return watermarkNotFound();
    if (version !== row.version) return staleWatermarkError();
    const triggerChanged = parsed.data.triggerPropertyId !== undefined || parsed.data.triggerValues !== undefined;
    const trigger = triggerChanged
      ? await canonicalTrigger(
          tx,
          organizationId,
          parsed.data.triggerPropertyId === undefined ? row.triggerPropertyId : parsed.data.triggerPropertyId,
          // A new property with no values stated keeps none of the old property's values.
          parsed.data.triggerValues ?? (parsed.data.triggerPropertyId === undefined ? row.triggerValues : []),
        )
      : ok({});
    if (!trigger.ok) return trigger;

    const [after] = await tx
      .update(watermarks)
      .set({
        ...(name !== undefined ? { name } : {}),
        ...(text !== undefined ? { text } : {}),
        ...(color !== undefined ? { color } : {}),
        ...(enabled !== undefined ? { enabled } : {}),
        ...trigger.data,
        version: sql`${watermarks.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(watermarks.id, id), eq(watermarks.organizationId, organizationId)))
      .returning();
    if (!after) throw new Error(`watermark ${id} vanished while locked`);
    const view = toWatermarkView(after);
    await recordAudit(tx, {
      organizationId,
      actorId: actor.id,
      action: "watermark.updated",
      targetType: "watermark",
      targetId: id,
      before: toWatermarkView(row),
      after: view,
      clientAddress: context.clientAddress ?? null,
    });
    return ok(view);
  });
}
