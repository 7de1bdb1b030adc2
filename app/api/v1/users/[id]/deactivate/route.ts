import { z } from "zod";
import { defineRoute } from "@/lib/gate/define-route";
import { fail } from "@/lib/result";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { userNotFoundMessage } from "@/lib/users/user-messages";
import { userIdParamSchema, userVersionSchema } from "@/lib/users/user-schemas";
import { isUuid } from "@/lib/validation/uuid";

const deactivateRouteSchema = z.strictObject({
  id: userIdParamSchema,
  /** Who takes over the user's objects and led workflows (an active Manager or Admin), when they have any. */
  newOwnerId: z.string().optional(),
  /** Who takes over the user's open tasks (an active personal account, Viewer or above), when they have any. */
  newAssigneeId: z.string().optional(),
  /** The version the caller read; a stale one is refused. */
  version: userVersionSchema.optional(),
});

/** Deactivates an account (Admin). There is no reactivation endpoint: only the operator can reactivate. */
export const POST = defineRoute(
  { name: "users.deactivate", input: deactivateRouteSchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => {
    if (!isUuid(input.id)) return Promise.resolve(fail("not_found", userNotFoundMessage));
    return deactivateUser(
      db,
      user,
      { userId: input.id, expectedVersion: input.version, newOwnerId: input.newOwnerId, newAssigneeId: input.newAssigneeId },
      { clientAddress },
    );
  },
);
