import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { userNotFoundMessage } from "./user-messages";
import { userIdParamSchema } from "./user-schemas";
import { loadUserView, type UserView } from "./user-view";
import { isUuid } from "@/lib/validation/uuid";

export const getUserSchema = z.strictObject({ id: userIdParamSchema });
export type GetUserInput = z.input<typeof getUserSchema>;

/** One user of the caller's organisation (any signed-in user may read it); not_found for any other id. */
export async function getUser(db: Executor, actor: ActingUser, input: GetUserInput): Promise<Result<UserView>> {
  const parsed = getUserSchema.safeParse(input);
  if (!parsed.success || !isUuid(parsed.data.id)) return fail("not_found", userNotFoundMessage);
  const view = await loadUserView(db, actor.organizationId, parsed.data.id);
  return view ? ok(view) : fail("not_found", userNotFoundMessage);
}
