import { getTranslations } from "next-intl/server";
import { manufacturingOrderStatuses, partStatuses, productStatuses, projectStatuses } from "@/db/schema";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { loadDetailsFormOptions } from "@/lib/object-details/details-form-options";
import { getObjectDetails } from "@/lib/object-details/get-object-details";
import { editableDetailFields, type ObjectDetails } from "@/lib/object-details/object-details-view";
import { objectPath } from "@/lib/objects/object-paths";
import { DetailsEditForm } from "./details-edit-form";
import { DetailsList } from "./details-list";

/** The statuses the form offers: any of the type's, but only the allowed moves of a manufacturing order. */
function statusChoices(details: ObjectDetails): string[] {
  switch (details.type) {
    case "part":
      return [...partStatuses];
    case "product":
      return [...productStatuses];
    case "project":
      return [...projectStatuses];
    case "manufacturing_order":
      return manufacturingOrderStatuses.filter((status) => status === details.status || details.nextStatuses.includes(status));
    default:
      return [];
  }
}

/**
 * The object's type-specific details (SPEC §5), and — when the caller may edit the object and its type has editable
 * details — the form that changes them.
 */
export async function DetailsPanel({ context }: { context: ObjectPageContext }) {
  const { db, user, object } = context;
  const found = await getObjectDetails(db, user, { id: object.id }, { authorized: context.authorized });
  if (!found.ok) return null;
  const details = found.data;
  const editable = object.access.actions.includes("edit") && editableDetailFields[details.type].length > 0;
  const [t, options] = await Promise.all([getTranslations("details.panel"), editable ? loadDetailsFormOptions(db, user, details) : null]);
  const readOnlyNote = details.type === "document" ? t("readOnlyDocument") : details.type === "workflow" ? t("readOnlyWorkflow") : null;
  return (
    <section aria-labelledby="object-details-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
      <h2 id="object-details-heading" className="text-base font-semibold text-gray-900">
        {t("heading")}
      </h2>
      <DetailsList details={details} />
      {readOnlyNote && <p className="text-sm text-gray-600">{readOnlyNote}</p>}
      {options && (
        <details className="rounded-md border border-gray-200 p-3 open:pb-4">
          <summary className="cursor-pointer text-sm font-medium text-gray-900">{t("editHeading")}</summary>
          <div className="mt-4">
            <DetailsEditForm details={details} statusChoices={statusChoices(details)} options={options} pagePath={objectPath(details.type, details.id)} />
          </div>
        </details>
      )}
    </section>
  );
}
