import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { buttonStyles } from "@/components/ui/button-styles";
import { enterPage } from "@/lib/gate/page-gate";
import { groupPropertiesByTarget } from "@/lib/properties/property-admin";
import { propertyTargetLabels, propertyTypeLabels } from "@/lib/properties/property-labels";
import { loadPropertyViews, type PropertyView } from "@/lib/properties/property-view";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Properties" };

function Details({ property }: { property: PropertyView }) {
  if (property.options) {
    return (
      <ul className="flex flex-wrap gap-1">
        {property.options.map((option) => (
          <li key={option.id} className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">
            {option.label}
          </li>
        ))}
      </ul>
    );
  }
  if (property.targetType) return <span className="text-gray-700">→ {propertyTargetLabels[property.targetType].plural}</span>;
  return <span className="text-gray-400">—</span>;
}

export default async function PropertiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await enterPage({ name: "properties.list", capability: "administer" });
  const groups = groupPropertiesByTarget(await loadPropertyViews(db, user.organizationId));
  const { deleted } = await searchParams;

  return (
    <div className="space-y-8">
      <AdminPageHeader
        trail={[{ href: "/admin", label: "Admin" }]}
        title="Properties"
        description="Custom properties of users and of each object type. Values are stored by the property's id, so renaming never touches them; access rules and watermarks refer to properties by id too."
      />
      {deleted && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          The property and its values were deleted.
        </p>
      )}
      <nav aria-label="Targets" className="flex flex-wrap gap-2 text-sm">
        {groups.map((group) => (
          <a key={group.target} href={`#${group.target}`} className="rounded-md border border-gray-200 bg-white px-2.5 py-1 text-gray-700 hover:bg-gray-50">
            {group.label} <span className="text-gray-400">{group.properties.length}</span>
          </a>
        ))}
      </nav>
      {groups.map((group) => (
        <section key={group.target} id={group.target} aria-labelledby={`${group.target}-heading`} className="scroll-mt-4 space-y-3">
          <div className="flex items-center justify-between gap-4">
            <h2 id={`${group.target}-heading`} className="text-lg font-semibold text-gray-900">
              {group.label}
            </h2>
            <Link href={`/admin/properties/new?appliesTo=${group.target}`} className={buttonStyles.secondary}>
              Add a property<span className="sr-only"> to {group.label.toLowerCase()}</span>
            </Link>
          </div>
          {group.properties.length === 0 ? (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-3 text-sm text-gray-500">No properties yet.</p>
          ) : (
            <DataTable columns={[{ label: "Name", className: "w-1/4" }, { label: "Type", className: "w-40" }, "Options or target"]}>
              {group.properties.map((property) => (
                <tr key={property.id}>
                  <RecordLinkCell href={`/admin/properties/${property.id}`} name={property.name} />
                  <td className="px-4 py-2 text-gray-700">{propertyTypeLabels[property.type]}</td>
                  <td className="px-4 py-2">
                    <Details property={property} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {group.pointingHere.length > 0 && (
            <p className="text-sm text-gray-600">
              Also shown on {group.target === "user" ? "users' pages" : `${group.label.toLowerCase()}' pages`}, from the other side:{" "}
              {group.pointingHere.map((property, index) => (
                <span key={property.id}>
                  {index > 0 && ", "}
                  <Link href={`/admin/properties/${property.id}`} className="text-blue-700 hover:underline">
                    {propertyTargetLabels[property.appliesTo].singular} · {property.name}
                  </Link>
                </span>
              ))}
              .
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
