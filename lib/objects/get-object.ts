import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { EffectiveLevel } from "@/lib/authz/levels";
import { authorizeObjectRead, objectNotFoundMessage, type ObjectReadContext } from "@/lib/authz/object-access";
import { objectActions, type ObjectAction } from "@/lib/authz/object-actions";
import { subjectOf } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { objectIdSchema } from "./object-schemas";
import { loadObjectView, type ObjectView } from "./object-view";

export const getObjectSchema = z.strictObject({ id: objectIdSchema });
export type GetObjectInput = z.input<typeof getObjectSchema>;

/**
 * An object with what the caller may do to it: the UI hides controls from this list (it never trusts it — every
 * action is decided again on the server).
 */
export interface ObjectWithAccess extends ObjectView {
  access: { level: EffectiveLevel; actions: ObjectAction[] };
}

/** Opens an object (view level): not_found for anything the caller cannot view, trashed objects included. */
export async function getObject(
  db: Executor,
  user: ActingUser,
  input: GetObjectInput,
  context: ObjectReadContext = {},
): Promise<Result<ObjectWithAccess>> {
  const parsed = parseInput(getObjectSchema, input);
  if (!parsed.ok) return parsed;
  const authorized = await authorizeObjectRead(db, subjectOf(user), parsed.data.id, "view", context);
  if (!authorized.ok) return authorized;
  const object = await loadObjectView(db, user.organizationId, parsed.data.id);
  if (!object) return fail("not_found", objectNotFoundMessage);
  const { decision } = authorized.data;
  return ok({ ...object, access: { level: decision.level, actions: objectActions.filter((action) => decision.actions[action].allowed) } });
}
