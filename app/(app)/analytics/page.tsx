import type { Metadata } from "next";
import { PlaceholderPage, sectionTitle } from "@/components/placeholder-page";
import { enterPage } from "@/lib/gate/page-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await sectionTitle("analytics") };
}

// Managers and Admins only (SPEC §2): for every other role the page does not exist.
export default async function AnalyticsPage() {
  await enterPage({ name: "analytics.view", capability: "view_analytics" });
  return <PlaceholderPage section="analytics" />;
}
