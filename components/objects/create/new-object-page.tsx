import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ObjectType } from "@/db/schema";
import type { CreateFormChoices } from "@/lib/objects/load-create-form";
import { objectListPaths } from "@/lib/objects/object-paths";
import { CreateObjectForm } from "./create-object-form";

/** The page around a create form: where it belongs (its list) and what the form does. */
export async function NewObjectPage({ type, choices }: { type: ObjectType; choices: CreateFormChoices }) {
  const [t, tNew, tTypes] = await Promise.all([getTranslations("workspace.create"), getTranslations("workspace.list.new"), getTranslations("common.objectTypesPlural")]);
  return (
    <div className="max-w-3xl space-y-5">
      <nav aria-label={t("breadcrumbs")} className="text-sm">
        <Link href={objectListPaths[type]} className="text-blue-700 underline">
          {tTypes(type)}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{tNew(type)}</h1>
      <p className="text-sm text-gray-600">{t("intro")}</p>
      <CreateObjectForm type={type} choices={choices} />
    </div>
  );
}
