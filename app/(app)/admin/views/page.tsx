import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { buttonStyles } from "@/components/ui/button-styles";
import { objectTypes } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { objectTypeLabels } from "@/lib/objects/object-type-labels";
import { loadPropertyViews } from "@/lib/properties/property-view";
import { loadSavedViews } from "@/lib/views/saved-view";
import { builtInViewFieldLabels, isBuiltInViewField, propertyIdOfField } from "@/lib/views/view-fields";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Views" };

export default async function ViewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await enterPage({ name: "views.list", capability: "administer" });
  const views = await loadSavedViews(db, user, { shared: true });
  const propertyNames = new Map((await loadPropertyViews(db, user.organizationId)).map((property) => [property.id, property.name]));
  const label = (field: string) => (isBuiltInViewField(field) ? builtInViewFieldLabels[field] : (propertyNames.get(propertyIdOfField(field) ?? "") ?? "?"));
  const { deleted } = await searchParams;

  return (
    <div className="space-y-8">
      <AdminPageHeader
        trail={[{ href: "/admin", label: "Admin" }]}
        title="Views"
        description="Shared list views per object type: the columns shown, the filters and the sort. Everyone can pick them; each user also keeps personal views. A view only narrows a list: it never shows an object its user may not see."
      />
      {deleted && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          The view was deleted.
        </p>
      )}
      {objectTypes.map((type) => {
        const ofType = views.filter((view) => view.objectType === type);
        const plural = objectTypeLabels[type].plural;
        return (
          <section key={type} aria-labelledby={`${type}-heading`} className="space-y-3">
            <div className="flex items-center justify-between gap-4">
              <h2 id={`${type}-heading`} className="text-lg font-semibold text-gray-900">
                {plural}
              </h2>
              <Link href={`/admin/views/new?type=${type}`} className={buttonStyles.secondary}>
                New shared view<span className="sr-only"> of {plural.toLowerCase()}</span>
              </Link>
            </div>
            {ofType.length === 0 ? (
              <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-3 text-sm text-gray-500">No shared view yet.</p>
            ) : (
              <DataTable columns={[{ label: "View", className: "w-1/4" }, "Columns", { label: "Filters", className: "w-24" }, { label: "Sort", className: "w-1/5" }]}>
                {ofType.map((view) => (
                  <tr key={view.id}>
                    <RecordLinkCell href={`/admin/views/${view.id}`} name={view.name} />
                    <td className="px-4 py-2 text-gray-700">{view.columns.map(label).join(", ")}</td>
                    <td className="px-4 py-2 text-gray-700">{view.filters.length === 0 ? "—" : view.filters.length}</td>
                    <td className="px-4 py-2 text-gray-700">
                      {view.sort.length === 0 ? "Newest first" : view.sort.map((entry) => `${label(entry.field)} ${entry.direction === "asc" ? "↑" : "↓"}`).join(", ")}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        );
      })}
    </div>
  );
}
