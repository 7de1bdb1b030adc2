import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeactivateUserForm } from "@/components/admin/users/deactivate-user-form";
import { EditUserForm } from "@/components/admin/users/edit-user-form";
import { formatInstant, signInLabel } from "@/components/admin/users/user-labels";
import { FormStatus } from "@/components/ui/form-status";
import { enterPage } from "@/lib/gate/page-gate";
import { objectTypeLabels } from "@/lib/objects/object-type-labels";
import { roleLabels } from "@/lib/users/role-labels";
import { listHandoverCandidates, loadUserDetails } from "@/lib/users/user-details";
import { loadUserFormOptions } from "@/lib/users/user-form-options";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";

export const metadata: Metadata = { title: "User" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">{label}</dt>
      <dd className="mt-1 text-sm text-gray-900">{children}</dd>
    </div>
  );
}

export default async function UserPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { user: viewer, db } = await enterPage({ name: "users.read", capability: "administer" });
  const { id } = await params;
  const notice = await searchParams;
  const details = await loadUserDetails(db, viewer, id);
  if (!details) notFound();
  const { user } = details;
  const [options, candidates] = await Promise.all([
    user.active ? loadUserFormOptions(db, viewer, user.properties) : null,
    user.active && user.id !== viewer.id ? listHandoverCandidates(db, viewer.organizationId, user.id) : null,
  ]);
  const kindLabel = user.kind === "shared" ? "Shared computer" : user.kind === "service" ? "Integration (service account)" : "Personal";

  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Users", href: "/admin/users" }, { label: user.name }]} />
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{user.name}</h1>
          {user.active ? (
            <span className="rounded bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800">Active</span>
          ) : (
            <span className="rounded bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700">Deactivated</span>
          )}
        </div>
        <p className="mt-1 text-sm text-gray-600">{user.email}</p>
      </div>

      {notice.created && <FormStatus success="Account created. Give the user their initial password yourself: it is not shown again." />}
      {notice.deactivated && <FormStatus success="Account deactivated. Its sessions have ended." />}

      <section className="rounded-lg border border-gray-200 bg-white p-6">
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label="Role">{roleLabels[user.role]}</Fact>
          <Fact label="Kind of account">{kindLabel}</Fact>
          <Fact label="Sign-in">{signInLabel(user)}</Fact>
          <Fact label="Last activity">{formatInstant(details.lastActivityAt)}</Fact>
          <Fact label="Sites">
            {details.sites.length === 0
              ? "None"
              : details.sites.map((site) => `${site.name}${site.id === user.primarySiteId ? " (primary)" : ""}${site.archived ? " (archived)" : ""}`).join(", ")}
          </Fact>
          <Fact label="Teams">{details.teams.length === 0 ? "None" : details.teams.map((team) => team.name).join(", ")}</Fact>
          <Fact label="Created">{formatInstant(user.createdAt)}</Fact>
          <Fact label="Last changed">{formatInstant(user.updatedAt)}</Fact>
        </dl>
      </section>

      {options ? (
        <section className="rounded-lg border border-gray-200 bg-white p-6">
          <h2 className="mb-4 text-base font-semibold text-gray-900">Role, sites and properties</h2>
          <EditUserForm user={user} options={options} />
        </section>
      ) : (
        <p className="rounded-md border border-gray-200 bg-gray-50 px-4 py-3 text-sm text-gray-700">
          This account is deactivated: it cannot sign in and cannot be changed here. Only support (the operator) can
          reactivate it.
        </p>
      )}

      <section className="rounded-lg border border-gray-200 bg-white p-6">
        <h2 className="text-base font-semibold text-gray-900">Named on objects</h2>
        <p className="mt-1 text-sm text-gray-600">Objects whose user properties name {user.name}, among those you may see.</p>
        {details.relatedObjects.length === 0 ? (
          <p className="mt-3 text-sm text-gray-500">None.</p>
        ) : (
          <ul className="mt-3 divide-y divide-gray-100 text-sm">
            {details.relatedObjects.map((object) => (
              <li key={object.id} className="flex flex-wrap items-baseline gap-x-3 py-2">
                <span className="font-mono text-xs text-gray-500">{object.reference}</span>
                <span className="font-medium text-gray-900">{object.title}</span>
                <span className="text-gray-500">
                  {objectTypeLabels[object.type].singular} · {object.via.join(", ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {user.active && (
        <section className="rounded-lg border border-gray-200 bg-white p-6">
          <h2 className="text-base font-semibold text-gray-900">Deactivation</h2>
          {user.id === viewer.id ? (
            <p className="mt-1 text-sm text-gray-600">You cannot deactivate your own account: ask another Admin.</p>
          ) : (
            <div className="mt-3">
              {candidates && (
                <DeactivateUserForm user={{ id: user.id, name: user.name, version: user.version }} handovers={details.handovers} candidates={candidates} />
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
