import { listAccessRules, listAccessRulesSchema } from "@/lib/access-rules/access-rule-records";
import { createAccessRule, createAccessRuleSchema } from "@/lib/access-rules/change-access-rules";
import { defineRoute } from "@/lib/gate/define-route";

/** The organisation's access rules in list order (Admin): `{ items, nextCursor }`. */
export const GET = defineRoute({ name: "access_rules.list", input: listAccessRulesSchema, capability: "administer" }, ({ db, user, input }) =>
  listAccessRules(db, user.organizationId, input),
);

/** Creates an access rule (Admin) in the shape of API.md; 422 with `fields` keyed by path (`users.siteIds`). */
export const POST = defineRoute(
  { name: "access_rules.create", input: createAccessRuleSchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => createAccessRule(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
