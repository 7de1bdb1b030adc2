import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogFilters, type LogFilterValues } from "@/components/admin/integration-log/log-filters";
import { LogTable } from "@/components/admin/integration-log/log-table";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { env } from "@/lib/env";
import { enterPage } from "@/lib/gate/page-gate";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { listIntegrationLog } from "@/lib/integrations/list-integration-log";
import { listIntegrations } from "@/lib/integrations/list-integrations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminIntegrationLog"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text || undefined;
}

function pageHref(filters: LogFilterValues, cursor?: string): string {
  const params = new URLSearchParams(Object.entries({ ...filters, cursor }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const query = params.toString();
  return query ? `/admin/integration-log?${query}` : "/admin/integration-log";
}

const pageSize = 50;

export default async function AdminIntegrationLogPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, db } = await enterPage({ name: "integration_log.list", capability: "export" });
  const params = await searchParams;
  const filters: LogFilterValues = { integrationId: first(params.integrationId), status: first(params.status), from: first(params.from), to: first(params.to) };
  const cursor = first(params.cursor);
  const [logged, integrations, t, tAdmin, locale] = await Promise.all([
    listIntegrationLog(db, user, { ...filters, limit: pageSize, cursor }),
    listIntegrations(db, user, { limit: 200 }),
    getTranslations("adminIntegrationLog"),
    getTranslations("admin"),
    requestLocale(),
  ]);
  const choices = integrations.ok ? integrations.data.items.map((integration) => ({ id: integration.id, name: integration.name })) : [];
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-6">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title") }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro", { days: env().INTEGRATION_LOG_RETENTION_DAYS })}</p>
      </div>
      <LogFilters integrations={choices} values={filters} />
      {!logged.ok ? (
        <FormStatus error={(() => {
          const rendered = renderAppError(locale, logged.error);
          return { ...rendered, message: Object.values(rendered.fields ?? {})[0] ?? rendered.message };
        })()} />
      ) : logged.data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{filtered || cursor ? t("none") : t("empty")}</p>
      ) : (
        <>
          <LogTable entries={logged.data.items} />
          {(cursor || logged.data.nextCursor) && (
            <nav aria-label={t("caption")} className="flex flex-wrap gap-3">
              {cursor && (
                <Link href={pageHref(filters)} className={buttonStyles.secondary}>
                  {t("newer")}
                </Link>
              )}
              {logged.data.nextCursor && (
                <Link href={pageHref(filters, logged.data.nextCursor)} className={`${buttonStyles.secondary} gap-1.5`}>
                  {t("older")}
                  <span aria-hidden="true">→</span>
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
