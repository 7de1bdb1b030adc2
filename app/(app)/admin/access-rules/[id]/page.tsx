import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RuleEditor } from "@/components/admin/access-rules/rule-editor";
import { RuleStatePanel } from "@/components/admin/access-rules/rule-state-panel";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { Badge } from "@/components/admin/sites/admin-page-parts";
import { FormStatus } from "@/components/ui/form-status";
import { getAccessRule } from "@/lib/access-rules/access-rule-records";
import { loadRuleEditorChoices } from "@/lib/admin/rule-editor-choices";
import { enterPage } from "@/lib/gate/page-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminRules"))("editTitle") };
}

const outcomes = ["created", "saved", "enabled", "disabled"] as const;

export default async function AccessRulePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const { user, db } = await enterPage({ name: "access_rules.read", capability: "administer" });
  const rule = await getAccessRule(db, user.organizationId, id);
  if (!rule) notFound();
  const [choices, t, tCommon] = await Promise.all([loadRuleEditorChoices(db, user, [rule]), getTranslations("adminRules"), getTranslations("common")]);
  const outcome = outcomes.find((flag) => flags[flag] === "1");

  return (
    <div className="space-y-6">
      <AdminPageHeader
        trail={[{ href: "/admin/access-rules", label: t("title") }]}
        title={rule.name}
        badge={!rule.enabled && <Badge tone="gray">{tCommon("states.disabled")}</Badge>}
      />
      <FormStatus success={outcome ? t(`outcomes.${outcome}`) : null} />
      <section aria-labelledby="rule-state" className="rounded-lg border border-gray-200 bg-white p-4 sm:p-5">
        <h2 id="rule-state" className="mb-3 text-lg font-semibold">
          {t("state.heading")}
        </h2>
        <RuleStatePanel key={rule.version} rule={{ id: rule.id, name: rule.name, enabled: rule.enabled, version: rule.version }} />
      </section>
      <RuleEditor key={rule.version} choices={choices} rule={rule} />
    </div>
  );
}
