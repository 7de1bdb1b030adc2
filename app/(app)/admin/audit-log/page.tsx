import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuditEntryList } from "@/components/admin/audit-log/audit-entry-list";
import { AuditFiltersForm, type AuditFilterValues } from "@/components/admin/audit-log/audit-filters-form";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { buttonStyles } from "@/components/ui/button-styles";
import { loadAuditLogPage } from "@/lib/audit/audit-log-page";
import { enterPage } from "@/lib/gate/page-gate";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAudit"))("title") };
}

const pageSize = 25;
const filterNames = ["actor", "targetType", "targetId", "action", "from", "to"] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text || undefined;
}

function pageHref(filters: AuditFilterValues, cursor?: string): string {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/admin/audit-log?${query}` : "/admin/audit-log";
}

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, db } = await enterPage({ name: "audit_log.list", capability: "administer" });
  const params = await searchParams;
  const filters: AuditFilterValues = Object.fromEntries(filterNames.map((name) => [name, first(params[name])]));
  const cursor = first(params.cursor);
  const [data, t, tAdmin, tCommon, locale] = await Promise.all([
    loadAuditLogPage(db, user, { ...filters, cursor }, pageSize),
    getTranslations("adminAudit"),
    getTranslations("admin"),
    getTranslations("common"),
    requestLocale(),
  ]);
  const refused = data.page.ok ? null : renderAppError(locale, data.page.error);

  return (
    <div className="space-y-6">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title") }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro")}</p>
      </div>
      <AuditFiltersForm values={filters} actions={data.actions} errors={refused?.fields ?? {}} />
      {refused && !refused.fields && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {refused.message}
        </p>
      )}
      {data.actorUnknown && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("actorUnknown", { email: filters.actor ?? "" })}
        </p>
      )}
      {data.page.ok && (
        <>
          {data.page.data.items.length === 0 ? (
            !data.actorUnknown && <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{t("none")}</p>
          ) : (
            <AuditEntryList items={data.page.data.items} />
          )}
          {(cursor || data.page.data.nextCursor) && (
            <nav aria-label={tCommon("pagination")} className="flex flex-wrap items-center gap-3">
              {cursor && (
                <Link href={pageHref(filters)} className={`${buttonStyles.secondary} gap-1.5`}>
                  <span aria-hidden="true">⇤</span>
                  {t("firstPage")}
                </Link>
              )}
              {data.page.data.nextCursor && (
                <Link href={pageHref(filters, data.page.data.nextCursor)} className={`${buttonStyles.secondary} gap-1.5`}>
                  {t("nextPage")}
                  <span aria-hidden="true">→</span>
                </Link>
              )}
              <span className="text-sm text-gray-600">{t("pageSize", { count: pageSize })}</span>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
