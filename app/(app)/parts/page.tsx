import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";
import { sections } from "@/components/sections";

export const metadata: Metadata = { title: sections.parts.title };

export default function PartsPage() {
  return <PlaceholderPage section="parts" />;
}
