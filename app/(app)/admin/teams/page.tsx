import type { Metadata } from "next";
import { AdminBreadcrumbs, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { CreateTeamForm } from "@/components/admin/teams/create-team-form";
import { enterPage } from "@/lib/gate/page-gate";
import { listTeams } from "@/lib/teams/list-teams";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Teams" };

export default async function AdminTeamsPage() {
  const { user, db } = await enterPage({ name: "teams.list", capability: "administer" });
  const listed = await listTeams(db, user);
  if (!listed.ok) throw new Error(listed.error.message);
  const teams = listed.data;

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Teams" }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Teams</h1>
        <p className="mt-1 text-sm text-gray-600">
          Groups of people who work together: projects belong to a team, and access rules can grant by team.
        </p>
      </div>

      <div className="grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="teams" className="space-y-3 lg:col-span-2">
          <h2 id="teams" className="text-lg font-semibold">
            Teams <span className="text-sm font-normal text-gray-500">({teams.length})</span>
          </h2>
          {teams.length > 0 ? (
            <DataTable columns={["Team", "Members"]}>
              {teams.map((team) => (
                <tr key={team.id}>
                  <RecordLinkCell href={`/admin/teams/${team.id}`} name={team.name} />
                  <td className="px-4 py-2">
                    <MemberCount total={team.memberCount} active={team.activeMemberCount} />
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">No team yet.</p>
          )}
        </section>

        <section aria-labelledby="new-team" className="h-fit rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="new-team" className="mb-4 text-lg font-semibold">
            New team
          </h2>
          <CreateTeamForm />
        </section>
      </div>
    </div>
  );
}
