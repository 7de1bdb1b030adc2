import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";
import { sections } from "@/components/sections";

export const metadata: Metadata = { title: sections["manufacturing-orders"].title };

export default function ManufacturingOrdersPage() {
  return <PlaceholderPage section="manufacturing-orders" />;
}
