import type { Metadata } from "next";
import { PlaceholderPage, sectionTitle } from "@/components/placeholder-page";
import { enterPage } from "@/lib/gate/page-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await sectionTitle("manufacturing-orders") };
}

export default async function ManufacturingOrdersPage() {
  await enterPage({ name: "objects.list", capability: "view_objects" });
  return <PlaceholderPage section="manufacturing-orders" />;
}
