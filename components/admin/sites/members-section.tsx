import type { MemberUser } from "@/lib/sites/membership-users";
import { roleLabels } from "@/lib/users/role-labels";
import { Badge } from "./admin-page-parts";
import { AddMemberForm, RemoveMemberButton, type MembershipAction } from "./member-forms";
import { DataTable } from "@/components/ui/data-table";

const memberSince = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

interface MembersSectionProps<A, R> {
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
export function MembersSection<A, R>({ members, candidates, addAction, removeAction, groupField, groupId, removalConsequence, closedMessage }: MembersSectionProps<A, R>) {
  return (
    <section aria-labelledby="members" className="space-y-4 lg:col-span-2">
      <h2 id="members" className="text-lg font-semibold">
        Members
      </h2>
      {members.length > 0 ? (
        <DataTable columns={["Name", "Role", "Member since", { label: "Actions", hidden: true }]}>
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
        <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">No member yet.</p>
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
              label: `${candidate.name} — ${candidate.email} (${roleLabels[candidate.role]})`,
            }))}
          />
        )}
      </div>
    </section>
  );
}
