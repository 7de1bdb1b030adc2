import type { Metadata } from "next";
import { AdminBreadcrumbs, Badge, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { CreateSiteForm } from "@/components/admin/sites/create-site-form";
import { enterPage } from "@/lib/gate/page-gate";
import { listSites, type SiteSummary } from "@/lib/sites/list-sites";
import { timeZoneOptions } from "@/lib/sites/time-zones";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Sites" };

const archivedOn = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

function SiteTable({ sites, archived }: { sites: SiteSummary[]; archived: boolean }) {
  return (
    <DataTable columns={["Site", "Time zone", "Members", archived && "Archived"]}>
      {sites.map((site) => (
        <tr key={site.id} className={archived ? "text-gray-600" : undefined}>
          <RecordLinkCell href={`/admin/sites/${site.id}`} name={site.name} />
          <td className="px-4 py-2 text-gray-600">{site.timeZone.replaceAll("_", " ")}</td>
          <td className="px-4 py-2">
            <MemberCount total={site.memberCount} active={site.activeMemberCount} />
          </td>
          {archived && <td className="px-4 py-2">{site.archivedAt ? archivedOn.format(site.archivedAt) : ""}</td>}
        </tr>
      ))}
    </DataTable>
  );
}

export default async function AdminSitesPage() {
  const { user, db } = await enterPage({ name: "sites.list", capability: "administer" });
  const listed = await listSites(db, user);
  if (!listed.ok) throw new Error(listed.error.message);
  const { sites, organizationTimeZone } = listed.data;
  const active = sites.filter((site) => !site.archivedAt);
  const archived = sites.filter((site) => site.archivedAt);

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Sites" }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Sites</h1>
        <p className="mt-1 text-sm text-gray-600">
          Factories, business units, departments or countries. Objects shared with a site are visible to its members;
          a user&apos;s sites can also be edited from their page under Users.
        </p>
      </div>

      <div className="grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="active-sites" className="space-y-3 lg:col-span-2">
          <h2 id="active-sites" className="text-lg font-semibold">
            Active sites <span className="text-sm font-normal text-gray-500">({active.length})</span>
          </h2>
          {active.length > 0 ? (
            <SiteTable sites={active} archived={false} />
          ) : (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">
              No active site. Without sites, new objects are shared with the whole organisation by default.
            </p>
          )}
          {archived.length > 0 && (
            <section aria-labelledby="archived-sites" className="space-y-3 pt-4">
              <h2 id="archived-sites" className="flex items-center gap-2 text-lg font-semibold">
                Archived sites <Badge tone="amber">{archived.length}</Badge>
              </h2>
              <p className="text-sm text-gray-600">
                Their members keep the access they give, but they take no new members and cannot be picked for new
                scopes or access rules.
              </p>
              <SiteTable sites={archived} archived />
            </section>
          )}
        </section>

        <section aria-labelledby="new-site" className="h-fit rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="new-site" className="mb-4 text-lg font-semibold">
            New site
          </h2>
          <CreateSiteForm timeZones={timeZoneOptions(organizationTimeZone)} defaultTimeZone={organizationTimeZone} />
        </section>
      </div>
    </div>
  );
}
