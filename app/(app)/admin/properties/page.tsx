import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { targetPlural, targetSingular } from "@/components/admin/properties/target-label";
import { buttonStyles } from "@/components/ui/button-styles";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";
import { enterPage } from "@/lib/gate/page-gate";
import { groupPropertiesByTarget } from "@/lib/properties/property-admin";
import { loadPropertyViews, type PropertyView } from "@/lib/properties/property-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminProperties"))("title") };
}

async function Details({ property }: { property: PropertyView }) {
  const [t, tCommon] = await Promise.all([getTranslations("adminProperties"), getTranslations("common")]);
  if (property.options) {
    return (
      <ul className="flex flex-wrap gap-1">
        {property.options.map((option) => (
          <li key={option.id} className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">
            {option.label}
          </li>
        ))}
      </ul>
    );
  }
  if (property.targetType) return <span className="text-gray-700">{t("pointsAtTarget", { target: targetPlural(t, tCommon, property.targetType) })}</span>;
  return <span className="text-gray-600">{t("noDetails")}</span>;
}

export default async function PropertiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await enterPage({ name: "properties.list", capability: "administer" });
  const groups = groupPropertiesByTarget(await loadPropertyViews(db, user.organizationId));
  const [{ deleted }, t, tCommon, format] = await Promise.all([searchParams, getTranslations("adminProperties"), getTranslations("common"), getFormatter()]);

  return (
    <div className="space-y-8">
      <AdminPageHeader title={t("title")} description={t("description")} />
      {deleted && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("deleted")}
        </p>
      )}
      <nav aria-label={t("targetsNavigation")} className="flex flex-wrap gap-2 text-sm">
        {groups.map((group) => (
          <a key={group.target} href={`#${group.target}`} className="rounded-md border border-gray-200 bg-white px-2.5 py-1 text-gray-700 hover:bg-gray-50">
            {targetPlural(t, tCommon, group.target)} <span className="text-gray-600">{format.number(group.properties.length)}</span>
          </a>
        ))}
      </nav>
      {groups.map((group) => {
        const label = targetPlural(t, tCommon, group.target);
        return (
          <section key={group.target} id={group.target} aria-labelledby={`${group.target}-heading`} className="scroll-mt-4 space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
              <h2 id={`${group.target}-heading`} className="text-lg font-semibold text-gray-900">
                {label}
              </h2>
              <Link href={`/admin/properties/new?appliesTo=${group.target}`} className={buttonStyles.secondary}>
                <span aria-hidden="true">{t("add")}</span>
                <span className="sr-only">{t(`addTo.${group.target}`)}</span>
              </Link>
            </div>
            {group.properties.length === 0 ? (
              <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-3 text-sm text-gray-600">{t("empty")}</p>
            ) : (
              <DataTable
                caption={label}
                columns={[{ label: t("columns.name"), className: "w-1/4" }, { label: t("columns.type"), className: "w-40" }, t("columns.details")]}
              >
                {group.properties.map((property) => (
                  <tr key={property.id} className="[overflow-wrap:anywhere]">
                    <RecordLinkCell href={`/admin/properties/${property.id}`} name={property.name} />
                    <td className="px-4 py-2 text-gray-700">{t(`types.${property.type}`)}</td>
                    <td className="px-4 py-2">
                      <Details property={property} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
            {group.pointingHere.length > 0 && (
              <div className="text-sm text-gray-600 [overflow-wrap:anywhere]">
                <p>{t("pointingHere")}</p>
                <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                  {group.pointingHere.map((property) => (
                    <li key={property.id}>
                      <Link href={`/admin/properties/${property.id}`} className="text-blue-700 hover:underline">
                        {targetSingular(t, tCommon, property.appliesTo)} · {property.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
