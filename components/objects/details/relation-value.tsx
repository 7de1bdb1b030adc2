import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RelationTarget } from "@/lib/object-details/relation-values";
import { objectPath } from "@/lib/objects/object-paths";

/**
 * One value of a relation property (see resolveRelationValues): a person links to their page, an object the reader
 * can view to its page, and objects they cannot view are only counted, never named.
 */
export function RelationValue({ target }: { target: RelationTarget }) {
  const t = useTranslations("details.values");
  switch (target.kind) {
    case "user":
      return (
        <Link href={`/people/${target.id}`} className="text-blue-700 hover:underline">
          {target.active ? target.name : t("deactivatedUser", { name: target.name })}
        </Link>
      );
    case "object":
      return (
        <Link href={objectPath(target.type, target.id)} className="text-blue-700 hover:underline">
          <span className="font-mono">{target.reference}</span> {target.title}
        </Link>
      );
    case "hidden":
      return <span className="text-gray-600">{t("hiddenObjects", { count: target.count })}</span>;
  }
}

/** All the values of one relation property, as a list (a relation may name several users or objects). */
export function RelationValues({ targets }: { targets: RelationTarget[] }) {
  return (
    <ul className="space-y-0.5">
      {targets.map((target) => (
        <li key={target.kind === "hidden" ? "hidden" : target.id} className="[overflow-wrap:anywhere]">
          <RelationValue target={target} />
        </li>
      ))}
    </ul>
  );
}
