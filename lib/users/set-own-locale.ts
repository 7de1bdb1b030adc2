import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { locales, type Locale } from "@/lib/i18n/locales";
import { ok, type Result } from "@/lib/result";

export const setOwnLocaleSchema = z.strictObject({ locale: z.enum(locales, "errors.unknownLocale") });

/** The language the acting user chose in their menu: kept in their profile, so it follows them to every device. */
export async function setOwnLocale(db: Executor, user: ActingUser, locale: Locale): Promise<Result<{ locale: Locale }>> {
  await db
    .update(users)
    .set({ locale })
    .where(and(eq(users.id, user.id), eq(users.organizationId, user.organizationId)));
  return ok({ locale });
}
