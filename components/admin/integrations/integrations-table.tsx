import { useTranslations } from "next-intl";
import { Badge } from "@/components/admin/sites/admin-page-parts";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";
import { Instant } from "@/components/ui/instant";
import type { IntegrationView } from "@/lib/integrations/integration-view";

/** The latest call of any of the integration's tokens (kept at most a minute stale). */
function lastCallOf(integration: IntegrationView): string | null {
  return integration.tokens.reduce<string | null>((latest, token) => (token.lastUsedAt && (!latest || token.lastUsedAt > latest) ? token.lastUsedAt : latest), null);
}

/** The integrations list: name, role, sites, active tokens, state and last call. */
export function IntegrationsTable({ integrations, siteNames }: { integrations: IntegrationView[]; siteNames: Record<string, string> }) {
  const t = useTranslations("adminIntegrations");
  const tRoles = useTranslations("common.roles");
  const tCommon = useTranslations("common");
  return (
    <DataTable
      caption={t("caption")}
      columns={[t("columns.name"), t("columns.role"), t("columns.sites"), t("columns.tokens"), t("columns.status"), t("columns.lastUsed")]}
    >
      {integrations.map((integration) => {
        const lastCall = lastCallOf(integration);
        return (
          <tr key={integration.id}>
            <RecordLinkCell href={`/admin/integrations/${integration.id}`} name={integration.name} />
            <td className="whitespace-nowrap px-4 py-2">{tRoles(integration.role)}</td>
            <td className="min-w-32 px-4 py-2 [overflow-wrap:anywhere]">
              {integration.siteIds.length === 0 ? <span className="text-gray-600">{tCommon("none")}</span> : integration.siteIds.map((id) => siteNames[id] ?? id).join(", ")}
            </td>
            <td className="whitespace-nowrap px-4 py-2">{integration.tokens.filter((token) => token.state === "active").length}</td>
            <td className="whitespace-nowrap px-4 py-2">
              {integration.active ? <Badge tone="blue">{t("states.active")}</Badge> : <Badge tone="gray">{t("states.deactivated")}</Badge>}
            </td>
            <td className="whitespace-nowrap px-4 py-2 text-gray-700">{lastCall ? <Instant value={lastCall} /> : t("never")}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
