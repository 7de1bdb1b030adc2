import { useTranslations } from "next-intl";
import { auditDiff } from "./audit-diff";

/**
 * What an entry changed, before and after side by side: the changed fields in a table (before tinted red, after
 * green, and said in the column headers, not by colour alone), the unchanged ones folded below it.
 */
export function AuditDiffTable({ entryId, before, after }: { entryId: string; before: unknown; after: unknown }) {
  const t = useTranslations("adminAudit.diff");
  const rows = auditDiff(before, after);
  if (rows.length === 0) return <p className="text-sm text-gray-600">{t("nothing")}</p>;
  const changed = rows.filter((row) => row.changed);
  // A creation has no before, a deletion no after: one column of values, rather than a column of dashes.
  const sides = (["before", "after"] as const).filter((side) => (side === "before" ? before : after) !== null);
  const unchanged = rows.length - changed.length;
  const cell = "px-2 py-1 align-top font-mono text-xs [overflow-wrap:anywhere]";
  return (
    <div className="space-y-1">
      {changed.length > 0 && (
        <table className="w-full table-fixed border-collapse text-left">
          <caption className="sr-only">{t("caption", { id: entryId })}</caption>
          <thead className="text-xs text-gray-700">
            <tr>
              <th scope="col" className="w-1/3 px-2 py-1 font-medium sm:w-1/4">
                {t("field")}
              </th>
              {sides.map((side) => (
                <th key={side} scope="col" className="px-2 py-1 font-medium">
                  {t(side)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {changed.map((row) => (
              <tr key={row.path}>
                <th scope="row" className={`${cell} font-medium text-gray-800`}>
                  {row.path}
                </th>
                {sides.map((side) => (
                  <td key={side} className={`${cell} ${side === "before" ? "bg-red-50 text-red-900" : "bg-green-50 text-green-900"}`}>
                    {row[side] ?? t("absent")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unchanged > 0 && (
        <details className="text-xs text-gray-700">
          <summary className="cursor-pointer text-gray-600">{t("unchanged", { count: unchanged })}</summary>
          <dl className="mt-1 grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-x-3 font-mono">
            {rows
              .filter((row) => !row.changed)
              .map((row) => (
                <div key={row.path} className="contents">
                  <dt className="[overflow-wrap:anywhere]">{row.path}</dt>
                  <dd className="[overflow-wrap:anywhere]">{row.after}</dd>
                </div>
              ))}
          </dl>
        </details>
      )}
    </div>
  );
}
