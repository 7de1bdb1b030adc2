import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { Instant } from "@/components/ui/instant";
import type { TrashPage } from "@/lib/trash/list-trash";
import { RestoreObjectButton } from "./restore-object-button";

const dayMs = 24 * 60 * 60 * 1000;

interface TrashTableProps {
  page: TrashPage;
  /** Whether this page follows a cursor (so a way back to the most recent is offered). */
  paged: boolean;
  /** When the page was read: days left are counted from it. */
  readAt: Date;
}

/** The trash: what was deleted, when and by whom, how long it stays restorable, with a Restore button each. */
export function TrashTable({ page, paged, readAt }: TrashTableProps) {
  const t = useTranslations("trash");
  const tCommon = useTranslations("common");
  return (
    <div className="space-y-4">
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            t("columns.reference"),
            t("columns.title"),
            t("columns.type"),
            t("columns.deleted"),
            t("columns.deletedBy"),
            t("columns.daysLeft"),
            { label: t("columns.actions"), hidden: true },
          ]}
        >
          {page.items.map((item) => (
            <tr key={item.id} className="align-top">
              <td className="whitespace-nowrap px-4 py-2 font-medium text-gray-900">{item.reference}</td>
              <td className="min-w-48 px-4 py-2 text-gray-900 [overflow-wrap:anywhere]">{item.title}</td>
              <td className="whitespace-nowrap px-4 py-2 text-gray-700">{tCommon(`objectTypes.${item.type}`)}</td>
              <td className="whitespace-nowrap px-4 py-2 text-gray-700">
                <Instant value={item.trashedAt} />
              </td>
              <td className="min-w-32 px-4 py-2 text-gray-700 [overflow-wrap:anywhere]">{item.trashedBy?.name ?? t("unknownUser")}</td>
              <td className="whitespace-nowrap px-4 py-2 text-gray-700">
                {t("daysLeft", { count: Math.max(0, Math.floor((new Date(item.restorableUntil).getTime() - readAt.getTime()) / dayMs)) })}
              </td>
              <td className="px-4 py-2 text-right">
                <RestoreObjectButton object={{ id: item.id, reference: item.reference, version: item.version }} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {(page.nextCursor || paged) && (
        <nav aria-label={tCommon("pagination")} className="flex flex-wrap gap-4 text-sm">
          {paged && (
            <Link href="/trash" className="font-medium text-blue-700 hover:underline">
              {t("pages.first")}
            </Link>
          )}
          {page.nextCursor && (
            <Link href={`/trash?cursor=${encodeURIComponent(page.nextCursor)}`} className="font-medium text-blue-700 hover:underline">
              {t("pages.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
