import { useTranslations } from "next-intl";
import type { Person } from "@/lib/people/get-person";

/** Who a colleague is: e-mail, role, sites, and the kind of account when it is not a personal one. */
export function PersonCard({ person }: { person: Person }) {
  const t = useTranslations("people");
  const tRoles = useTranslations("common.roles");
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-gray-200 bg-white p-4 text-sm sm:grid-cols-2 sm:p-6 lg:grid-cols-4">
      <div className="min-w-0">
        <dt className="text-gray-600">{t("labels.email")}</dt>
        <dd className="font-medium text-gray-900 [overflow-wrap:anywhere]">
          <a href={`mailto:${person.email}`} className="text-blue-700 hover:underline">
            {person.email}
          </a>
        </dd>
      </div>
      <div>
        <dt className="text-gray-600">{t("labels.role")}</dt>
        <dd className="font-medium text-gray-900">{tRoles(person.role)}</dd>
      </div>
      <div className="min-w-0">
        <dt className="text-gray-600">{t("labels.sites")}</dt>
        <dd className="font-medium text-gray-900 [overflow-wrap:anywhere]">
          {person.sites.length === 0
            ? t("noSites")
            : person.sites.map((site) => (site.archived ? t("archivedSite", { name: site.name }) : site.name)).join(", ")}
        </dd>
      </div>
      <div>
        <dt className="text-gray-600">{t("labels.account")}</dt>
        <dd className="font-medium text-gray-900">
          {t(`accountKinds.${person.kind}`)}
          {!person.active && <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">{t("deactivated")}</span>}
        </dd>
      </div>
    </dl>
  );
}
