import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RelationBacklink } from "@/lib/properties/list-relations-pointing-at";
import { objectPath } from "@/lib/objects/object-paths";

/**
 * What names a person or an object through relation properties, one group per property: objects (the reader can
 * view) link to their page, people to theirs. Each group has an h3 heading, under its section's h2.
 */
export function ReferenceGroups({ backlinks }: { backlinks: RelationBacklink[] }) {
  const t = useTranslations("details.references");
  const tTypes = useTranslations("common.objectTypes");
  return (
    <div className="space-y-4">
      {backlinks.map((backlink) => (
        <div key={backlink.property.id} className="min-w-0">
          <h3 className="text-sm font-semibold text-gray-900 [overflow-wrap:anywhere]">
            {t("property", { property: backlink.property.name, target: backlink.property.appliesTo })}
          </h3>
          <ul className="mt-1 space-y-1 text-sm">
            {backlink.carriers.map((carrier) => (
              <li key={carrier.id} className="[overflow-wrap:anywhere]">
                {carrier.kind === "object" ? (
                  <Link href={objectPath(carrier.type, carrier.id)} className="text-blue-700 hover:underline">
                    <span className="font-mono">{carrier.reference}</span> {carrier.title}
                  </Link>
                ) : (
                  <Link href={`/people/${carrier.id}`} className="text-blue-700 hover:underline">
                    {carrier.name}
                  </Link>
                )}
                {carrier.kind === "object" && <span className="sr-only"> · {tTypes(carrier.type)}</span>}
                {carrier.kind === "user" && !carrier.active && <span className="ml-1 text-xs text-gray-600">({t("deactivated")})</span>}
              </li>
            ))}
          </ul>
          {backlink.more && <p className="mt-1 text-xs text-gray-600">{t("more", { count: backlink.carriers.length })}</p>}
        </div>
      ))}
    </div>
  );
}
