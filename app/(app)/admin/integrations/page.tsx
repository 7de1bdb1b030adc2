import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateIntegrationForm } from "@/components/admin/integrations/create-integration-form";
import { IntegrationsTable } from "@/components/admin/integrations/integrations-table";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { buttonStyles } from "@/components/ui/button-styles";
import { env } from "@/lib/env";
import { enterPage } from "@/lib/gate/page-gate";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { listSiteChoices } from "@/lib/sites/list-site-choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminIntegrations"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminIntegrationsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, db } = await enterPage({ name: "integrations.list", capability: "administer" });
  const cursor = (await searchParams).cursor;
  const [listed, sites, t, tAdmin, tCommon] = await Promise.all([
    listIntegrations(db, user, { limit: 100, cursor: typeof cursor === "string" ? cursor : undefined }),
    listSiteChoices(db, user),
    getTranslations("adminIntegrations"),
    getTranslations("admin"),
    getTranslations("common"),
  ]);
  const page = listed.ok ? listed.data : { items: [], nextCursor: null };
  const siteNames = Object.fromEntries(sites.map((site) => [site.id, site.name]));

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title") }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro")}</p>
      </div>

      <section aria-labelledby="integrations" className="min-w-0 space-y-3">
        <h2 id="integrations" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {page.items.length > 0 ? (
          <IntegrationsTable integrations={page.items} siteNames={siteNames} />
        ) : (
          <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{t("none")}</p>
        )}
        {page.nextCursor && (
          <Link href={`/admin/integrations?cursor=${encodeURIComponent(page.nextCursor)}`} className={buttonStyles.secondary}>
            {tCommon("actions.next")}
          </Link>
        )}
      </section>

      <section aria-labelledby="new-integration" className="min-w-0 space-y-4 rounded-lg border border-gray-200 bg-white p-5">
        <div>
          <h2 id="new-integration" className="text-lg font-semibold">
            {t("create.heading")}
          </h2>
          <p className="mt-1 text-sm text-gray-600">{t("create.hint")}</p>
        </div>
        <CreateIntegrationForm sites={sites} defaultRateLimit={env().INTEGRATION_RATE_LIMIT_PER_MINUTE} />
      </section>
    </div>
  );
}
