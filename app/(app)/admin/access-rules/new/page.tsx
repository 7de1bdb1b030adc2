import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RuleEditor } from "@/components/admin/access-rules/rule-editor";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { loadRuleEditorChoices } from "@/lib/admin/rule-editor-choices";
import { enterPage } from "@/lib/gate/page-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminRules"))("newTitle") };
}

export default async function NewAccessRulePage() {
  const { user, db } = await enterPage({ name: "access_rules.create", capability: "administer" });
  const [choices, t] = await Promise.all([loadRuleEditorChoices(db, user), getTranslations("adminRules")]);
  return (
    <div className="space-y-6">
      <AdminPageHeader trail={[{ href: "/admin/access-rules", label: t("title") }]} title={t("newTitle")} />
      <RuleEditor choices={choices} />
    </div>
  );
}
