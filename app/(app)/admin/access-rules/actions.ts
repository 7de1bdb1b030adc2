"use server";

import { revalidatePath } from "next/cache";
import { createAccessRule, createAccessRuleSchema, deleteAccessRule, deleteAccessRuleSchema, updateAccessRule, updateAccessRuleSchema } from "@/lib/access-rules/change-access-rules";
import { previewRuleChange } from "@/lib/access-rules/preview-rule-change";
import { ruleChangeSchema } from "@/lib/access-rules/rule-schemas";
import { defineAction } from "@/lib/gate/define-action";

// The editor holds a structured draft (lists of conditions), so these actions take JSON, not form fields.

export const previewAccessRuleChangeAction = defineAction(
  { name: "access_rules.preview", input: ruleChangeSchema, capability: "administer" },
  ({ db, user, input }) => previewRuleChange(db, user.organizationId, input, { actor: user }),
);

export const createAccessRuleAction = defineAction(
  { name: "access_rules.create", input: createAccessRuleSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await createAccessRule(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/access-rules", "layout");
    return result;
  },
);

export const updateAccessRuleAction = defineAction(
  { name: "access_rules.update", input: updateAccessRuleSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await updateAccessRule(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/access-rules", "layout");
    return result;
  },
);

export const deleteAccessRuleAction = defineAction(
  { name: "access_rules.delete", input: deleteAccessRuleSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await deleteAccessRule(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/access-rules", "layout");
    return result;
  },
);
