import { useTranslations } from "next-intl";
import { Instant } from "@/components/ui/instant";
import type { AuditEntryView } from "@/lib/audit/list-audit-log";
import { AuditDiffTable } from "./audit-diff-table";

function Actor({ actor }: { actor: AuditEntryView["actor"] }) {
  const t = useTranslations("adminAudit");
  if (!actor) return <span className="text-gray-700">{t("system")}</span>;
  if (actor.name === null) return <span className="text-gray-700">{`${t("goneActor")} (${actor.id})`}</span>;
  return (
    <span>
      <span className="font-medium">{actor.name}</span> <span className="text-gray-600 [overflow-wrap:anywhere]">{actor.email}</span>
    </span>
  );
}

/** The entries of one page, newest first: when, who, what, to what, and the record before and after. Read-only. */
export function AuditEntryList({ items }: { items: AuditEntryView[] }) {
  const t = useTranslations("adminAudit");
  return (
    <ol aria-label={t("caption")} className="space-y-3">
      {items.map((entry) => (
        <li key={entry.id} className="rounded-lg border border-gray-200 bg-white p-4">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 xl:grid-cols-4">
            <div className="min-w-0">
              <dt className="text-xs text-gray-600">{t("columns.when")}</dt>
              <dd>
                <Instant value={entry.occurredAt} />
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-xs text-gray-600">{t("columns.actor")}</dt>
              <dd>
                <Actor actor={entry.actor} />
                {entry.clientAddress && <span className="block text-xs text-gray-600">{t("from", { address: entry.clientAddress })}</span>}
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-xs text-gray-600">{t("columns.action")}</dt>
              <dd>
                <code className="rounded bg-gray-100 px-1 py-0.5 text-xs text-gray-900">{entry.action}</code>
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-xs text-gray-600">{t("columns.target")}</dt>
              <dd className="[overflow-wrap:anywhere]">
                {entry.target ? (
                  <>
                    <code className="text-xs text-gray-900">{entry.target.type}</code> {entry.target.label ?? <span className="font-mono text-xs text-gray-700">{entry.target.id}</span>}
                  </>
                ) : (
                  <span className="text-gray-600">—</span>
                )}
              </dd>
            </div>
          </dl>
          <div className="mt-3 border-t border-gray-100 pt-3">
            <h3 className="sr-only">{t("columns.changes")}</h3>
            <AuditDiffTable entryId={entry.id} before={entry.before} after={entry.after} />
          </div>
        </li>
      ))}
    </ol>
  );
}
