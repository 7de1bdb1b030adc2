import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Instant } from "@/components/ui/instant";
import type { ObjectListRow } from "@/lib/objects/list-object-page";
import { objectPath } from "@/lib/objects/object-paths";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import type { ListField } from "@/lib/views/view-to-list-filter";
import { PropertyValue } from "../property-value";

/** One cell of a workspace list row; the reference and the title link to the object's page. */
export async function ObjectListCell({ row, field, definitions }: { row: ObjectListRow; field: ListField; definitions: Map<string, PropertyDefinitionFacts> }) {
  const tScope = await getTranslations("workspace.scope");
  const cell = "px-4 py-2 align-top [overflow-wrap:anywhere]";
  if (field.source === "property") {
    return (
      <td className={cell}>
        <PropertyValue value={row.properties[field.propertyId]} definition={definitions.get(field.propertyId)} />
      </td>
    );
  }
  switch (field.column) {
    case "reference":
      return (
        <td className={`${cell} whitespace-nowrap font-mono text-xs`}>
          <Link href={objectPath(row.type, row.id)} className="text-blue-700 hover:underline">
            {row.reference}
          </Link>
        </td>
      );
    case "title":
      return (
        <td className={`${cell} min-w-48`}>
          <Link href={objectPath(row.type, row.id)} className="font-medium text-blue-700 hover:underline">
            {row.title}
          </Link>
        </td>
      );
    case "owner":
      return <td className={cell}>{row.ownerName}</td>;
    case "originSite":
      return <td className={cell}>{row.originSiteName ?? <span className="text-gray-600">—</span>}</td>;
    case "scope":
      return <td className={cell}>{tScope(row.scope.kind)}</td>;
    case "createdAt":
      return (
        <td className={`${cell} whitespace-nowrap`}>
          <Instant value={row.createdAt} style="date" />
        </td>
      );
    case "updatedAt":
      return (
        <td className={`${cell} whitespace-nowrap`}>
          <Instant value={row.updatedAt} style="date" />
        </td>
      );
  }
}
