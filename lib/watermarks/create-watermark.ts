import "server-only";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { watermarks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { maxWatermarks } from "./list-watermarks";
import { canonicalTrigger, isAdmin, notAdminError, toWatermarkView, type WatermarkView } from "./watermark-records";
import { createWatermarkSchema, type CreateWatermarkInput } from "./watermark-schemas";

/** Creates a custom watermark (Admin), audited. */
export async function createWatermark(
  db: Database,
  actor: ActingUser,
  input: CreateWatermarkInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<WatermarkView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(createWatermarkSchema, input);
  if (!parsed.ok) return parsed;
  const { name, text, color, enabled } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    const trigger = await canonicalTrigger(tx, organizationId, parsed.data.triggerPropertyId ?? null, parsed.data.triggerValues ?? []);
    if (!trigger.ok) return trigger;
    const [existing] = await tx.select({ n: count() }).from(watermarks).where(eq(watermarks.organizationId, organizationId));
    if ((existing?.n ?? 0) >= maxWatermarks) return fail("conflict", "adminWatermarks.errors.tooMany", undefined, { max: maxWatermarks });
    const [row] = await tx
      .insert(watermarks)
      .values({ organizationId, name, text, ...(color ? { color } : {}), ...trigger.data, enabled: enabled ?? true })
      .returning();
    if (!row) throw new Error("insert returned no watermark");
    const view = toWatermarkView(row);
    await recordAudit(tx, {
      organizationId,
      actorId: actor.id,
      action: "watermark.created",
      targetType: "watermark",
      targetId: row.id,
      after: view,
      clientAddress: context.clientAddress ?? null,
    });
    return ok(view);
  });
}
