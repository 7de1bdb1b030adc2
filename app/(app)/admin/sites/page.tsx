import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminBreadcrumbs, Badge, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { CreateSiteForm } from "@/components/admin/sites/create-site-form";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";
import { Instant } from "@/components/ui/instant";
import { enterPage } from "@/lib/gate/page-gate";
import { listSites, type SiteSummary } from "@/lib/sites/list-sites";
import { timeZoneOptions } from "@/lib/sites/time-zones";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminSites"))("title") };
}

async function SiteTable({ sites, archived }: { sites: SiteSummary[]; archived: boolean }) {
  const t = await getTranslations("adminSites");
  return (
    <DataTable
      caption={t(archived ? "archived.caption" : "active.caption")}
      columns={[t("columns.site"), t("columns.timeZone"), t("columns.members"), archived && t("columns.archivedOn")]}
    >
      {sites.map((site) => (
        <tr key={site.id} className={archived ? "text-gray-700" : undefined}>
          <RecordLinkCell href={`/admin/sites/${site.id}`} name={site.name} />
          <td className="whitespace-nowrap px-4 py-2 text-gray-700">{site.timeZone.replaceAll("_", " ")}</td>
          <td className="whitespace-nowrap px-4 py-2">
            <MemberCount total={site.memberCount} active={site.activeMemberCount} />
          </td>
          {archived && <td className="whitespace-nowrap px-4 py-2">{site.archivedAt && <Instant value={site.archivedAt} style="date" />}</td>}
        </tr>
      ))}
    </DataTable>
  );
}

export default async function AdminSitesPage() {
  const { user, db } = await enterPage({ name: "sites.list", capability: "administer" });
  const [listed, t, tAdmin] = await Promise.all([listSites(db, user), getTranslations("adminSites"), getTranslations("admin")]);
  if (!listed.ok) throw new Error(listed.error.message);
  const { sites, organizationTimeZone } = listed.data;
  const active = sites.filter((site) => !site.archivedAt);
  const archived = sites.filter((site) => site.archivedAt);

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title") }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro")}</p>
      </div>

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
        <section aria-labelledby="active-sites" className="min-w-0 space-y-3 lg:col-span-2">
          <h2 id="active-sites" className="text-lg font-semibold">
            {t("active.heading")} <span className="text-sm font-normal text-gray-600">({active.length})</span>
          </h2>
          {active.length > 0 ? (
            <SiteTable sites={active} archived={false} />
          ) : (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{t("active.none")}</p>
          )}
          {archived.length > 0 && (
            <section aria-labelledby="archived-sites" className="space-y-3 pt-4">
              <h2 id="archived-sites" className="flex items-center gap-2 text-lg font-semibold">
                {t("archived.heading")} <Badge tone="amber">{archived.length}</Badge>
              </h2>
              <p className="text-sm text-gray-600">{t("archived.intro")}</p>
              <SiteTable sites={archived} archived />
            </section>
          )}
        </section>

        <section aria-labelledby="new-site" className="h-fit min-w-0 rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="new-site" className="mb-4 text-lg font-semibold">
            {t("create.heading")}
          </h2>
          <CreateSiteForm timeZones={timeZoneOptions(organizationTimeZone)} defaultTimeZone={organizationTimeZone} />
        </section>
      </div>
    </div>
  );
}
