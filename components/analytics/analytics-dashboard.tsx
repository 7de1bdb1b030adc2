import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { chartIds } from "@/lib/analytics/analytics-data";
import type { AnalyticsRequest } from "@/lib/analytics/analytics-request";
import type { ActingUser } from "@/lib/auth/acting-user";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { Result } from "@/lib/result";
import { AnalyticsFilters } from "./analytics-filters";
import { ChartPlaceholder, ChartSection } from "./chart-section";

interface AnalyticsDashboardProps {
  user: ActingUser;
  /** The request the URL makes, or why it is refused (a site that is not the viewer's, a bad date…). */
  asked: Result<AnalyticsRequest>;
  /** The default view, whose filters the form shows when the URL's are refused. */
  fallback: Result<AnalyticsRequest>;
}

/**
 * The dashboard: the filters and the frame paint at once; each chart streams in its own Suspense boundary as its
 * query answers.
 */
export async function AnalyticsDashboard({ user, asked, fallback }: AnalyticsDashboardProps) {
  const [t, format, locale] = await Promise.all([getTranslations("analytics"), getFormatter(), requestLocale()]);
  const request = asked.ok ? asked.data : fallback.ok ? fallback.data : null;
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const refusal = asked.ok ? null : renderAppError(locale, asked.error);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro", { timeZone: user.timeZone })}</p>
      </div>
      {request && (
        <AnalyticsFilters
          preset={request.period.preset}
          from={request.period.from}
          to={request.period.to}
          grain={request.period.grain}
          siteId={asked.ok ? request.scope.siteId : null}
          sites={request.scope.choices}
          allLabel={user.role === "admin" ? "allSites" : "allMySites"}
          sort={request.order.sort}
          order={request.order.order}
        />
      )}
      {refusal ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">{t("refused.title")}</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.values(refusal.fields ?? { message: refusal.message }).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <Link href="/analytics" className="mt-2 inline-block font-medium text-red-900 underline">
            {t("refused.reset")}
          </Link>
        </div>
      ) : (
        asked.ok && (
          <>
            <p className="text-sm text-gray-700">
              {t("filters.showing", {
                from: day(asked.data.period.from),
                to: day(asked.data.period.to),
                previousFrom: day(asked.data.period.previous.from),
                previousTo: day(asked.data.period.previous.to),
              })}
            </p>
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              {chartIds.map((id) => (
                <Suspense key={id} fallback={<ChartPlaceholder id={id} />}>
                  <ChartSection user={user} request={asked.data} id={id} />
                </Suspense>
              ))}
            </div>
          </>
        )
      )}
    </div>
  );
}
