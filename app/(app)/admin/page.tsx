import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";
import { sections } from "@/components/sections";

export const metadata: Metadata = { title: sections.admin.title };

export default function AdminPage() {
  return <PlaceholderPage section="admin" />;
}
