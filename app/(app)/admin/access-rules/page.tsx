import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { describeRuleObjects, describeRuleUsers } from "@/components/admin/access-rules/rule-summary";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { Badge } from "@/components/admin/sites/admin-page-parts";
import { buttonStyles } from "@/components/ui/button-styles";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";
import { FormStatus } from "@/components/ui/form-status";
import { listAllAccessRules } from "@/lib/access-rules/access-rule-records";
import { loadRuleEditorChoices } from "@/lib/admin/rule-editor-choices";
import { enterPage } from "@/lib/gate/page-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminRules"))("title") };
}

export default async function AdminAccessRulesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const { deleted } = await searchParams;
  const { user, db } = await enterPage({ name: "access_rules.list", capability: "administer" });
  const rules = await listAllAccessRules(db, user.organizationId);
  const names = await loadRuleEditorChoices(db, user, rules);
  const [t, tCommon, format] = await Promise.all([getTranslations("adminRules"), getTranslations("common"), getFormatter()]);
  const words = { t, tCommon, format };

  return (
    <div className="space-y-6">
      <AdminPageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/access-rules/new" className={buttonStyles.primary}>
            {t("newRule")}
          </Link>
        }
      />

      {deleted === "1" && <FormStatus success={t("deleted")} />}

      {rules.length > 0 ? (
        <DataTable
          caption={t("caption", { count: format.number(rules.length) })}
          columns={[t("columns.rule"), t("columns.level"), t("columns.whom"), t("columns.objects"), t("columns.state")]}
        >
          {rules.map((rule) => (
            <tr key={rule.id} className={`align-top [overflow-wrap:anywhere] ${rule.enabled ? "" : "text-gray-600"}`}>
              <RecordLinkCell href={`/admin/access-rules/${rule.id}`} name={rule.name} />
              <td className="px-4 py-2">{tCommon(`levels.${rule.level}`)}</td>
              <td className="min-w-40 px-4 py-2">{describeRuleUsers(words, names, rule.users)}</td>
              <td className="min-w-40 px-4 py-2">{describeRuleObjects(words, names, rule.objects, rule.match)}</td>
              <td className="whitespace-nowrap px-4 py-2">
                {rule.enabled ? <Badge tone="blue">{tCommon("states.enabled")}</Badge> : <Badge tone="gray">{tCommon("states.disabled")}</Badge>}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{t("empty")}</p>
      )}
    </div>
  );
}
