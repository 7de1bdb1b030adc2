import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AnalyticsDashboard } from "@/components/analytics/analytics-dashboard";
import { resolveAnalyticsRequest } from "@/lib/analytics/analytics-request";
import { enterPage } from "@/lib/gate/page-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics"))("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

// Managers and Admins only (SPEC §2): for every other role the page does not exist.
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, db } = await enterPage({ name: "analytics.view", capability: "view_analytics" });
  const query = Object.fromEntries(Object.entries(await searchParams).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
  const [asked, fallback] = await Promise.all([resolveAnalyticsRequest(db, user, query), resolveAnalyticsRequest(db, user, {})]);
  return <AnalyticsDashboard user={user} asked={asked} fallback={fallback} />;
}
