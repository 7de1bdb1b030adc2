import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";
import { sections } from "@/components/sections";

export const metadata: Metadata = { title: sections.workflows.title };

export default function WorkflowsPage() {
  return <PlaceholderPage section="workflows" />;
}
