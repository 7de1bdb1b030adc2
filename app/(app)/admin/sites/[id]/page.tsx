import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { addSiteMemberAction, removeSiteMemberAction } from "@/app/(app)/admin/sites/actions";
import { AdminBreadcrumbs, Badge, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { ArchiveSiteForm } from "@/components/admin/sites/archive-site-form";
import { EditSiteForm } from "@/components/admin/sites/edit-site-form";
import { MembersSection } from "@/components/admin/sites/members-section";
import { enterPage } from "@/lib/gate/page-gate";
import { getSiteDetails } from "@/lib/sites/get-site";
import { timeZoneOptions } from "@/lib/sites/time-zones";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminSites"))("page.metaTitle") };
}

export default async function AdminSitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await enterPage({ name: "sites.list", capability: "administer" });
  const found = await getSiteDetails(db, user, { id });
  if (!found.ok) notFound();
  const { site, members, candidates } = found.data;
  const archived = site.archivedAt !== null;
  const [t, tAdmin, tStates] = await Promise.all([getTranslations("adminSites"), getTranslations("admin"), getTranslations("common.states")]);

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title"), href: "/admin/sites" }, { label: site.name }]} />
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{site.name}</h1>
          {archived && <Badge tone="amber">{tStates("archived")}</Badge>}
        </div>
        <p className="mt-1 text-sm text-gray-600">
          {site.timeZone.replaceAll("_", " ")} · <MemberCount total={site.memberCount} active={site.activeMemberCount} />
        </p>
      </div>

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
        <MembersSection
          groupName={site.name}
          members={members}
          candidates={candidates}
          addAction={addSiteMemberAction}
          removeAction={removeSiteMemberAction}
          groupField="siteId"
          groupId={site.id}
          removalConsequence={t(archived ? "page.removalConsequenceArchived" : "page.removalConsequence")}
          closedMessage={archived ? t("page.closed") : undefined}
        />

        <div className="min-w-0 space-y-6">
          <section aria-labelledby="details" className="rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="details" className="mb-4 text-lg font-semibold">
              {t("page.details")}
            </h2>
            <EditSiteForm site={{ id: site.id, name: site.name, timeZone: site.timeZone, version: site.version }} timeZones={timeZoneOptions(site.timeZone)} />
          </section>
          <section aria-labelledby="archive" className="rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="archive" className="mb-3 text-lg font-semibold">
              {t(archived ? "page.archivedHeading" : "page.archiveHeading")}
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
