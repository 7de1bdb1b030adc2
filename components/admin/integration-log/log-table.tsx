import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { Instant } from "@/components/ui/instant";
import type { IntegrationLogEntry } from "@/lib/integrations/list-integration-log";

function statusTone(status: number): string {
  if (status >= 500) return "bg-red-50 text-red-800";
  if (status === 429) return "bg-amber-100 text-amber-900";
  if (status >= 400) return "bg-gray-100 text-gray-800";
  return "bg-green-50 text-green-800";
}

/** One page of the integration log: time, integration, token, request, status and duration. */
export function LogTable({ entries }: { entries: IntegrationLogEntry[] }) {
  const t = useTranslations("adminIntegrationLog");
  return (
    <DataTable
      caption={t("caption")}
      columns={[t("columns.time"), t("columns.integration"), t("columns.token"), t("columns.request"), t("columns.status"), t("columns.duration")]}
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td className="whitespace-nowrap px-4 py-2 text-gray-700">
            <Instant value={entry.occurredAt} />
          </td>
          <td className="min-w-32 px-4 py-2 [overflow-wrap:anywhere]">
            <Link href={`/admin/integrations/${entry.integrationId}`} className="font-medium text-blue-700 hover:underline">
              {entry.integrationName ?? entry.integrationId}
            </Link>
          </td>
          <td className="min-w-24 px-4 py-2 [overflow-wrap:anywhere]">{entry.tokenName ?? t("deletedToken")}</td>
          <td className="min-w-48 px-4 py-2 font-mono text-xs [overflow-wrap:anywhere]">
            <span className="font-semibold">{entry.method}</span> {entry.path}
          </td>
          <td className="whitespace-nowrap px-4 py-2">
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusTone(entry.status)}`}>{entry.status}</span>
          </td>
          <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums text-gray-700">{t("durationMs", { ms: entry.durationMs })}</td>
        </tr>
      ))}
    </DataTable>
  );
}
