import type { DefaultScopeKind } from "@/db/schema/enums";

/** How the admin panel names each default scope (SPEC §9). */
export const defaultScopeLabels: Record<DefaultScopeKind, { label: string; hint: string }> = {
  owner: { label: "Private (owner only)", hint: "Only the object's owner." },
  creator_sites: { label: "Creator's sites", hint: "The sites of the user who creates the object, at creation time." },
  sites: { label: "Fixed sites", hint: "Always the sites picked here." },
  organization: { label: "Organisation", hint: "Every user of the organisation." },
};
