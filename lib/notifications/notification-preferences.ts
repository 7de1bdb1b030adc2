import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { notificationEmailModes, notificationSettings, type NotificationEmailMode } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";

export interface NotificationPreferences {
  email: NotificationEmailMode;
  version: number;
}

/** A user who never chose: e-mail for each notification; the absent row counts as version 1. */
export const defaultNotificationPreferences: NotificationPreferences = { email: "each", version: 1 };

export const staleNotificationPreferencesMessage = "notifications.errors.stalePreferences";

export async function readNotificationPreferences(db: Executor, user: ActingUser): Promise<NotificationPreferences> {
  const [row] = await db
    .select({ email: notificationSettings.email, version: notificationSettings.version })
    .from(notificationSettings)
    .where(and(eq(notificationSettings.userId, user.id), eq(notificationSettings.organizationId, user.organizationId)));
  return row ?? defaultNotificationPreferences;
}

export const updateNotificationPreferencesSchema = z.strictObject({
  email: z.enum(notificationEmailModes, "notifications.fields.emailInvalid"),
  /** The version the user read (1 for the defaults): an edit made on an older one is refused. */
  version: z.coerce.number("notifications.fields.versionRequired").int("notifications.fields.versionRequired").positive("notifications.fields.versionRequired"),
});
export type UpdateNotificationPreferencesInput = z.input<typeof updateNotificationPreferencesSchema>;

/**
 * Saves the caller's preferences (Viewer and up: the gate checks the role). One statement each way: over the
 * defaults (version 1) an insert that yields to an existing row only while that row is still at version 1, else an
 * update where the version still matches — two saves from the same version cannot both pass.
 */
export async function updateNotificationPreferences(
  db: Executor,
  user: ActingUser,
  input: UpdateNotificationPreferencesInput,
): Promise<Result<NotificationPreferences>> {
  const parsed = parseInput(updateNotificationPreferencesSchema, input);
  if (!parsed.ok) return parsed;
  const { email, version } = parsed.data;
  const columns = { email: notificationSettings.email, version: notificationSettings.version };
  const next = { email, version: sql`${notificationSettings.version} + 1`, updatedAt: sql`now()` };
  const [row] =
    version === 1
      ? await db
          .insert(notificationSettings)
          .values({ organizationId: user.organizationId, userId: user.id, email, version: 2 })
          .onConflictDoUpdate({ target: notificationSettings.userId, set: next, setWhere: eq(notificationSettings.version, 1) })
          .returning(columns)
      : await db
          .update(notificationSettings)
          .set(next)
          .where(and(eq(notificationSettings.userId, user.id), eq(notificationSettings.organizationId, user.organizationId), eq(notificationSettings.version, version)))
          .returning(columns);
  return row ? ok(row) : fail("conflict", staleNotificationPreferencesMessage);
}
