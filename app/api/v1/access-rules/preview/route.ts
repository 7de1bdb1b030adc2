import { previewRuleChange } from "@/lib/access-rules/preview-rule-change";
import { ruleChangeSchema } from "@/lib/access-rules/rule-schemas";
import { defineRoute } from "@/lib/gate/define-route";

/**
 * The impact of a rule change before it is made (Admin): `{ kind: "create", rule }`, `{ kind: "update", id, rule }`
 * or `{ kind: "disable" | "enable" | "delete", id }` → for each level, how many users gain and lose it on how many
 * objects, with samples. Nothing is saved.
 */
export const POST = defineRoute({ name: "access_rules.preview", input: ruleChangeSchema, capability: "administer" }, ({ db, user, input }) =>
  previewRuleChange(db, user.organizationId, input, { actor: user }),
);
