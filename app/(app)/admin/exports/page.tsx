import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportCard } from "@/components/admin/exports/export-card";
import { ExportFilterField } from "@/components/admin/exports/export-filter-field";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { objectTypes } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { listSites } from "@/lib/sites/list-sites";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminExports"))("title") };
}

export default async function AdminExportsPage() {
  const { user, db } = await enterPage({ name: "exports.list", capability: "export" });
  const [listed, t, tAdmin, tCommon] = await Promise.all([
    listSites(db, user),
    getTranslations("adminExports"),
    getTranslations("admin"),
    getTranslations("common"),
  ]);
  if (!listed.ok) throw new Error(listed.error.message);
  const kind = (key: "users" | "sites" | "objects" | "accessRules" | "auditLog") => ({ title: t(`kinds.${key}.title`), description: t(`kinds.${key}.description`) });

  return (
    <div className="space-y-6">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title") }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro")}</p>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("safety")}</p>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
        <ExportCard kind="users" {...kind("users")} />
        <ExportCard kind="sites" {...kind("sites")} />
        <ExportCard kind="objects" {...kind("objects")}>
          <p className="text-sm text-gray-700">{t("objectsNotExempt")}</p>
          <ExportFilterField id="export-objects-type" label={t("filters.type")}>
            {(props) => (
              <select name="type" {...props}>
                <option value="">{t("filters.anyType")}</option>
                {objectTypes.map((type) => (
                  <option key={type} value={type}>
                    {tCommon(`objectTypesPlural.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </ExportFilterField>
          <ExportFilterField id="export-objects-site" label={t("filters.site")}>
            {(props) => (
              <select name="siteId" {...props}>
                <option value="">{t("filters.anySite")}</option>
                {listed.data.sites.map((site) => (
                  <option key={site.id} value={site.id}>
                    {site.name}
                  </option>
                ))}
              </select>
            )}
          </ExportFilterField>
        </ExportCard>
        <ExportCard kind="access-rules" {...kind("accessRules")} />
        <ExportCard kind="audit-log" {...kind("auditLog")}>
          <div className="grid grid-cols-2 gap-3">
            <ExportFilterField id="export-audit-from" label={t("filters.from")}>
              {(props) => <input type="date" name="from" {...props} />}
            </ExportFilterField>
            <ExportFilterField id="export-audit-to" label={t("filters.to")}>
              {(props) => <input type="date" name="to" {...props} />}
            </ExportFilterField>
          </div>
        </ExportCard>
      </div>
    </div>
  );
}
