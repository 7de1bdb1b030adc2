import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { DeactivateUserForm } from "@/components/admin/users/deactivate-user-form";
import { EditUserForm } from "@/components/admin/users/edit-user-form";
import { SignInLabel } from "@/components/admin/users/sign-in-label";
import { FormStatus } from "@/components/ui/form-status";
import { Instant } from "@/components/ui/instant";
import { enterPage } from "@/lib/gate/page-gate";
import { listHandoverCandidates, loadUserDetails } from "@/lib/users/user-details";
import { loadUserFormOptions } from "@/lib/users/user-form-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("page.metaTitle") };
}

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-gray-600">{label}</dt>
      <dd className="mt-1 text-sm text-gray-900 [overflow-wrap:anywhere]">{children}</dd>
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
  const [options, candidates, t, tAdmin, tCommon, format] = await Promise.all([
    user.active ? loadUserFormOptions(db, viewer, user.properties) : null,
    user.active && user.id !== viewer.id ? listHandoverCandidates(db, viewer.organizationId, user.id) : null,
    getTranslations("adminUsers"),
    getTranslations("admin"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const siteNames = details.sites.map((site) =>
    [site.name, site.id === user.primarySiteId && t("primaryMark"), site.archived && t("archivedMark")].filter(Boolean).join(" "),
  );

  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title"), href: "/admin/users" }, { label: user.name }]} />
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight text-gray-900 [overflow-wrap:anywhere]">{user.name}</h1>
          {user.active ? (
            <span className="rounded bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800">{tCommon("states.active")}</span>
          ) : (
            <span className="rounded bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700">{tCommon("states.deactivated")}</span>
          )}
        </div>
        <p className="mt-1 text-sm text-gray-600 [overflow-wrap:anywhere]">{user.email}</p>
      </div>

      {notice.created && <FormStatus success={t("page.created")} />}
      {notice.deactivated && <FormStatus success={t("page.deactivated")} />}

      <section className="rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label={t("page.facts.role")}>{tCommon(`roles.${user.role}`)}</Fact>
          <Fact label={t("page.facts.kind")}>{t(`kinds.${user.kind}`)}</Fact>
          <Fact label={t("page.facts.signIn")}>
            <SignInLabel user={user} />
          </Fact>
          <Fact label={t("page.facts.lastActivity")}>{details.lastActivityAt ? <Instant value={details.lastActivityAt} /> : t("never")}</Fact>
          <Fact label={t("page.facts.sites")}>{siteNames.length === 0 ? tCommon("none") : format.list(siteNames)}</Fact>
          <Fact label={t("page.facts.teams")}>{details.teams.length === 0 ? tCommon("none") : format.list(details.teams.map((team) => team.name))}</Fact>
          <Fact label={t("page.facts.created")}>
            <Instant value={user.createdAt} />
          </Fact>
          <Fact label={t("page.facts.updated")}>
            <Instant value={user.updatedAt} />
          </Fact>
        </dl>
      </section>

      {options ? (
        <section aria-labelledby="edit-user" className="rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
          <h2 id="edit-user" className="mb-4 text-base font-semibold text-gray-900">
            {t("page.editHeading")}
          </h2>
          <EditUserForm user={user} options={options} />
        </section>
      ) : (
        <p className="rounded-md border border-gray-200 bg-gray-50 px-4 py-3 text-sm text-gray-700">{t("page.deactivatedNote")}</p>
      )}

      <section aria-labelledby="named-on" className="rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <h2 id="named-on" className="text-base font-semibold text-gray-900">
          {t("page.namedOn.heading")}
        </h2>
        <p className="mt-1 text-sm text-gray-600">{t("page.namedOn.intro", { name: user.name })}</p>
        {details.relatedObjects.length === 0 ? (
          <p className="mt-3 text-sm text-gray-600">{t("page.namedOn.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-gray-100 text-sm">
            {details.relatedObjects.map((object) => (
              <li key={object.id} className="flex flex-wrap items-baseline gap-x-3 py-2 [overflow-wrap:anywhere]">
                <span className="font-mono text-xs text-gray-600">{object.reference}</span>
                <span className="font-medium text-gray-900">{object.title}</span>
                <span className="text-gray-600">
                  {tCommon(`objectTypes.${object.type}`)} · {format.list(object.via)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {user.active && (
        <section aria-labelledby="deactivation" className="rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
          <h2 id="deactivation" className="text-base font-semibold text-gray-900">
            {t("page.deactivation.heading")}
          </h2>
          {user.id === viewer.id ? (
            <p className="mt-1 text-sm text-gray-600">{t("page.deactivation.self")}</p>
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
