import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Instant } from "@/components/ui/instant";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import type { ObjectHeader as ObjectHeaderFacts } from "@/lib/objects/load-object-header";
import { objectListPaths } from "@/lib/objects/object-paths";
import { ObjectTabs } from "./object-tabs";
import { TrashObjectForm } from "./trash-object-form";

/**
 * The top of every object page: where it is (its list), what it is (reference, type, title), who owns it and where it
 * comes from, how it is shared, the caller's level, and the controls their access allows.
 */
export async function ObjectHeader({ context, facts, tab, shareControl }: { context: ObjectPageContext; facts: ObjectHeaderFacts; tab: "overview" | "share"; shareControl?: React.ReactNode }) {
  const { object } = context;
  const [t, tTypes, tTypesPlural, tLevels, tScope] = await Promise.all([
    getTranslations("workspace.objectPage"),
    getTranslations("common.objectTypes"),
    getTranslations("common.objectTypesPlural"),
    getTranslations("common.levels"),
    getTranslations("workspace.scope"),
  ]);
  const scope = object.scope.kind === "sites" ? t("scopeSites", { sites: facts.scopeSiteNames.join(", ") }) : tScope(object.scope.kind);
  return (
    <header className="space-y-4">
      <nav aria-label={t("breadcrumbs")} className="text-sm">
        <Link href={objectListPaths[object.type]} className="text-blue-700 underline">
          {tTypesPlural(object.type)}
        </Link>
        <span aria-hidden="true" className="px-1 text-gray-500">
          /
        </span>
        <span className="font-mono text-gray-700">{object.reference}</span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-gray-600">
            {tTypes(object.type)} · <span className="font-mono">{object.reference}</span>
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-gray-900 [overflow-wrap:anywhere]">{object.title}</h1>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {shareControl}
          {object.access.actions.includes("delete") && <TrashObjectForm object={object} />}
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-gray-600">{t("owner")}</dt>
          <dd className="font-medium text-gray-900">
            <Link href={`/people/${object.ownerId}`} className="text-blue-700 hover:underline">
              {facts.ownerName}
            </Link>
          </dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("originSite")}</dt>
          <dd className="font-medium text-gray-900">{facts.originSiteName ?? t("noSite")}</dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("sharing")}</dt>
          <dd className="font-medium text-gray-900 [overflow-wrap:anywhere]">{scope}</dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("yourAccess")}</dt>
          <dd className="font-medium text-gray-900">{tLevels(object.access.level)}</dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("created")}</dt>
          <dd className="text-gray-900">
            <Instant value={object.createdAt} />
          </dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("updated")}</dt>
          <dd className="text-gray-900">
            <Instant value={object.updatedAt} />
          </dd>
        </div>
        {facts.templateName && (
          <div>
            <dt className="text-gray-600">{t("template")}</dt>
            <dd className="text-gray-900">{facts.templateName}</dd>
          </div>
        )}
      </dl>
      <ObjectTabs type={object.type} id={object.id} current={tab} />
    </header>
  );
}
