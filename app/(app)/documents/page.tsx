import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";
import { sections } from "@/components/sections";

export const metadata: Metadata = { title: sections.documents.title };

export default function DocumentsPage() {
  return <PlaceholderPage section="documents" />;
}
