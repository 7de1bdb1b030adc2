import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { addSiteMemberAction, removeSiteMemberAction } from "@/app/(app)/admin/sites/actions";
import { AdminBreadcrumbs, Badge, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { ArchiveSiteForm } from "@/components/admin/sites/archive-site-form";
import { EditSiteForm } from "@/components/admin/sites/edit-site-form";
import { AddMemberForm, RemoveMemberButton } from "@/components/admin/sites/member-forms";
import { enterPage } from "@/lib/gate/page-gate";
import { getSiteDetails } from "@/lib/sites/get-site";
import { timeZoneOptions } from "@/lib/sites/time-zones";
import { roleLabels } from "@/lib/users/role-labels";

export const metadata: Metadata = { title: "Site" };

const memberSince = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

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
        <section aria-labelledby="members" className="space-y-4 lg:col-span-2">
          <h2 id="members" className="text-lg font-semibold">
            Members
          </h2>
          {members.length > 0 ? (
            <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Name
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Role
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Member since
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {members.map((member) => (
                    <tr key={member.id} className="align-top">
                      <td className="px-4 py-2">
                        <div className="flex flex-wrap items-center gap-2 font-medium text-gray-900">
                          {member.name}
                          {!member.active && <Badge tone="gray">Deactivated</Badge>}
                          {member.kind === "service" && <Badge tone="blue">Integration</Badge>}
                        </div>
                        <div className="text-gray-500">{member.email}</div>
                      </td>
                      <td className="whitespace-nowrap px-4 py-2 text-gray-700">{roleLabels[member.role]}</td>
                      <td className="whitespace-nowrap px-4 py-2 text-gray-600">{memberSince.format(member.since)}</td>
                      <td className="px-4 py-2 text-right">
                        <RemoveMemberButton
                          action={removeSiteMemberAction}
                          groupField="siteId"
                          groupId={site.id}
                          userId={member.id}
                          userName={member.name}
                          consequence={
                            archived
                              ? "This site is archived: they cannot be added back until it is unarchived."
                              : "They lose the access this site gives them."
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">No member yet.</p>
          )}
          <div className="rounded-lg border border-gray-200 bg-white p-5">
            {archived ? (
              <p className="text-sm text-gray-600">This site is archived: it takes no new members. Unarchive it to add some.</p>
            ) : (
              <AddMemberForm
                action={addSiteMemberAction}
                groupField="siteId"
                groupId={site.id}
                candidates={candidates.map((candidate) => ({
                  id: candidate.id,
                  label: `${candidate.name} — ${candidate.email} (${roleLabels[candidate.role]})`,
                }))}
              />
            )}
          </div>
        </section>

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
