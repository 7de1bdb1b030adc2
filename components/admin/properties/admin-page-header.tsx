import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";

/**
 * The heading of the properties, templates, views and access rules pages (the admin layout carries the section
 * nav): the way back up from Admin, the page title and what it is for. Long names without spaces break anywhere
 * rather than widen the page past a phone's width.
 */
export async function AdminPageHeader({
  title,
  badge,
  description,
  trail = [],
  actions,
}: {
  title: string;
  /** Shown beside the title (a disabled rule). */
  badge?: ReactNode;
  description?: ReactNode;
  /** Links from the admin section down to this page (an editor's way back to its list). */
  trail?: { href: string; label: string }[];
  actions?: ReactNode;
}) {
  const tSections = await getTranslations("shell.sections");
  return (
    <div className="space-y-1 [overflow-wrap:anywhere]">
      <AdminBreadcrumbs trail={[{ href: "/admin", label: tSections("admin") }, ...trail, { label: title }]} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-3xl">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-gray-900">
            {title}
            {badge}
          </h1>
          {description && <div className="mt-1 text-sm text-gray-600">{description}</div>}
        </div>
        {actions}
      </div>
    </div>
  );
}
