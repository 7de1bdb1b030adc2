import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminBreadcrumbs, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { CreateTeamForm } from "@/components/admin/teams/create-team-form";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";
import { enterPage } from "@/lib/gate/page-gate";
import { listTeams } from "@/lib/teams/list-teams";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminTeams"))("title") };
}

export default async function AdminTeamsPage() {
  const { user, db } = await enterPage({ name: "teams.list", capability: "administer" });
  const [listed, t, tAdmin] = await Promise.all([listTeams(db, user), getTranslations("adminTeams"), getTranslations("admin")]);
  if (!listed.ok) throw new Error(listed.error.message);
  const teams = listed.data;

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title") }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro")}</p>
      </div>

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
        <section aria-labelledby="teams" className="min-w-0 space-y-3 lg:col-span-2">
          <h2 id="teams" className="text-lg font-semibold">
            {t("title")} <span className="text-sm font-normal text-gray-600">({teams.length})</span>
          </h2>
          {teams.length > 0 ? (
            <DataTable caption={t("caption")} columns={[t("columns.team"), t("columns.members")]}>
              {teams.map((team) => (
                <tr key={team.id}>
                  <RecordLinkCell href={`/admin/teams/${team.id}`} name={team.name} />
                  <td className="whitespace-nowrap px-4 py-2">
                    <MemberCount total={team.memberCount} active={team.activeMemberCount} />
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{t("none")}</p>
          )}
        </section>

        <section aria-labelledby="new-team" className="h-fit min-w-0 rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="new-team" className="mb-4 text-lg font-semibold">
            {t("create.heading")}
          </h2>
          <CreateTeamForm />
        </section>
      </div>
    </div>
  );
}
