import { useTranslations } from "next-intl";
import type { MemberUser } from "@/lib/sites/membership-users";
import { Instant } from "@/components/ui/instant";
import { Badge } from "./admin-page-parts";
import { AddMemberForm, RemoveMemberButton, type MembershipAction } from "./member-forms";
import { DataTable } from "@/components/ui/data-table";

interface MembersSectionProps<A, R> {
  /** The site's or team's name, naming the table for screen readers. */
  groupName: string;
  members: (MemberUser & { since: Date })[];
  /** Active users who are not members yet. */
  candidates: MemberUser[];
  addAction: MembershipAction<A>;
  removeAction: MembershipAction<R>;
  groupField: "siteId" | "teamId";
  groupId: string;
  /** What removing a member means, said in the confirmation. */
  removalConsequence: string;
  /** Said instead of the add form when the group takes no new members (an archived site). */
  closedMessage?: string;
}

/** The members of a site or a team: who, their role, since when, with remove and add (the same on both pages). */
export function MembersSection<A, R>({
  groupName,
  members,
  candidates,
  addAction,
  removeAction,
  groupField,
  groupId,
  removalConsequence,
  closedMessage,
}: MembersSectionProps<A, R>) {
  const t = useTranslations("admin.members");
  const tCommon = useTranslations("common");
  return (
    <section aria-labelledby="members" className="min-w-0 space-y-4 lg:col-span-2">
      <h2 id="members" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      {members.length > 0 ? (
        <DataTable
          caption={t("caption", { group: groupName })}
          columns={[t("columns.name"), t("columns.role"), t("columns.since"), { label: t("columns.actions"), hidden: true }]}
        >
          {members.map((member) => (
            <tr key={member.id} className="align-top">
              <td className="min-w-48 px-4 py-2">
                <div className="flex flex-wrap items-center gap-2 font-medium text-gray-900 [overflow-wrap:anywhere]">
                  {member.name}
                  {!member.active && <Badge tone="gray">{tCommon("states.deactivated")}</Badge>}
                  {member.kind === "service" && <Badge tone="blue">{t("integration")}</Badge>}
                </div>
                {/* One line, cut short if it must: an address broken mid-word misreads; the full one is in the title. */}
                <div className="max-w-xs truncate text-gray-600" title={member.email}>
                  {member.email}
                </div>
              </td>
              <td className="whitespace-nowrap px-4 py-2 text-gray-700">{tCommon(`roles.${member.role}`)}</td>
              <td className="whitespace-nowrap px-4 py-2 text-gray-700">
                <Instant value={member.since} style="date" />
              </td>
              <td className="px-4 py-2 text-right">
                <RemoveMemberButton
                  action={removeAction}
                  groupField={groupField}
                  groupId={groupId}
                  userId={member.id}
                  userName={member.name}
                  consequence={removalConsequence}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{t("none")}</p>
      )}
      <div className="rounded-lg border border-gray-200 bg-white p-5">
        {closedMessage ? (
          <p className="text-sm text-gray-600">{closedMessage}</p>
        ) : (
          <AddMemberForm
            action={addAction}
            groupField={groupField}
            groupId={groupId}
            candidates={candidates.map((candidate) => ({
              id: candidate.id,
              label: t("candidate", { name: candidate.name, email: candidate.email, role: tCommon(`roles.${candidate.role}`) }),
            }))}
          />
        )}
      </div>
    </section>
  );
}
