import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { addTeamMemberAction, removeTeamMemberAction } from "@/app/(app)/admin/teams/actions";
import { AdminBreadcrumbs, Badge, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { AddMemberForm, RemoveMemberButton } from "@/components/admin/sites/member-forms";
import { DeleteTeamForm } from "@/components/admin/teams/delete-team-form";
import { RenameTeamForm } from "@/components/admin/teams/rename-team-form";
import { enterPage } from "@/lib/gate/page-gate";
import { getTeamDetails } from "@/lib/teams/get-team";
import { roleLabels } from "@/lib/users/role-labels";

export const metadata: Metadata = { title: "Team" };

const memberSince = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export default async function AdminTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await enterPage({ name: "teams.list", capability: "administer" });
  const found = await getTeamDetails(db, user, { id });
  if (!found.ok) notFound();
  const { team, members, candidates, deletion } = found.data;

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Teams", href: "/admin/teams" }, { label: team.name }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{team.name}</h1>
        <p className="mt-1 text-sm text-gray-600">
          <MemberCount total={team.memberCount} active={team.activeMemberCount} />
          {deletion.rules.length > 0 && ` · named by ${deletion.rules.length} access rule${deletion.rules.length === 1 ? "" : "s"}`}
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
                          action={removeTeamMemberAction}
                          groupField="teamId"
                          groupId={team.id}
                          userId={member.id}
                          userName={member.name}
                          consequence={
                            deletion.rules.length > 0
                              ? "They lose what the access rules naming this team grant them."
                              : "They are no longer part of this team."
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
            <AddMemberForm
              action={addTeamMemberAction}
              groupField="teamId"
              groupId={team.id}
              candidates={candidates.map((candidate) => ({
                id: candidate.id,
                label: `${candidate.name} — ${candidate.email} (${roleLabels[candidate.role]})`,
              }))}
            />
          </div>
        </section>

        <div className="space-y-6">
          <section aria-labelledby="details" className="rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="details" className="mb-4 text-lg font-semibold">
              Details
            </h2>
            <RenameTeamForm team={{ id: team.id, name: team.name, version: team.version }} />
          </section>
          <section aria-labelledby="delete" className="rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="delete" className="mb-3 text-lg font-semibold">
              Delete
            </h2>
            <DeleteTeamForm
              key={team.version}
              team={{ id: team.id, name: team.name, version: team.version, memberCount: team.memberCount }}
              rules={deletion.rules}
              visibleProjects={deletion.visibleProjects}
            />
          </section>
        </div>
      </div>
    </div>
  );
}
