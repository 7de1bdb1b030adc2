import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { CheckVerdict } from "@/lib/authz/decide";
import { objectActions } from "@/lib/authz/object-actions";
import type { EffectiveAccess } from "@/lib/objects/explain-object-access";

async function Verdict({ verdict }: { verdict: CheckVerdict }) {
  const t = await getTranslations("share.access");
  return (
    // Positioned: the screen-reader text is then placed inside the table's scrolling box, not at the page's edge.
    <span className="relative flex items-start gap-1.5">
      <span aria-hidden="true" className={verdict.ok ? "text-green-700" : "text-red-700"}>
        {verdict.ok ? "✓" : "✗"}
      </span>
      <span>
        <span className="sr-only">{verdict.ok ? t("allowed") : t("denied")}: </span>
        {verdict.reason}
      </span>
    </span>
  );
}

/**
 * One user's effective access (the answer of `/api/v1/objects/{id}/access`): the level, the scope check and the rules
 * that match, then for each action whether it is allowed and the reason of its role and rule checks (the scope check
 * is the same for every action).
 */
export async function AccessVerdicts({ access, heading }: { access: EffectiveAccess; heading: string }) {
  const t = await getTranslations("share.access");
  const tLevels = await getTranslations("common.levels");
  return (
    <div className="space-y-3">
      <h3 className="text-base font-semibold text-gray-900 [overflow-wrap:anywhere]">{heading}</h3>
      {!access.active && <p className="text-sm text-amber-900">{t("inactive")}</p>}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-gray-600">{t("level")}</dt>
          <dd className="font-medium text-gray-900">{access.levelLabel}</dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("scope")}</dt>
          <dd className="text-gray-900">
            <Verdict verdict={access.scope} />
          </dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("grantingRules")}</dt>
          <dd className="text-gray-900 [overflow-wrap:anywhere]">
            {access.grantingRules.length === 0 ? (
              t("noGrantingRule")
            ) : (
              <ul>
                {access.grantingRules.map((rule) => (
                  <li key={rule.ruleId}>{t("grantingRule", { name: rule.name, level: tLevels(rule.level) })}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <DataTable caption={t("caption")} columns={[
          { label: t("action"), className: "w-44 min-w-36" },
          { label: t("verdict"), className: "w-20 min-w-16" },
          { label: t("role"), className: "w-56 min-w-48" },
          // Wide enough to read on a phone: the table scrolls sideways in its own box instead.
          { label: t("rule"), className: "min-w-72" },
        ]}>
        {objectActions.map((action) => {
          const verdict = access.actions[action];
          return (
            <tr key={action}>
              <th scope="row" className="px-4 py-2 text-left font-medium text-gray-900">
                {t(`actions.${action}`)}
              </th>
              <td className={`px-4 py-2 font-medium ${verdict.allowed ? "text-green-800" : "text-red-800"}`}>{verdict.allowed ? t("allowed") : t("denied")}</td>
              <td className="px-4 py-2 text-gray-700">
                <Verdict verdict={verdict.role} />
              </td>
              <td className="px-4 py-2 text-gray-700 break-words">
                <Verdict verdict={verdict.rule} />
              </td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
