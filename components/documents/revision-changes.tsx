import { getTranslations } from "next-intl/server";
import { PropertyValue } from "@/components/objects/property-value";
import type { RevisionDiff } from "@/lib/documents/revision-diff";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";

interface RevisionChangesProps {
  diff: RevisionDiff;
  previousLabel: string;
  definitions: Map<string, PropertyDefinitionFacts>;
}

/** What a revision changed since the one before: files added, removed and re-issued, then title and properties. */
export async function RevisionChanges({ diff, previousLabel, definitions }: RevisionChangesProps) {
  const t = await getTranslations("documents.changes");
  const { files, properties } = diff;
  const fileLines = [
    ...files.added.map((file) => ({ key: `added-${file.id}`, text: t("fileAdded", { name: file.fileName }) })),
    ...files.changed.map((change) => ({ key: `changed-${change.after.id}`, text: t("fileChanged", { name: change.fileName }) })),
    ...files.removed.map((file) => ({ key: `removed-${file.id}`, text: t("fileRemoved", { name: file.fileName }) })),
  ];
  const nothing = fileLines.length === 0 && properties.recorded && !properties.title && properties.changes.length === 0;
  return (
    <details className="rounded-md border border-gray-200 bg-gray-50 px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium text-gray-900">{t("summary", { label: previousLabel })}</summary>
      <div className="mt-2 space-y-2">
        {nothing && <p className="text-gray-700">{t("nothing")}</p>}
        {fileLines.length > 0 && (
          <ul className="list-disc space-y-1 pl-5 text-gray-800">
            {fileLines.map((line) => (
              <li key={line.key} className="[overflow-wrap:anywhere]">
                {line.text}
              </li>
            ))}
          </ul>
        )}
        {files.unchanged > 0 && <p className="text-gray-700">{t("filesUnchanged", { count: files.unchanged })}</p>}
        {!properties.recorded ? (
          <p className="text-gray-700">{t("propertiesNotRecorded")}</p>
        ) : (
          (properties.title || properties.changes.length > 0) && (
            <dl className="space-y-1 text-gray-800">
              {properties.title && (
                <div>
                  <dt className="inline font-medium">{t("named", { name: t("titleName") })} </dt>
                  <dd className="inline [overflow-wrap:anywhere]">{t("fromTo", { before: properties.title.before, after: properties.title.after })}</dd>
                </div>
              )}
              {properties.changes.map((change) => {
                const definition = definitions.get(change.propertyId);
                return (
                  <div key={change.propertyId}>
                    <dt className="inline font-medium [overflow-wrap:anywhere]">{t("named", { name: definition?.name ?? t("removedProperty") })} </dt>
                    <dd className="inline [overflow-wrap:anywhere]">
                      <PropertyValue value={change.before} definition={definition} /> → <PropertyValue value={change.after} definition={definition} />
                    </dd>
                  </div>
                );
              })}
            </dl>
          )
        )}
      </div>
    </details>
  );
}
