import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeactivateIntegrationForm } from "@/components/admin/integrations/deactivate-integration-form";
import { Fact } from "@/components/admin/integrations/fact";
import { NewTokenForm } from "@/components/admin/integrations/new-token-form";
import { TokenCard } from "@/components/admin/integrations/token-card";
import { AdminBreadcrumbs, Badge } from "@/components/admin/sites/admin-page-parts";
import { Instant } from "@/components/ui/instant";
import { env } from "@/lib/env";
import { enterPage } from "@/lib/gate/page-gate";
import { getIntegration } from "@/lib/integrations/list-integrations";
import { listSiteChoices } from "@/lib/sites/list-site-choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminIntegrations.page"))("metaTitle") };
}

export default async function AdminIntegrationPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await enterPage({ name: "integrations.read", capability: "administer" });
  const { id } = await params;
  const [found, sites, t, tAdmin, tRoles, tCommon] = await Promise.all([
    getIntegration(db, user, { id }),
    listSiteChoices(db, user),
    getTranslations("adminIntegrations"),
    getTranslations("admin"),
    getTranslations("common.roles"),
    getTranslations("common"),
  ]);
  if (!found.ok) notFound();
  const integration = found.data;
  const siteNames = new Map(sites.map((site) => [site.id, site.name]));
  const defaultRateLimit = env().INTEGRATION_RATE_LIMIT_PER_MINUTE;

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs
          trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title"), href: "/admin/integrations" }, { label: integration.name }]}
        />
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{integration.name}</h1>
          {integration.active ? <Badge tone="blue">{t("states.active")}</Badge> : <Badge tone="gray">{t("states.deactivated")}</Badge>}
        </div>
        {!integration.active && <p className="mt-2 text-sm text-gray-700">{t("page.inactiveNote")}</p>}
        <p className="mt-2 text-sm">
          <Link href={`/admin/integration-log?integrationId=${integration.id}`} className="font-medium text-blue-700 hover:underline">
            {t("page.viewLog")}
          </Link>
        </p>
      </div>

      <section aria-labelledby="account" className="space-y-3 rounded-lg border border-gray-200 bg-white p-5">
        <h2 id="account" className="text-lg font-semibold">
          {t("page.account")}
        </h2>
        <p className="text-sm text-gray-600">{t("page.accountHint")}</p>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-4">
          <Fact label={t("page.role")}>{tRoles(integration.role)}</Fact>
          <Fact label={t("page.sites")}>
            {integration.siteIds.length === 0 ? tCommon("none") : integration.siteIds.map((siteId) => siteNames.get(siteId) ?? siteId).join(", ")}
          </Fact>
          <Fact label={t("page.email")}>{integration.email}</Fact>
          <Fact label={t("page.created")}>
            <Instant value={integration.createdAt} />
          </Fact>
        </dl>
        <Link href={`/admin/users/${integration.serviceUserId}`} className="inline-block text-sm font-medium text-blue-700 hover:underline">
          {t("page.editAccount")}
        </Link>
      </section>

      <section aria-labelledby="tokens" className="space-y-3">
        <h2 id="tokens" className="text-lg font-semibold">
          {t("page.tokens")}
        </h2>
        {integration.tokens.length === 0 ? (
          <p className="text-sm text-gray-600">{t("page.noTokens")}</p>
        ) : (
          <ul aria-label={t("page.tokensCaption")} className="space-y-3">
            {integration.tokens.map((token) => (
              <TokenCard key={token.id} integrationId={integration.id} token={token} defaultRateLimit={defaultRateLimit} editable={integration.active} />
            ))}
          </ul>
        )}
      </section>

      {integration.active && (
        <>
          <section aria-labelledby="new-token" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="new-token" className="text-lg font-semibold">
              {t("page.newToken")}
            </h2>
            <NewTokenForm integrationId={integration.id} defaultRateLimit={defaultRateLimit} />
          </section>
          <section aria-labelledby="deactivate" className="space-y-3 rounded-lg border border-gray-200 bg-white p-5">
            <h2 id="deactivate" className="text-lg font-semibold">
              {t("deactivate.heading")}
            </h2>
            <DeactivateIntegrationForm integration={{ id: integration.id, name: integration.name }} />
          </section>
        </>
      )}
    </div>
  );
}
