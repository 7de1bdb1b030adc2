import { getAccessRule, ruleNotFoundMessage } from "@/lib/access-rules/access-rule-records";
import { deleteAccessRule, deleteAccessRuleSchema, updateAccessRule, updateAccessRuleSchema } from "@/lib/access-rules/change-access-rules";
import { ruleIdSchema } from "@/lib/access-rules/rule-schemas";
import { defineRoute } from "@/lib/gate/define-route";
import { fail, ok } from "@/lib/result";
import { z } from "zod";

/** One access rule (Admin), with the `version` a PATCH or DELETE states. */
export const GET = defineRoute({ name: "access_rules.read", input: z.strictObject({ id: ruleIdSchema }), capability: "administer" }, async ({ db, user, input }) => {
  const rule = await getAccessRule(db, user.organizationId, input.id);
  return rule ? ok(rule) : fail("not_found", ruleNotFoundMessage);
});

/** Edits a rule (Admin): the fields sent replace the current ones; `version` is required, 409 when stale. */
export const PATCH = defineRoute({ name: "access_rules.update", input: updateAccessRuleSchema, capability: "administer" }, ({ db, user, input, clientAddress }) =>
  updateAccessRule(db, user, input, { clientAddress }),
);

/** Deletes a rule (Admin; `?version=` refuses a stale confirmation). */
export const DELETE = defineRoute({ name: "access_rules.delete", input: deleteAccessRuleSchema, capability: "administer" }, ({ db, user, input, clientAddress }) =>
  deleteAccessRule(db, user, input, { clientAddress }),
);
