import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { RuleDescription } from "@/lib/objects/describe-rule";

/** The rules that apply to the object (their object side covers it), with the level each grants and to whom. */
export async function SharingRules({ rules }: { rules: readonly RuleDescription[] }) {
  const t = await getTranslations("share.rules");
  return (
    <section aria-labelledby="share-rules-heading" className="space-y-3">
      <h2 id="share-rules-heading" className="text-lg font-semibold text-gray-900">
        {t("heading")}
      </h2>
      {rules.length === 0 ? (
        <p className="text-sm text-gray-700">{t("none")}</p>
      ) : (
        <>
          <p className="text-sm text-gray-700">{t("intro")}</p>
          <DataTable caption={t("caption")} columns={[
              { label: t("rule"), className: "w-1/3 min-w-48" },
              { label: t("level"), className: "w-40 min-w-32" },
              { label: t("grantsTo"), className: "min-w-64" },
            ]}>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <td className="px-4 py-2 font-medium text-gray-900 break-words">{rule.name}</td>
                <td className="px-4 py-2 text-gray-900">{rule.levelLabel}</td>
                <td className="px-4 py-2 text-gray-700 break-words">{rule.grantsTo}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
