import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";
import { sections } from "@/components/sections";

export const metadata: Metadata = { title: sections.products.title };

export default function ProductsPage() {
  return <PlaceholderPage section="products" />;
}
