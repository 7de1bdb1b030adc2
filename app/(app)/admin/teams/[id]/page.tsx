import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { addTeamMemberAction, removeTeamMemberAction } from "@/app/(app)/admin/teams/actions";
import { AdminBreadcrumbs, MemberCount } from "@/components/admin/sites/admin-page-parts";
import { MembersSection } from "@/components/admin/sites/members-section";
import { DeleteTeamForm } from "@/components/admin/teams/delete-team-form";
import { RenameTeamForm } from "@/components/admin/teams/rename-team-form";
import { enterPage } from "@/lib/gate/page-gate";
import { getTeamDetails } from "@/lib/teams/get-team";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminTeams"))("page.metaTitle") };
}

export default async function AdminTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await enterPage({ name: "teams.list", capability: "administer" });
  const found = await getTeamDetails(db, user, { id });
  if (!found.ok) notFound();
  const { team, members, candidates, deletion } = found.data;
  const [t, tAdmin] = await Promise.all([getTranslations("adminTeams"), getTranslations("admin")]);

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title"), href: "/admin/teams" }, { label: team.name }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{team.name}</h1>
        <p className="mt-1 text-sm text-gray-600">
          <MemberCount total={team.memberCount} active={team.activeMemberCount} />
          {deletion.rules.length > 0 && ` · ${t("page.namedByRules", { count: deletion.rules.length })}`}
        </p>
      </div>

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
        <MembersSection
          groupName={team.name}
          members={members}
          candidates={candidates}
          addAction={addTeamMemberAction}
          removeAction={removeTeamMemberAction}
          groupField="teamId"
          groupId={team.id}
          removalConsequence={t(deletion.rules.length > 0 ? "page.removalConsequenceRuled" : "page.removalConsequence")}
        />

        <div className="min-w-0 space-y-6">
          <section aria-labelledby="details" className="rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="details" className="mb-4 text-lg font-semibold">
              {t("page.details")}
            </h2>
            <RenameTeamForm team={{ id: team.id, name: team.name, version: team.version }} />
          </section>
          <section aria-labelledby="delete" className="rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="delete" className="mb-3 text-lg font-semibold">
              {t("delete.heading")}
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
