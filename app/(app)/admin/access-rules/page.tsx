import type { Metadata } from "next";
import Link from "next/link";
import { describeRuleObjects, describeRuleUsers } from "@/components/admin/access-rules/rule-summary";
import { AdminBreadcrumbs, Badge } from "@/components/admin/sites/admin-page-parts";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { listAllAccessRules } from "@/lib/access-rules/access-rule-records";
import { loadRuleEditorChoices } from "@/lib/admin/rule-editor-choices";
import { levelLabels } from "@/lib/authz/levels";
import { enterPage } from "@/lib/gate/page-gate";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Access rules" };

export default async function AdminAccessRulesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const { deleted } = await searchParams;
  const { user, db } = await enterPage({ name: "access_rules.list", capability: "administer" });
  const rules = await listAllAccessRules(db, user.organizationId);
  const names = await loadRuleEditorChoices(db, user, rules);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Access rules" }]} />
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">Access rules</h1>
          <p className="mt-1 max-w-3xl text-sm text-gray-600">
            Within an object&apos;s scope, a user gets the highest level of the enabled rules that match both them and the
            object; no matching rule means no access. A role still caps what each level allows.
          </p>
        </div>
        <Link href="/admin/access-rules/new" className={buttonStyles.primary}>
          New rule
        </Link>
      </div>

      {deleted === "1" && <FormStatus success="Rule deleted. The audit log keeps it as it was." />}

      {rules.length > 0 ? (
        <DataTable caption={`Access rules (${rules.length})`} columns={["Rule", "Level", "Whom", "Which objects", "State"]}>
          {rules.map((rule) => (
            <tr key={rule.id} className={`align-top ${rule.enabled ? "" : "text-gray-500"}`}>
              <RecordLinkCell href={`/admin/access-rules/${rule.id}`} name={rule.name} />
              <td className="whitespace-nowrap px-4 py-2">{levelLabels[rule.level]}</td>
              <td className="px-4 py-2">{describeRuleUsers(names, rule.users)}</td>
              <td className="px-4 py-2">{describeRuleObjects(names, rule.objects, rule.match)}</td>
              <td className="whitespace-nowrap px-4 py-2">{rule.enabled ? <Badge tone="blue">Enabled</Badge> : <Badge tone="gray">Disabled</Badge>}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">
          No rule: nobody has access to any object, Admins included. Add a rule to grant access.
        </p>
      )}
    </div>
  );
}
