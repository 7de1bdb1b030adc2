import type { ReactNode } from "react";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";

/**
 * The heading of the properties, templates and views pages (the admin layout carries the section nav): on an
 * editor, the way back to its list; the page title and what it is for.
 */
export function AdminPageHeader({
  title,
  description,
  trail,
  actions,
}: {
  title: string;
  description?: ReactNode;
  /** Links from the section down to this page (an editor's way back to its list). */
  trail?: { href: string; label: string }[];
  actions?: ReactNode;
}) {
  return (
    <div className="space-y-1">
      {trail && trail.length > 0 && <AdminBreadcrumbs trail={[...trail, { label: title }]} />}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{title}</h1>
          {description && <div className="mt-1 text-sm text-gray-600">{description}</div>}
        </div>
        {actions}
      </div>
    </div>
  );
}
