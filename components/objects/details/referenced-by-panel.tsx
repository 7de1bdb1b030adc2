import { getTranslations } from "next-intl/server";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { listObjectReferences } from "@/lib/object-details/list-object-references";
import { ReferenceGroups } from "./reference-groups";

/** "Referenced by": the objects the caller can view, and the people, whose relation properties name this object (SPEC §5). */
export async function ReferencedByPanel({ context }: { context: ObjectPageContext }) {
  const { db, user, object } = context;
  const found = await listObjectReferences(db, user, { id: object.id }, { authorized: context.authorized });
  if (!found.ok) return null;
  const t = await getTranslations("details.references");
  return (
    <section aria-labelledby="referenced-by-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
      <h2 id="referenced-by-heading" className="text-base font-semibold text-gray-900">
        {t("heading")}
      </h2>
      {found.data.length === 0 ? <p className="text-sm text-gray-600">{t("none")}</p> : <ReferenceGroups backlinks={found.data} />}
    </section>
  );
}
