import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { addTeamMemberAction, removeTeamMemberAction } from "@/app/(app)/admin/teams/actions";
import { AdminBreadcrumbs, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { MembersSection } from "@/components/admin/sites/members-section";
import { DeleteTeamForm } from "@/components/admin/teams/delete-team-form";
import { RenameTeamForm } from "@/components/admin/teams/rename-team-form";
import { enterPage } from "@/lib/gate/page-gate";
import { getTeamDetails } from "@/lib/teams/get-team";

export const metadata: Metadata = { title: "Team" };

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
        <MembersSection
          members={members}
          candidates={candidates}
          addAction={addTeamMemberAction}
          removeAction={removeTeamMemberAction}
          groupField="teamId"
          groupId={team.id}
          removalConsequence={
            deletion.rules.length > 0 ? "They lose what the access rules naming this team grant them." : "They are no longer part of this team."
          }
        />

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
