import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";

const idsMessage = "notifications.fields.idsInvalid";

export const markNotificationsReadSchema = z.strictObject({
  /** The notifications to mark read; ids of nobody's or someone else's are ignored. */
  ids: z.array(z.uuid(idsMessage), idsMessage).min(1, idsMessage).max(200, idsMessage).optional(),
  /** `true` marks every unread notification of the caller read. */
  all: z.literal(true, "notifications.fields.allInvalid").optional(),
});
export type MarkNotificationsReadInput = z.input<typeof markNotificationsReadSchema>;

/** Marks some or all of the caller's notifications read; answers how many were unread. */
export async function markNotificationsRead(db: Executor, user: ActingUser, input: MarkNotificationsReadInput): Promise<Result<{ marked: number }>> {
  const parsed = parseInput(markNotificationsReadSchema, input);
  if (!parsed.ok) return parsed;
  const { ids, all } = parsed.data;
  if ((ids === undefined) === (all === undefined)) return fail("invalid", "errors.fieldsNeedAttention", { ids: "notifications.fields.idsOrAll" });
  const marked = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.organizationId, user.organizationId),
        eq(notifications.userId, user.id),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return ok({ marked: marked.length });
}
