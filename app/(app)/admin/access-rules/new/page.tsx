import type { Metadata } from "next";
import { RuleEditor } from "@/components/admin/access-rules/rule-editor";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { loadRuleEditorChoices } from "@/lib/admin/rule-editor-choices";
import { enterPage } from "@/lib/gate/page-gate";

export const metadata: Metadata = { title: "New access rule" };

export default async function NewAccessRulePage() {
  const { user, db } = await enterPage({ name: "access_rules.create", capability: "administer" });
  const choices = await loadRuleEditorChoices(db, user);
  return (
    <div className="space-y-6">
      <div>
        <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Access rules", href: "/admin/access-rules" }, { label: "New rule" }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">New access rule</h1>
      </div>
      <RuleEditor choices={choices} />
    </div>
  );
}
