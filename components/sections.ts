export type Section = {
  href: `/${string}`;
  title: string;
  /** One line, on the home page card. */
  summary: string;
  /** What the section's page will hold, said plainly while it is still a placeholder. */
  upcoming: string;
  arrivesWith: string;
};

export const sections = {
  documents: {
    href: "/documents",
    title: "Documents",
    summary: "Drawings, specifications and procedures, with their revisions and files.",
    upcoming:
      "This list will show the documents you may see, with their reference, title, current revision and status. " +
      "From here you will open a document, preview its files and, where your access allows, download them or start a new draft revision.",
    arrivesWith: "the workspace issue",
  },
  parts: {
    href: "/parts",
    title: "Parts",
    summary: "Components and materials, with their properties and links.",
    upcoming:
      "This list will show the parts you may see, with their reference, title and properties, " +
      "and the documents and products they are linked to.",
    arrivesWith: "the workspace issue",
  },
  products: {
    href: "/products",
    title: "Products",
    summary: "What you sell, and where each product is in its lifecycle.",
    upcoming:
      "This list will show the products you may see, with their reference, title and lifecycle status, " +
      "and the parts, documents and people linked to them.",
    arrivesWith: "the workspace issue",
  },
  projects: {
    href: "/projects",
    title: "Projects",
    summary: "Teams, tasks and how far along each project is.",
    upcoming: "This list will show the projects you may see, with their team, their tasks and their completion.",
    arrivesWith: "the workspace issue",
  },
  "manufacturing-orders": {
    href: "/manufacturing-orders",
    title: "Manufacturing orders",
    summary: "What is being made, in what quantity, on which site.",
    upcoming:
      "This list will show the manufacturing orders you may see: product, quantity, site and status " +
      "(planned, in progress, done or cancelled).",
    arrivesWith: "the workspace issue",
  },
  workflows: {
    href: "/workflows",
    title: "Workflows",
    summary: "Change requests, orders and notices (ECR, ECO, ECN) and new product introductions (NPD).",
    upcoming:
      "This list will show the change workflows you may see, with their type, responsible person, linked objects, " +
      "tasks and status. The tasks and signatures assigned to you will be reachable from here.",
    arrivesWith: "the workspace issue",
  },
  analytics: {
    href: "/analytics",
    title: "Analytics",
    summary: "Activity and progress across the workspace, for Managers and Admins.",
    upcoming:
      "This dashboard will chart documents created, versioned and validated over time, products and manufacturing " +
      "orders in progress, workflows by type and status, project completion by team and per-user usage, filtered by " +
      "date range and site. Its figures will count only the objects you may see. It is for Managers and Admins.",
    arrivesWith: "the analytics issue",
  },
  admin: {
    href: "/admin",
    title: "Admin",
    summary: "Users, sites, properties, access rules and the audit log, for Admins.",
    upcoming:
      "This panel will let Admins manage users, sites, properties, saved views, access rules (with an impact preview " +
      "before saving), watermarks, integrations and exports, and read the integration logs and the audit log.",
    arrivesWith: "the admin panel issue",
  },
} as const satisfies Record<string, Section>;

export type SectionId = keyof typeof sections;

export const workspaceSectionIds = [
  "documents",
  "parts",
  "products",
  "projects",
  "manufacturing-orders",
  "workflows",
] as const satisfies readonly SectionId[];
