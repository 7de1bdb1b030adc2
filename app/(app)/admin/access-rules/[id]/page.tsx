import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RuleEditor } from "@/components/admin/access-rules/rule-editor";
import { RuleStatePanel } from "@/components/admin/access-rules/rule-state-panel";
import { AdminBreadcrumbs, Badge } from "@/components/admin/sites/admin-page-parts";
import { FormStatus } from "@/components/ui/form-status";
import { getAccessRule } from "@/lib/access-rules/access-rule-records";
import { loadRuleEditorChoices } from "@/lib/admin/rule-editor-choices";
import { enterPage } from "@/lib/gate/page-gate";

export const metadata: Metadata = { title: "Access rule" };

const outcomeMessages = [
  ["created", "Rule created. Everyone's access follows it from now on."],
  ["saved", "Rule saved. Everyone's access follows it from now on."],
  ["enabled", "Rule enabled: it grants its level again."],
  ["disabled", "Rule disabled: it grants nothing until enabled."],
] as const;

export default async function AccessRulePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const { user, db } = await enterPage({ name: "access_rules.read", capability: "administer" });
  const rule = await getAccessRule(db, user.organizationId, id);
  if (!rule) notFound();
  const choices = await loadRuleEditorChoices(db, user, [rule]);

  return (
    <div className="space-y-6">
      <div>
        <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Access rules", href: "/admin/access-rules" }, { label: rule.name }]} />
        <h1 className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          {rule.name} {!rule.enabled && <Badge tone="gray">Disabled</Badge>}
        </h1>
      </div>
      <FormStatus success={outcomeMessages.find(([flag]) => flags[flag] === "1")?.[1] ?? null} />
      <section aria-labelledby="rule-state" className="rounded-lg border border-gray-200 bg-white p-5">
        <h2 id="rule-state" className="mb-3 text-lg font-semibold">
          Enable, disable, delete
        </h2>
        <RuleStatePanel key={rule.version} rule={{ id: rule.id, name: rule.name, enabled: rule.enabled, version: rule.version }} />
      </section>
      <RuleEditor key={rule.version} choices={choices} rule={rule} />
    </div>
  );
}
