import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";
import { sections } from "@/components/sections";

export const metadata: Metadata = { title: sections.projects.title };

export default function ProjectsPage() {
  return <PlaceholderPage section="projects" />;
}
