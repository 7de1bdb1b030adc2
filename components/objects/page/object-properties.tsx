import { getTranslations } from "next-intl/server";
import type { ObjectWithAccess } from "@/lib/objects/get-object";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import type { RelationTarget } from "@/lib/object-details/relation-values";
import { RelationValues } from "../details/relation-value";
import { PropertyValue } from "../property-value";

/** The object's custom property values, under their names (read-only; the edit form changes them). */
export async function ObjectProperties({
  object,
  definitions,
  relations,
}: {
  object: ObjectWithAccess;
  definitions: PropertyDefinitionFacts[];
  relations: Record<string, RelationTarget[]>;
}) {
  const t = await getTranslations("workspace.objectPage");
  return (
    <section aria-labelledby="object-properties-heading" className="rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
      <h2 id="object-properties-heading" className="text-base font-semibold text-gray-900">
        {t("propertiesHeading")}
      </h2>
      {definitions.length === 0 ? (
        <p className="mt-2 text-sm text-gray-600">{t("noProperties")}</p>
      ) : (
        <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          {definitions.map((definition) => (
            <div key={definition.id} className="min-w-0">
              <dt className="text-gray-600 [overflow-wrap:anywhere]">{definition.name}</dt>
              <dd className="font-medium text-gray-900 [overflow-wrap:anywhere]">
                {definition.type === "relation" && relations[definition.id] ? (
                  <RelationValues targets={relations[definition.id]!} />
                ) : (
                  <PropertyValue value={object.properties[definition.id]} definition={definition} />
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
