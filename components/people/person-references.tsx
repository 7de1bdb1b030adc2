import { useTranslations } from "next-intl";
import { ReferenceGroups } from "@/components/objects/details/reference-groups";
import type { PersonPage } from "@/lib/people/get-person";

/** What names this person through relation properties (SPEC §5: a product's "Quality lead" shows on their page). */
export function PersonReferences({ page }: { page: PersonPage }) {
  const t = useTranslations("people.references");
  const name = page.person.name;
  return (
    <section aria-labelledby="person-references-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
      <h2 id="person-references-heading" className="text-base font-semibold text-gray-900">
        {t("heading")}
      </h2>
      <p className="text-sm text-gray-600">{t("intro", { name })}</p>
      {page.referencedBy.length === 0 ? <p className="text-sm text-gray-600">{t("none", { name })}</p> : <ReferenceGroups backlinks={page.referencedBy} />}
    </section>
  );
}
