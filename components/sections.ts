import type { Capability } from "@/lib/authz/roles";

/** The workspace's sections: where each lives and the role capability it needs. Words are in the catalogues. */
export const sections = {
  documents: { href: "/documents", capability: "view_objects" },
  parts: { href: "/parts", capability: "view_objects" },
  products: { href: "/products", capability: "view_objects" },
  projects: { href: "/projects", capability: "view_objects" },
  "manufacturing-orders": { href: "/manufacturing-orders", capability: "view_objects" },
  workflows: { href: "/workflows", capability: "view_objects" },
  analytics: { href: "/analytics", capability: "view_analytics" },
  admin: { href: "/admin", capability: "administer" },
} as const satisfies Record<string, { href: `/${string}`; capability: Capability }>;

export type SectionId = keyof typeof sections;

export const workspaceSectionIds = [
  "documents",
  "parts",
  "products",
  "projects",
  "manufacturing-orders",
  "workflows",
] as const satisfies readonly SectionId[];
