import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";
import { sections } from "@/components/sections";

export const metadata: Metadata = { title: sections.analytics.title };

export default function AnalyticsPage() {
  return <PlaceholderPage section="analytics" />;
}
