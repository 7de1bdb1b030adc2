import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { addSiteMemberAction, removeSiteMemberAction } from "@/app/(app)/admin/sites/actions";
import { AdminBreadcrumbs, Badge, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { ArchiveSiteForm } from "@/components/admin/sites/archive-site-form";
import { EditSiteForm } from "@/components/admin/sites/edit-site-form";
import { MembersSection } from "@/components/admin/sites/members-section";
import { enterPage } from "@/lib/gate/page-gate";
import { getSiteDetails } from "@/lib/sites/get-site";
import { timeZoneOptions } from "@/lib/sites/time-zones";

export const metadata: Metadata = { title: "Site" };

export default async function AdminSitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await enterPage({ name: "sites.list", capability: "administer" });
  const found = await getSiteDetails(db, user, { id });
  if (!found.ok) notFound();
  const { site, members, candidates } = found.data;
  const archived = site.archivedAt !== null;

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Sites", href: "/admin/sites" }, { label: site.name }]} />
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{site.name}</h1>
          {archived && <Badge tone="amber">Archived</Badge>}
        </div>
        <p className="mt-1 text-sm text-gray-600">
          {site.timeZone.replaceAll("_", " ")} · <MemberCount total={site.memberCount} active={site.activeMemberCount} />
        </p>
      </div>

      <div className="grid gap-8 lg:grid-cols-3">
        <MembersSection
          members={members}
          candidates={candidates}
          addAction={addSiteMemberAction}
          removeAction={removeSiteMemberAction}
          groupField="siteId"
          groupId={site.id}
          removalConsequence={
            archived ? "This site is archived: they cannot be added back until it is unarchived." : "They lose the access this site gives them."
          }
          closedMessage={archived ? "This site is archived: it takes no new members. Unarchive it to add some." : undefined}
        />

        <div className="space-y-6">
          <section aria-labelledby="details" className="rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="details" className="mb-4 text-lg font-semibold">
              Details
            </h2>
            <EditSiteForm site={{ id: site.id, name: site.name, timeZone: site.timeZone, version: site.version }} timeZones={timeZoneOptions(site.timeZone)} />
          </section>
          <section aria-labelledby="archive" className="rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="archive" className="mb-3 text-lg font-semibold">
              {archived ? "Archived" : "Archive"}
            </h2>
            <ArchiveSiteForm
              key={site.version}
              site={{ id: site.id, name: site.name, version: site.version, archived, memberCount: site.memberCount }}
            />
          </section>
        </div>
      </div>
    </div>
  );
}
